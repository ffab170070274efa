//! Accounts, login and secrets, as the engine sees them: an app opts in with `App::auth`,
//! every page and callback not declared public then needs a logged-in, unlocked window, and
//! the session checks that in Rust before a change is applied or a callback runs. Where the
//! accounts and secrets live is an [`AuthBackend`] the shell connects (the OS keychain,
//! `deskdash-auth`); the engine holds no password, hash or secret beyond one call.

mod accounts;
mod callbacks;
mod screens;

pub use screens::ids;

use crate::component::Component;
use crate::error::CallbackError;
use crate::handler::{ArgCursor, FromCallArg};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

pub(crate) use accounts::account_callbacks;
pub(crate) use callbacks::builtin_callbacks;
pub(crate) use screens::{lock_overlay, page_gate, settings_page, user_store};

/// What went wrong with the keychain or an account. Messages name the account or secret,
/// never a password or a secret's value.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum AuthFault {
    #[error("the keychain is not available: {0}")]
    Unavailable(String),
    #[error("the keychain is locked: {0}")]
    Locked(String),
    #[error("an account named {0:?} exists already")]
    AccountExists(String),
    #[error("no account is named {0:?}")]
    NoSuchAccount(String),
    #[error("{0}")]
    Invalid(String),
    #[error("the keychain refused: {0}")]
    Failed(String),
}

/// Where accounts (as password hashes) and secrets are kept: the OS keychain in the shell, a
/// memory one in tests. `verify` does the hashing: no hash ever reaches the engine.
pub trait AuthBackend: Send + Sync {
    fn accounts(&self) -> Result<Vec<String>, AuthFault>;
    fn create_account(&self, user: &str, password: &str) -> Result<(), AuthFault>;
    /// Whether `password` is `user`'s; an unknown user is `Ok(false)`, not an error, so a
    /// login cannot tell which of the two was wrong.
    fn verify(&self, user: &str, password: &str) -> Result<bool, AuthFault>;
    fn set_password(&self, user: &str, password: &str) -> Result<(), AuthFault>;
    fn delete_account(&self, user: &str) -> Result<(), AuthFault>;
    fn secret(&self, name: &str) -> Result<Option<String>, AuthFault>;
    fn set_secret(&self, name: &str, value: &str) -> Result<(), AuthFault>;
    fn clear_secret(&self, name: &str) -> Result<(), AuthFault>;
}

/// A monotonic clock, replaceable in tests (idle lock and back-off read it).
pub trait Clock: Send + Sync {
    fn now(&self) -> Duration;
}

struct SystemClock(std::time::Instant);
impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.0.elapsed()
    }
}

/// A clock that moves only when told to.
#[derive(Default)]
pub struct ManualClock(Mutex<Duration>);
impl ManualClock {
    pub fn advance(&self, by: Duration) {
        if let Ok(mut now) = self.0.lock() {
            *now += by;
        }
    }
}
impl Clock for ManualClock {
    fn now(&self) -> Duration {
        self.0.lock().map(|n| *n).unwrap_or_default()
    }
}

/// A secret the app declares: its name (what callbacks ask for) and what the settings page
/// calls it.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretSpec {
    pub name: String,
    pub label: String,
}

/// An app's login settings (`App::auth`).
#[derive(Clone)]
pub struct Auth {
    pub(crate) idle_lock: Option<Duration>,
    pub(crate) secrets: Vec<SecretSpec>,
    pub(crate) settings_path: Option<String>,
    pub(crate) clock: Option<Arc<dyn Clock>>,
}

impl Default for Auth {
    fn default() -> Self {
        Auth { idle_lock: Some(Duration::from_secs(15 * 60)), secrets: Vec::new(), settings_path: None, clock: None }
    }
}

impl Auth {
    /// Accounts and login, locking after 15 idle minutes.
    pub fn new() -> Auth {
        Auth::default()
    }
    /// Locks a window after `idle` without a user's change (None: never).
    pub fn idle_lock(mut self, idle: Option<Duration>) -> Auth {
        self.idle_lock = idle;
        self
    }
    /// Declares a secret callbacks read with [`Secrets::get`] and users set on the settings
    /// page.
    pub fn secret(mut self, name: &str, label: &str) -> Auth {
        self.secrets.push(SecretSpec { name: name.to_string(), label: label.to_string() });
        self
    }
    /// Registers the page where users set, replace and clear the declared secrets.
    pub fn settings_page(mut self, path: &str) -> Auth {
        self.settings_path = Some(path.to_string());
        self
    }
    /// The clock idle lock and back-off read (tests pass a [`ManualClock`]).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Auth {
        self.clock = Some(clock);
        self
    }
}

