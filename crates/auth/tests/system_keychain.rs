//! The keychain backend against the real system keychain (the Secret Service: `./run test`
//! starts a D-Bus session and an unlocked GNOME Keyring for it). Each test uses an
//! identifier of its own, so runs never see each other's entries, and removes what it made.

use deskdash_auth::{AuthError, Keychain};
use deskdash_engine::{AuthBackend, AuthFault};

fn open(test: &str) -> Keychain {
    let identifier = format!("dev.deskdash.test.{test}.{}", std::process::id());
    Keychain::open(&identifier).unwrap_or_else(|e| {
        panic!("no system keychain ({e}): run the tests with `./run test`, which starts a D-Bus session and GNOME Keyring")
    })
}

#[test]
fn accounts_are_created_verified_changed_listed_and_deleted() {
    let k = open("accounts");
    assert_eq!(k.account_names().unwrap(), Vec::<String>::new());
    k.create("ada", "correct horse").unwrap();
    k.create("Zoë 李", "ünïcødé pässwörd").unwrap();
    assert!(matches!(k.create("ada", "again"), Err(AuthError::AccountExists(u)) if u == "ada"));
    assert_eq!(k.account_names().unwrap(), ["Zoë 李", "ada"]);

    assert!(k.check("ada", "correct horse").unwrap());
    assert!(!k.check("ada", "Correct horse").unwrap());
    assert!(!k.check("nobody", "correct horse").unwrap(), "an unknown user is a plain no");
    assert!(k.check("Zoë 李", "ünïcødé pässwörd").unwrap());

    k.change_password("ada", "battery staple").unwrap();
    assert!(!k.check("ada", "correct horse").unwrap());
    assert!(k.check("ada", "battery staple").unwrap());
    assert!(matches!(k.change_password("nobody", "x"), Err(AuthError::NoSuchAccount(_))));

    k.delete("ada").unwrap();
    k.delete("Zoë 李").unwrap();
    assert!(matches!(k.delete("ada"), Err(AuthError::NoSuchAccount(_))));
    assert!(k.account_names().unwrap().is_empty());
}

#[test]
fn the_keychain_keeps_a_hash_never_the_password() {
    let k = open("hash");
    k.create("ada", "correct horse").unwrap();
    // What the keychain holds, read as any other program could read it.
    let stored = keyring_core::Entry::new_in_store(
        &zbus_store(),
        &format!("dev.deskdash.test.hash.{}", std::process::id()),
        "account:ada",
    )
    .and_then(|e| e.get_password())
    .unwrap();
    assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "a PHC string: {stored}");
    assert!(!stored.contains("correct horse"));
    k.delete("ada").unwrap();
}

fn zbus_store() -> std::sync::Arc<keyring_core::CredentialStore> {
    zbus_secret_service_keyring_store::Store::new().unwrap()
}

#[test]
fn secrets_are_set_replaced_read_and_cleared_apart_from_accounts() {
    let k = open("secrets");
    assert_eq!(k.get_secret("api-key").unwrap(), None);
    k.put_secret("api-key", "sk-first").unwrap();
    k.put_secret("api-key", "sk-second").unwrap();
    assert_eq!(k.get_secret("api-key").unwrap().as_deref(), Some("sk-second"));
    assert!(k.account_names().unwrap().is_empty(), "a secret is not an account");
    k.remove_secret("api-key").unwrap();
    k.remove_secret("api-key").unwrap();
    assert_eq!(k.get_secret("api-key").unwrap(), None);
}

#[test]
fn apps_are_namespaced_by_their_identifier() {
    let a = open("ns-a");
    let b = open("ns-b");
    a.create("ada", "correct horse").unwrap();
    a.put_secret("token", "only a's").unwrap();
    assert!(b.account_names().unwrap().is_empty());
    assert_eq!(b.get_secret("token").unwrap(), None);
    assert!(!b.check("ada", "correct horse").unwrap());
    a.delete("ada").unwrap();
    a.remove_secret("token").unwrap();
}

#[test]
fn the_engine_sees_faults_not_secrets() {
    let k = open("faults");
    let fault = AuthBackend::set_password(&k, "nobody", "secret-password").unwrap_err();
    assert_eq!(fault, AuthFault::NoSuchAccount("nobody".into()));
    assert!(!fault.to_string().contains("secret-password"));
    assert!(Keychain::open("  ").is_err(), "an empty identifier is refused");
}
