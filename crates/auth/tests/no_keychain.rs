//! Without a Secret Service to talk to, opening the keychain is an error that says so (never
//! a silent in-memory stand-in). Its own test binary: it points this process's D-Bus at
//! nothing.

use deskdash_auth::{AuthError, Keychain};

#[test]
fn no_secret_service_is_an_unavailable_keychain() {
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/deskdash-no-bus");
    match Keychain::open("dev.deskdash.test.nobus") {
        Err(AuthError::Unavailable(reason)) => assert!(!reason.is_empty()),
        Err(other) => panic!("expected Unavailable, got {other}"),
        Ok(_) => panic!("a keychain opened with no D-Bus session"),
    }
}