/// Failed logins of the app (all windows): from the third in a row, each waits twice as long
/// as the last before another attempt is verified (1 s, 2 s, 4 s, ... at most a minute).
#[derive(Debug, Default)]
pub(crate) struct Backoff {
    failures: u32,
    until: Duration,
}

impl Backoff {
    pub const FREE_ATTEMPTS: u32 = 2;
    pub const LONGEST: Duration = Duration::from_secs(60);

    /// How long the next attempt must still wait.
    pub fn wait(&self, now: Duration) -> Option<Duration> {
        (now < self.until).then(|| self.until - now)
    }
    pub fn failed(&mut self, now: Duration) -> Option<Duration> {
        self.failures += 1;
        let over = self.failures.checked_sub(Self::FREE_ATTEMPTS + 1)?;
        let delay = Duration::from_secs(1u64 << over.min(6)).min(Self::LONGEST);
        self.until = now + delay;
        Some(delay)
    }
    pub fn succeeded(&mut self) {
        *self = Backoff::default();
    }
}

/// The app's login machinery, shared by its windows.
pub struct AuthRuntime {
    pub(crate) settings: Auth,
    backend: OnceLock<Result<Arc<dyn AuthBackend>, String>>,
    pub(crate) backoff: Mutex<Backoff>,
    pub(crate) clock: Arc<dyn Clock>,
}

impl AuthRuntime {
    pub(crate) fn new(settings: Auth) -> AuthRuntime {
        let clock = settings.clock.clone().unwrap_or_else(|| Arc::new(SystemClock(std::time::Instant::now())));
        AuthRuntime { settings, backend: OnceLock::new(), backoff: Mutex::new(Backoff::default()), clock }
    }

    /// Connects the keychain (or the reason there is none, which the login screen shows);
    /// the first connection stays.
    pub fn connect(&self, backend: Result<Arc<dyn AuthBackend>, String>) {
        if self.backend.set(backend).is_err() {
            tracing::warn!("a keychain was connected already; the first one stays");
        }
    }

    pub fn is_connected(&self) -> bool {
        self.backend.get().is_some()
    }

    pub(crate) fn backend(&self) -> Result<&Arc<dyn AuthBackend>, AuthFault> {
        match self.backend.get() {
            Some(Ok(b)) => Ok(b),
            Some(Err(reason)) => Err(AuthFault::Unavailable(reason.clone())),
            None => Err(AuthFault::Unavailable("no keychain was connected to the app".into())),
        }
    }

    pub fn secrets(&self) -> &[SecretSpec] {
        &self.settings.secrets
    }
}

/// One window's login: who, whether it is locked, and when its user last acted.
#[derive(Debug, Default, Clone)]
pub(crate) struct LoginState {
    pub user: Option<String>,
    pub locked: bool,
    pub last_activity: Duration,
}

/// A window's login, shared by its session and the callbacks that log in and out.
pub(crate) struct SessionLogin {
    pub state: Mutex<LoginState>,
    pub runtime: Arc<AuthRuntime>,
}

impl SessionLogin {
    pub fn new(runtime: Arc<AuthRuntime>) -> SessionLogin {
        let now = runtime.clock.now();
        SessionLogin { state: Mutex::new(LoginState { last_activity: now, ..LoginState::default() }), runtime }
    }
    pub fn snapshot(&self) -> LoginState {
        self.state.lock().map(|s| s.clone()).unwrap_or_default()
    }
    pub fn update(&self, f: impl FnOnce(&mut LoginState)) {
        if let Ok(mut s) = self.state.lock() {
            f(&mut s);
        }
    }
    /// Logged in and not locked: protected pages and callbacks may run.
    pub fn authorized(&self) -> bool {
        let s = self.snapshot();
        s.user.is_some() && !s.locked
    }
}

/// Checks a user name as typed: trimmed, 1 to 64 characters, no control characters.
pub fn check_user_name(name: &str) -> Result<&str, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("Enter a user name.".into());
    }
    if name.chars().count() > 64 {
        return Err("A user name is at most 64 characters.".into());
    }
    if name.chars().any(char::is_control) {
        return Err("A user name cannot hold control characters.".into());
    }
    Ok(name)
}

/// Checks a password as typed: 1 to 1,024 characters (`new`: at least 8).
pub fn check_password(password: &str, new: bool) -> Result<(), String> {
    let count = password.chars().count();
    if count == 0 {
        return Err("Enter a password.".into());
    }
    if count > 1024 {
        return Err("A password is at most 1,024 characters.".into());
    }
    if new && count < 8 {
        return Err("Choose a password of at least 8 characters.".into());
    }
    Ok(())
}

