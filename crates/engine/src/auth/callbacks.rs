//! The login machinery's own callbacks: sign in, create the first account, unlock, log out,
//! and the secrets page. They are public (a window that is not logged in must reach them)
//! and check everything themselves; the password they read is cleared from its field in
//! the same answer, and never logged.

use super::screens::ids;
use super::{check_password, check_user_name, explain, fault_message, SessionLogin};
use crate::callback::Callback;
use crate::context::Ctx;
use crate::deps::{Input, Output, State};
use crate::error::{CallbackError, PreventUpdate};
use crate::handler::{ArgCursor, FromCallArg, Update};
use crate::id::{ALL, MATCH};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::Duration;

/// The window's login, for the built-in callbacks.
pub(crate) struct Gate(pub Arc<SessionLogin>);

impl FromCallArg for Gate {
    const TAKES_VALUE: bool = false;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        cursor.ctx().0.login.clone().map(Gate).ok_or_else(|| CallbackError::msg("the app has no accounts (see App::auth)"))
    }
}

fn seconds(d: Duration) -> u64 {
    d.as_secs_f64().ceil() as u64
}

impl Gate {
    /// Verifies `user`'s password with the app's back-off: an attempt inside the wait is
    /// refused unverified. Ok(None) is a success; Ok(Some(message)) what to tell the user.
    pub(super) fn attempt(&self, user: &str, password: &str) -> Result<Option<String>, CallbackError> {
        let runtime = &self.0.runtime;
        let now = runtime.clock.now();
        let backoff =
            |f: &mut dyn FnMut(&mut super::Backoff) -> Option<String>| runtime.backoff.lock().ok().and_then(|mut b| f(&mut b));
        if let Some(wait) =
            backoff(&mut |b| b.wait(now).map(|w| format!("Too many failed attempts: try again in {} s.", seconds(w))))
        {
            return Ok(Some(wait));
        }
        let backend = match runtime.backend() {
            Ok(b) => b,
            Err(fault) => return Ok(Some(explain(&fault))),
        };
        match backend.verify(user, password) {
            Ok(true) => {
                backoff(&mut |b| {
                    b.succeeded();
                    None
                });
                Ok(None)
            }
            Ok(false) => {
                let delay =
                    backoff(&mut |b| b.failed(now).map(|d| format!(" Too many failed attempts: try again in {} s.", seconds(d))));
                tracing::warn!("a login failed");
                Ok(Some(format!("Wrong user name or password.{}", delay.unwrap_or_default())))
            }
            Err(fault) => {
                tracing::warn!("a login could not be checked: {fault}");
                Ok(Some(explain(&fault)))
            }
        }
    }

    fn log_in(&self, user: &str) {
        let now = self.0.runtime.clock.now();
        self.0.update(|s| {
            s.user = Some(user.to_string());
            s.locked = false;
            s.last_activity = now;
        });
        tracing::info!("a window logged in");
    }
}

/// What a sign-in form answers: the user store, the message, and the emptied password.
type FormAnswer = (Update<Option<String>>, String, String);

fn refused(message: String) -> FormAnswer {
    (Update::NoUpdate, message, String::new())
}

fn sign_in(_: Option<u64>, _: Option<u64>, user: Option<String>, password: Option<String>, gate: Gate) -> FormAnswer {
    let password = password.unwrap_or_default();
    let user = match check_user_name(user.as_deref().unwrap_or_default()) {
        Ok(u) => u.to_string(),
        Err(m) => return refused(m),
    };
    if let Err(m) = check_password(&password, false) {
        return refused(m);
    }
    match gate.attempt(&user, &password) {
        Ok(None) => {
            gate.log_in(&user);
            (Update::Set(Some(user)), String::new(), String::new())
        }
        Ok(Some(message)) => refused(message),
        Err(e) => refused(e.to_string()),
    }
}

