//! A locked keychain: every call says so (`AuthError::Locked`, the engine's
//! `AuthFault::Locked`, which the login screens explain), and nothing saved before the lock is
//! lost. Its own test binary with a D-Bus session and a GNOME Keyring of its own, since a
//! locked keyring cannot be unlocked again without a person at a prompt: the shared one the
//! other tests use stays unlocked.

use deskdash_auth::{AuthError, Keychain};
use deskdash_engine::{AuthBackend, AuthFault};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const KEYRING_PASSWORD: &str = "locked-keychain-test";
const IDENTIFIER: &str = "dev.deskdash.test.locked";

/// A process killed when the test ends, however it ends.
struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A private session bus. No display reaches it: a prompt to unlock the keyring then fails
/// at once instead of waiting for a person.
fn session_bus(home: &Path) -> (Reaped, String) {
    let mut bus = Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home.join("run"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("dbus-daemon (Debian's dbus)");
    let mut address = String::new();
    if let Some(out) = bus.stdout.take() {
        BufReader::new(out).read_line(&mut address).expect("the bus prints its address");
    }
    (Reaped(bus), address.trim().to_string())
}

/// GNOME Keyring on `bus`, its login keyring in `home` unlocked with the test's password.
fn keyring_daemon(home: &Path, bus: &str) -> Reaped {
    let mut daemon = Command::new("gnome-keyring-daemon")
        .args(["--foreground", "--unlock", "--components=secrets"])
        .env("HOME", home)
        .env("XDG_RUNTIME_DIR", home.join("run"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .env_remove("DISPLAY")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("gnome-keyring-daemon (Debian's gnome-keyring)");
    if let Some(mut stdin) = daemon.stdin.take() {
        stdin.write_all(KEYRING_PASSWORD.as_bytes()).expect("the keyring password");
    }
    let daemon = Reaped(daemon);
    wait_for_secret_service(bus);
    daemon
}

/// Waits until a daemon owns the Secret Service name on `bus`. A call made before would have
/// the bus start another daemon of its own (D-Bus activation), one without the password,
/// whose login keyring stays locked.
fn wait_for_secret_service(bus: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let reply = Command::new("dbus-send")
            .args([
                "--session",
                "--dest=org.freedesktop.DBus",
                "--print-reply",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                "string:org.freedesktop.secrets",
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", bus)
            .output()
            .expect("dbus-send");
        if String::from_utf8_lossy(&reply.stdout).contains("boolean true") {
            return;
        }
        assert!(Instant::now() < deadline, "no keyring daemon took the Secret Service name on the test's bus");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Opens the keychain once the daemon has its login keyring unlocked (until then a write
/// is refused as locked).
fn keychain_when_ready() -> Keychain {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let attempt = Keychain::open(IDENTIFIER)
            .and_then(|k| k.put_secret("ready-probe", "1").and_then(|()| k.remove_secret("ready-probe")).map(|()| k));
        match attempt {
            Ok(k) => return k,
            Err(e) if Instant::now() > deadline => panic!("the test's keyring never answered: {e}"),
            Err(_) => std::thread::sleep(Duration::from_millis(100)),
        }
    }
}

fn lock_login_keyring(bus: &str) {
    let status = Command::new("dbus-send")
        .args([
            "--session",
            "--dest=org.freedesktop.secrets",
            "--print-reply",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            "array:objpath:/org/freedesktop/secrets/collection/login",
        ])
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .stdout(Stdio::null())
        .status()
        .expect("dbus-send");
    assert!(status.success(), "the login keyring could not be locked");
}

fn scratch_home() -> PathBuf {
    let home = std::env::temp_dir().join(format!("deskdash-locked-keychain-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join("run")).expect("a scratch home");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(home.join("run"), std::fs::Permissions::from_mode(0o700));
    }
    home
}

#[test]
fn a_locked_keychain_is_an_error_that_says_so_and_keeps_what_was_saved() {
    let home = scratch_home();
    let (bus_process, bus) = session_bus(&home);
    // This process talks to the test's bus only (this binary holds this one test).
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &bus);
    let daemon = keyring_daemon(&home, &bus);
    let keychain = keychain_when_ready();
    keychain.create("ada", "correct horse").expect("an account in the unlocked keychain");
    keychain.put_secret("service-key", "sk-123").expect("a secret in the unlocked keychain");

    lock_login_keyring(&bus);
    assert!(matches!(keychain.check("ada", "correct horse"), Err(AuthError::Locked(_))), "a login is refused as locked");
    assert!(matches!(keychain.create("bob", "battery staple"), Err(AuthError::Locked(_))));
    assert!(matches!(keychain.get_secret("service-key"), Err(AuthError::Locked(_))));
    assert!(matches!(AuthBackend::verify(&keychain, "ada", "correct horse"), Err(AuthFault::Locked(_))));
    let message = keychain.check("ada", "correct horse").err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("locked") && !message.contains("correct horse"), "{message}");

    // The keyring, started again and unlocked, still holds what was saved before the lock.
    drop(daemon);
    let _daemon = keyring_daemon(&home, &bus);
    let keychain = keychain_when_ready();
    assert!(keychain.check("ada", "correct horse").expect("the account after the restart"));
    assert_eq!(keychain.get_secret("service-key").expect("the secret after the restart").as_deref(), Some("sk-123"));
    drop(bus_process);
    let _ = std::fs::remove_dir_all(&home);
}