/// What the login screen tells a user about a keychain fault, with how to fix it.
pub(crate) fn explain(fault: &AuthFault) -> String {
    match fault {
        AuthFault::Unavailable(reason) => format!(
            "The system keychain is not available ({reason}). Accounts and secrets live there: start the desktop's \
             keyring (on Linux, a Secret Service such as GNOME Keyring) and restart the app. Public pages still work."
        ),
        AuthFault::Locked(_) => "The system keychain is locked. Unlock it (on Linux: the login keyring, in your desktop's \
             Passwords and Keys) and try again."
            .into(),
        other => format!("The keychain refused: {other}."),
    }
}

/// What a form tells the user when the keychain refused an account change: how to fix the
/// keychain, or what was wrong with the account.
pub(crate) fn fault_message(fault: AuthFault) -> String {
    match fault {
        AuthFault::Unavailable(_) | AuthFault::Locked(_) => explain(&fault),
        AuthFault::AccountExists(user) => format!("An account named {user} exists already."),
        AuthFault::NoSuchAccount(user) => format!("There is no account named {user}."),
        other => other.to_string(),
    }
}

/// A callback argument for the window's login (it takes no Input value): who is logged in,
/// logging out, and the app's accounts.
#[derive(Clone)]
pub struct Login {
    login: Option<Arc<SessionLogin>>,
    session: tokio::sync::mpsc::WeakUnboundedSender<crate::session::Command>,
}

impl Login {
    /// The logged-in user's name.
    pub fn user(&self) -> Option<String> {
        self.login.as_ref().and_then(|l| l.snapshot().user)
    }
    /// Logs the window out: its protected pages go, and its protected callbacks still
    /// running are cancelled.
    pub fn log_out(&self) {
        if let Some(login) = &self.login {
            login.update(|s| {
                s.user = None;
                s.locked = false;
            });
            if let Some(tx) = self.session.upgrade() {
                let _ = tx.send(crate::session::Command::LoggedOut);
            }
        }
    }
    fn backend(&self) -> Result<&Arc<dyn AuthBackend>, CallbackError> {
        let login = self.login.as_ref().ok_or_else(|| CallbackError::msg("the app has no accounts (see App::auth)"))?;
        login.runtime.backend().map_err(|e| CallbackError::msg(e.to_string()))
    }
    pub fn accounts(&self) -> Result<Vec<String>, CallbackError> {
        self.backend()?.accounts().map_err(|e| CallbackError::msg(e.to_string()))
    }
    pub fn create_account(&self, user: &str, password: &str) -> Result<(), CallbackError> {
        let user = check_user_name(user).map_err(CallbackError::msg)?;
        check_password(password, true).map_err(CallbackError::msg)?;
        self.backend()?.create_account(user, password).map_err(|e| CallbackError::msg(e.to_string()))
    }
    pub fn set_password(&self, user: &str, password: &str) -> Result<(), CallbackError> {
        check_password(password, true).map_err(CallbackError::msg)?;
        self.backend()?.set_password(user, password).map_err(|e| CallbackError::msg(e.to_string()))
    }
    pub fn delete_account(&self, user: &str) -> Result<(), CallbackError> {
        self.backend()?.delete_account(user).map_err(|e| CallbackError::msg(e.to_string()))
    }
}

impl FromCallArg for Login {
    const TAKES_VALUE: bool = false;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        let ctx = cursor.ctx();
        Ok(Login { login: ctx.0.login.clone(), session: ctx.0.session.clone() })
    }
}

/// A callback argument reading the app's declared secrets from the keychain.
#[derive(Clone)]
pub struct Secrets {
    runtime: Option<Arc<AuthRuntime>>,
}

impl Secrets {
    /// The secret's value, None while the user has not set it. Only declared secrets may be
    /// read (`Auth::secret`).
    pub fn get(&self, name: &str) -> Result<Option<String>, CallbackError> {
        let runtime = self.runtime.as_ref().ok_or_else(|| CallbackError::msg("the app has no secrets (see App::auth)"))?;
        if !runtime.secrets().iter().any(|s| s.name == name) {
            return Err(CallbackError::msg(format!("no secret named {name:?} is declared (add Auth::secret)")));
        }
        runtime.backend().and_then(|b| b.secret(name)).map_err(|e| CallbackError::msg(e.to_string()))
    }
}

impl FromCallArg for Secrets {
    const TAKES_VALUE: bool = false;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        Ok(Secrets { runtime: cursor.ctx().0.login.as_ref().map(|l| l.runtime.clone()) })
    }
}

/// A button that logs the window out, for a navigation bar; shown only while a user is
/// logged in (its wrapper's `display` follows the login, through a built-in callback).
pub fn logout_button(label: &str) -> Component {
    let button = crate::dmc::button(label).id(ids::LOGOUT).variant("subtle");
    crate::component::div(button).id(ids::logout_area(0)).style(callbacks::logout_area_style(false))
}