fn create_first_account(
    _: Option<u64>,
    user: Option<String>,
    password: Option<String>,
    confirm: Option<String>,
    gate: Gate,
) -> (Update<Option<String>>, String, String, String) {
    let (password, confirm) = (password.unwrap_or_default(), confirm.unwrap_or_default());
    let answer = |m: String| (Update::NoUpdate, m, String::new(), String::new());
    let backend = match gate.0.runtime.backend() {
        Ok(b) => b,
        Err(fault) => return answer(explain(&fault)),
    };
    // The first-run form creates the first account only: once there is one, a new account
    // comes from a logged-in user (`Login::create_account`).
    match backend.accounts() {
        Ok(list) if !list.is_empty() => return answer("An account exists already: sign in.".into()),
        Ok(_) => {}
        Err(fault) => return answer(explain(&fault)),
    }
    let user = match check_user_name(user.as_deref().unwrap_or_default()) {
        Ok(u) => u.to_string(),
        Err(m) => return answer(m),
    };
    if let Err(m) = check_password(&password, true) {
        return answer(m);
    }
    if password != confirm {
        return answer("The two passwords differ.".into());
    }
    match backend.create_account(&user, &password) {
        Ok(()) => {
            tracing::info!("the first account was created");
            gate.log_in(&user);
            (Update::Set(Some(user)), String::new(), String::new(), String::new())
        }
        Err(fault) => answer(fault_message(fault)),
    }
}

fn unlock(_: Option<u64>, _: Option<u64>, password: Option<String>, gate: Gate) -> (Update<bool>, String, String) {
    let Some(user) = gate.0.snapshot().user else {
        return (Update::Set(false), String::new(), String::new());
    };
    let password = password.unwrap_or_default();
    if let Err(m) = check_password(&password, false) {
        return (Update::NoUpdate, m, String::new());
    }
    match gate.attempt(&user, &password) {
        Ok(None) => {
            gate.log_in(&user);
            (Update::Set(false), String::new(), String::new())
        }
        Ok(Some(message)) => (Update::NoUpdate, message, String::new()),
        Err(e) => (Update::NoUpdate, e.to_string(), String::new()),
    }
}

fn log_out(_: Option<u64>, login: super::Login) -> Option<String> {
    login.log_out();
    tracing::info!("a window logged out");
    None
}

/// How a `logout_button`'s wrapper looks: there only while a user is logged in.
pub(crate) fn logout_area_style(logged_in: bool) -> Value {
    if logged_in {
        json!({})
    } else {
        json!({"display": "none"})
    }
}

/// Every logout button follows the login: shown while a user is logged in, hidden otherwise.
fn show_logout(user: Option<String>, ctx: Ctx) -> Vec<Value> {
    let areas = ctx.outputs_list().first().and_then(Value::as_array).map_or(0, Vec::len);
    vec![logout_area_style(user.is_some()); areas]
}

fn log_out_of_lock(_: Option<u64>, login: super::Login) -> (Option<String>, bool) {
    login.log_out();
    tracing::info!("a locked window logged out");
    (None, false)
}

/// The secrets page's row: sets or clears the secret the row is for, then shows whether it
/// is set (how long it is, never what it is). Its id's `name` says which secret.
fn secret_row(
    _: Option<u64>,
    _: Option<u64>,
    value: Option<String>,
    ctx: Ctx,
    gate: Gate,
) -> Result<(String, String), CallbackError> {
    let name = ctx.outputs_list().first().and_then(|o| o["id"]["name"].as_str()).ok_or(PreventUpdate)?.to_string();
    let runtime = &gate.0.runtime;
    if !runtime.secrets().iter().any(|s| s.name == name) {
        return Err(CallbackError::msg(format!("no secret named {name:?} is declared")));
    }
    let backend = match runtime.backend() {
        Ok(b) => b,
        Err(fault) => return Ok((explain(&fault), String::new())),
    };
    let action = ctx.triggered_id().and_then(|id| id.to_json().get("type").and_then(Value::as_str).map(str::to_string));
    let done = match action.as_deref() {
        Some(ids::SECRET_SET) => {
            let value = value.unwrap_or_default();
            if value.is_empty() {
                return Ok(("Type a value first.".into(), String::new()));
            }
            if value.chars().count() > 10_000 {
                return Ok(("A secret is at most 10,000 characters.".into(), String::new()));
            }
            backend.set_secret(&name, &value).map(|()| tracing::info!(secret = %name, "secret saved"))
        }
        Some(ids::SECRET_CLEAR) => backend.clear_secret(&name).map(|()| tracing::info!(secret = %name, "secret cleared")),
        _ => Ok(()),
    };
    if let Err(fault) = done {
        return Ok((explain(&fault), String::new()));
    }
    let status = match backend.secret(&name) {
        Ok(Some(v)) => format!("Set · {} characters", v.chars().count()),
        Ok(None) => "Not set".into(),
        Err(fault) => explain(&fault),
    };
    Ok((status, String::new()))
}

