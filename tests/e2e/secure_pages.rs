//! The login app in a real window, on the real system keychain (GNOME Keyring, started by
//! `./run test`): public page logged out, the first run creates an account, the private
//! page greets its user, links and back move between pages without a reload and the title
//! follows, the idle lock keeps the page's state, a direct IPC change is refused in Rust
//! while locked and after logout, and afterwards neither the password nor its hash is
//! anywhere in the app's files, logs or webview storage.

use super::{app_data_dir, identifier_of};
use crate::harness::Window;
use std::path::Path;
use std::time::Duration;

const PASSWORD: &str = "e2e-Pässword-4711";
/// Long enough that no step of the test idles into it, short enough to wait for.
const IDLE_SECONDS: u64 = 8;

fn window_titles() -> String {
    let out = std::process::Command::new("xwininfo").args(["-root", "-tree"]).output().expect("xwininfo (x11-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

async fn wait_title(title: &str) {
    for _ in 0..100 {
        if window_titles().contains(&format!("\"{title}\"")) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no window is titled {title:?}:\n{}", window_titles());
}

async fn send_change(w: &Window, id: &str, prop: &str, value: &str) -> String {
    let body = serde_json::json!({"changes": [{"id": id, "prop": prop, "value": value}]}).to_string();
    let script = format!(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('plugin:deskdash|apply_changes', new TextEncoder().encode({body:?}))
           .then(() => done('accepted'), (e) => done(String(e)));"
    );
    w.js_async(&script).await.as_str().unwrap_or_default().to_string()
}

async fn wait_contains(w: &Window, id: &str, want: &str) {
    w.wait_js(&format!("const e = document.getElementById({id:?}); return !!e && e.textContent.includes({want:?});"), 30).await;
}

/// Every file under `dir` (but the keyring's own, which holds the hash encrypted) that
/// contains `needle`.
fn files_containing(dir: &Path, needle: &str, found: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.ends_with("keyrings") {
            continue;
        }
        if path.is_dir() {
            files_containing(&path, needle, found);
        } else if let Ok(bytes) = std::fs::read(&path) {
            if bytes.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                found.push(path.display().to_string());
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn log_in_navigate_lock_unlock_and_log_out_on_the_system_keychain() {
    let identifier = identifier_of("secure-pages");
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier));
    std::env::set_var("SECURE_PAGES_IDLE_SECONDS", IDLE_SECONDS.to_string());
    let w = Window::launch("secure-pages", "secure-pages").await;

    // Logged out: the public page works.
    w.wait_text("clicks", "Not clicked yet", 30).await;
    w.click("clicker").await;
    w.wait_text("clicks", "Clicked once", 20).await;
    wait_title("Home").await;
    // Sent straight through IPC, a change naming a protected page's component finds nothing.
    let refused = send_change(&w, "note", "value", "sneaky").await;
    assert!(refused.contains("unknown component id note"), "{refused}");

    // The private page, first run: the form that creates the first account.
    w.click("nav-private").await;
    w.wait_js("return !!document.getElementById('_auth_create_user')", 30).await;
    wait_title("Sign in · Secure pages").await;
    assert_eq!(w.js("return location.pathname").await, "/private");
    let logout_shown = "const b = document.getElementById('_auth_logout'); return !!b && b.offsetParent !== null;";
    assert_eq!(w.js(logout_shown).await, false, "no Log out while nobody is logged in");
    w.screenshot("first-run").await;
    w.type_into("_auth_create_user", "Zoë").await;
    w.type_into("_auth_create_password", PASSWORD).await;
    w.type_into("_auth_create_confirm", PASSWORD).await;
    w.click("_auth_create_submit").await;
    w.wait_text("greeting", "Hello, Zoë!", 30).await;
    wait_title("Private").await;
    w.wait_js(logout_shown, 20).await;

    // Links and back: no reload (the window's own marker survives).
    w.js("window.__noReload = true; return true;").await;
    w.click("nav-service").await;
    wait_contains(&w, "_pages_content", "Uses the service API key").await;
    wait_title("Service").await;
    w.client.back().await.expect("back");
    w.wait_text("greeting", "Hello, Zoë!", 30).await;
    assert_eq!(w.js("return window.__noReload === true").await, true, "navigation never reloaded the window");
    w.type_into("note", "a half-written thought").await;
    w.wait_js("return document.getElementById('note').value === 'a half-written thought'", 20).await;

    // Idle: the lock screen covers the page; the window's messages are refused in Rust.
    w.wait_js(
        "const e = document.getElementById('_auth_lock_user'); return !!e && e.textContent.includes('Signed in as Zoë');",
        IDLE_SECONDS + 30,
    )
    .await;
    w.screenshot("locked").await;
    let refused = send_change(&w, "note", "value", "typed while locked").await;
    assert!(refused.contains("needs a logged-in, unlocked window"), "{refused}");
    assert!(!refused.contains("typed while locked"), "the refusal names no value: {refused}");
    w.type_into("_auth_unlock_password", "not the password").await;
    w.click("_auth_unlock_submit").await;
    wait_contains(&w, "_auth_unlock_message", "Wrong user name or password.").await;
    w.type_into("_auth_unlock_password", PASSWORD).await;
    w.click("_auth_unlock_submit").await;
    w.wait_js("return !document.getElementById('_auth_lock_user')", 30).await;
    assert_eq!(w.js("return document.getElementById('note').value").await, "a half-written thought", "the page kept its state");

    // Log out: the private page is gone; a change for it is refused.
    w.click("_auth_logout").await;
    w.wait_js("return !!document.getElementById('_auth_login_user')", 30).await;
    assert_eq!(w.js("return !!document.getElementById('greeting')").await, false);
    let refused = send_change(&w, "note", "value", "after logout").await;
    assert!(refused.contains("unknown component id note"), "{refused}");

    // Sign in again: a wrong password first.
    w.type_into("_auth_login_user", "Zoë").await;
    w.type_into("_auth_login_password", "wrong").await;
    w.click("_auth_login_submit").await;
    wait_contains(&w, "_auth_login_message", "Wrong user name or password.").await;
    w.type_into("_auth_login_password", PASSWORD).await;
    w.click("_auth_login_submit").await;
    w.wait_text("greeting", "Hello, Zoë!", 30).await;
    w.screenshot("private").await;

    // A callback moves the window (the Location's pathname as an Output): the service page's
    // button opens the settings, which list the accounts and add one.
    w.click("nav-service").await;
    w.wait_js("return !!document.getElementById('open-settings')", 30).await;
    w.click("open-settings").await;
    // The title is set straight on the native window; the new path reaches the page with the
    // callback's answer, a moment later.
    w.wait_js("return location.pathname === '/settings'", 30).await;
    wait_title("Settings").await;
    wait_contains(&w, "_accounts_list", "Zoë").await;
    w.type_into("_account_add_user", "Bob").await;
    w.type_into("_account_add_password", "Bob's password").await;
    w.type_into("_account_add_confirm", "Bob's password").await;
    w.click("_account_add_submit").await;
    wait_contains(&w, "_account_add_message", "Added Bob.").await;
    wait_contains(&w, "_accounts_list", "Bob").await;
    assert_eq!(w.js("return document.getElementById('_account_add_password').value").await, "", "the field is emptied");
    w.screenshot("settings").await;
    w.close().await;

    // What the keychain holds is a hash; neither it nor the password is anywhere else.
    let hash = std::process::Command::new("secret-tool")
        .args(["lookup", "service", &identifier, "username", "account:Zoë"])
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    let home = std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default());
    let mut leaks = Vec::new();
    files_containing(&home, PASSWORD, &mut leaks);
    if hash.starts_with("$argon2id$") {
        files_containing(&home, &hash, &mut leaks);
    } else {
        panic!("the keychain holds no Argon2id hash for the account: {hash:?}");
    }
    assert!(leaks.is_empty(), "the password or its hash was found in {leaks:?}");
}

/// With no keychain to talk to (no D-Bus session reaches the app), the public page works and
/// a protected one says what is missing and how to fix it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_keychain_the_public_page_works_and_the_private_one_says_why() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("secure-pages")));
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS");
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/deskdash-no-bus");
    let w = Window::launch("secure-pages", "secure-pages-no-keychain").await;
    match bus {
        Some(bus) => std::env::set_var("DBUS_SESSION_BUS_ADDRESS", bus),
        None => std::env::remove_var("DBUS_SESSION_BUS_ADDRESS"),
    }
    w.wait_text("clicks", "Not clicked yet", 30).await;
    w.click("clicker").await;
    w.wait_text("clicks", "Clicked once", 20).await;
    w.click("nav-private").await;
    wait_contains(&w, "_pages_content", "The system keychain is not available").await;
    wait_contains(&w, "_pages_content", "GNOME Keyring").await;
    assert_eq!(w.js("return !!document.getElementById('_auth_login_user')").await, false, "no sign-in form that cannot work");
    w.screenshot("no-keychain").await;
    w.click("nav-home").await;
    w.wait_text("clicks", "Not clicked yet", 30).await;
    w.close().await;
}