/// Accounts and secrets in memory, for tests only: a password is kept as a std hash of it
/// (fast and not a password hash: the keychain backend uses Argon2id), never as typed.
#[derive(Default)]
pub struct MemoryBackend {
    accounts: Mutex<std::collections::BTreeMap<String, u64>>,
    secrets: Mutex<std::collections::BTreeMap<String, String>>,
    /// Set to make every call fail as an unavailable keychain.
    pub unavailable: std::sync::atomic::AtomicBool,
    /// Set to make every call fail as a locked keychain.
    pub locked: std::sync::atomic::AtomicBool,
}

impl MemoryBackend {
    fn digest(user: &str, password: &str) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        ("deskdash-test", user, password).hash(&mut h);
        h.finish()
    }
    fn check(&self) -> Result<(), AuthFault> {
        if self.unavailable.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(AuthFault::Unavailable("the test keychain was switched off".into()));
        }
        if self.locked.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(AuthFault::Locked("the test keychain was locked".into()));
        }
        Ok(())
    }
    fn lock<T>(m: &Mutex<T>) -> Result<std::sync::MutexGuard<'_, T>, AuthFault> {
        m.lock().map_err(|_| AuthFault::Failed("the test keychain's lock was poisoned".into()))
    }
}

impl AuthBackend for MemoryBackend {
    fn accounts(&self) -> Result<Vec<String>, AuthFault> {
        self.check()?;
        Ok(Self::lock(&self.accounts)?.keys().cloned().collect())
    }
    fn create_account(&self, user: &str, password: &str) -> Result<(), AuthFault> {
        self.check()?;
        let mut accounts = Self::lock(&self.accounts)?;
        if accounts.contains_key(user) {
            return Err(AuthFault::AccountExists(user.into()));
        }
        accounts.insert(user.into(), Self::digest(user, password));
        Ok(())
    }
    fn verify(&self, user: &str, password: &str) -> Result<bool, AuthFault> {
        self.check()?;
        Ok(Self::lock(&self.accounts)?.get(user) == Some(&Self::digest(user, password)))
    }
    fn set_password(&self, user: &str, password: &str) -> Result<(), AuthFault> {
        self.check()?;
        let mut accounts = Self::lock(&self.accounts)?;
        let entry = accounts.get_mut(user).ok_or_else(|| AuthFault::NoSuchAccount(user.into()))?;
        *entry = Self::digest(user, password);
        Ok(())
    }
    fn delete_account(&self, user: &str) -> Result<(), AuthFault> {
        self.check()?;
        Self::lock(&self.accounts)?.remove(user).map(|_| ()).ok_or_else(|| AuthFault::NoSuchAccount(user.into()))
    }
    fn secret(&self, name: &str) -> Result<Option<String>, AuthFault> {
        self.check()?;
        Ok(Self::lock(&self.secrets)?.get(name).cloned())
    }
    fn set_secret(&self, name: &str, value: &str) -> Result<(), AuthFault> {
        self.check()?;
        Self::lock(&self.secrets)?.insert(name.into(), value.into());
        Ok(())
    }
    fn clear_secret(&self, name: &str) -> Result<(), AuthFault> {
        self.check()?;
        Self::lock(&self.secrets)?.remove(name);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_from_the_third_failure_and_resets_on_success() {
        let mut b = Backoff::default();
        let t = Duration::from_secs(100);
        assert_eq!(b.failed(t), None);
        assert_eq!(b.failed(t), None);
        assert_eq!(b.failed(t), Some(Duration::from_secs(1)));
        assert_eq!(b.wait(t), Some(Duration::from_secs(1)));
        assert_eq!(b.wait(t + Duration::from_secs(1)), None);
        assert_eq!(b.failed(t), Some(Duration::from_secs(2)));
        assert_eq!(b.failed(t), Some(Duration::from_secs(4)));
        for _ in 0..10 {
            b.failed(t);
        }
        assert_eq!(b.failed(t), Some(Backoff::LONGEST));
        b.succeeded();
        assert_eq!(b.wait(t), None);
        assert_eq!(b.failed(t), None);
    }

    #[test]
    fn names_and_passwords_are_bounded_and_unicode_is_fine() {
        assert_eq!(check_user_name("  Zoë 李  "), Ok("Zoë 李"));
        assert!(check_user_name("   ").unwrap_err().contains("Enter"));
        assert!(check_user_name(&"x".repeat(10_000)).unwrap_err().contains("at most 64"));
        assert!(check_user_name("a\u{7}b").unwrap_err().contains("control"));
        assert!(check_password("", false).unwrap_err().contains("Enter"));
        assert!(check_password(&"p".repeat(10_000), false).unwrap_err().contains("1,024"));
        assert!(check_password("short", true).unwrap_err().contains("at least 8"));
        assert!(check_password("short", false).is_ok());
    }
}