/// The login machinery's callbacks, registered by `App::build` for an app with accounts.
pub(crate) fn builtin_callbacks() -> Vec<Callback> {
    let user_out = || Output::new(ids::USER, "data").allow_duplicate();
    vec![
        Callback::new(
            (
                Input::new(ids::LOGIN_SUBMIT, "n_clicks"),
                Input::new(ids::LOGIN_PASSWORD, "n_submit"),
                State::new(ids::LOGIN_USER, "value"),
                State::new(ids::LOGIN_PASSWORD, "value"),
            ),
            (user_out(), Output::new(ids::LOGIN_MESSAGE, "children"), Output::new(ids::LOGIN_PASSWORD, "value")),
            sign_in,
        )
        .name("deskdash.sign_in")
        .background(),
        Callback::new(
            (
                Input::new(ids::CREATE_SUBMIT, "n_clicks"),
                State::new(ids::CREATE_USER, "value"),
                State::new(ids::CREATE_PASSWORD, "value"),
                State::new(ids::CREATE_CONFIRM, "value"),
            ),
            (
                user_out(),
                Output::new(ids::CREATE_MESSAGE, "children"),
                Output::new(ids::CREATE_PASSWORD, "value"),
                Output::new(ids::CREATE_CONFIRM, "value"),
            ),
            create_first_account,
        )
        .name("deskdash.create_first_account")
        .background(),
        Callback::new(
            (
                Input::new(ids::UNLOCK_SUBMIT, "n_clicks"),
                Input::new(ids::UNLOCK_PASSWORD, "n_submit"),
                State::new(ids::UNLOCK_PASSWORD, "value"),
            ),
            (
                Output::new(ids::LOCK, "opened"),
                Output::new(ids::UNLOCK_MESSAGE, "children"),
                Output::new(ids::UNLOCK_PASSWORD, "value"),
            ),
            unlock,
        )
        .name("deskdash.unlock")
        .background(),
        Callback::new(Input::new(ids::LOGOUT, "n_clicks"), user_out(), log_out).name("deskdash.log_out"),
        Callback::new(
            Input::new(ids::UNLOCK_LOGOUT, "n_clicks"),
            (user_out(), Output::new(ids::LOCK, "opened").allow_duplicate()),
            log_out_of_lock,
        )
        .name("deskdash.log_out_of_lock"),
    ]
    .into_iter()
    .map(|cb| cb.prevent_initial_call(true).public().builtin())
    .chain(std::iter::once(
        Callback::new(
            Input::new(ids::USER, "data"),
            Output::new(json!({"type": ids::LOGOUT_AREA, "n": ALL}), "style"),
            show_logout,
        )
        .name("deskdash.show_logout")
        .public()
        .builtin(),
    ))
    .chain(std::iter::once(
        Callback::new(
            (
                Input::new(json!({"type": ids::SECRET_SET, "name": MATCH}), "n_clicks"),
                Input::new(json!({"type": ids::SECRET_CLEAR, "name": MATCH}), "n_clicks"),
                State::new(json!({"type": ids::SECRET_VALUE, "name": MATCH}), "value"),
            ),
            (
                Output::new(json!({"type": ids::SECRET_STATUS, "name": MATCH}), "children"),
                Output::new(json!({"type": ids::SECRET_VALUE, "name": MATCH}), "value"),
            ),
            secret_row,
        )
        .name("deskdash.secret")
        .builtin(),
    ))
    .collect()
}
