//! Accounts (`App::auth`), enforced in the session: a protected page is never drawn and a
//! protected callback never runs for a window that is not logged in and unlocked; the first
//! run creates the first account; failures back off; an idle window locks and unlocks with
//! its page as it was; logging out cancels protected work; secrets are read and set without
//! their values showing. The keychain here is the engine's memory one and the clock a manual
//! one; `crates/auth` and the e2e tests run the same against the system keychain.

use deskdash_engine::auth::{ids, ManualClock, MemoryBackend};
use deskdash_engine::pages::{CONTENT_ID, LOCATION_ID};
use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::json;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

const PASSWORD: &str = "correct horse";

fn public_page(_: &PageArgs) -> Component {
    div((button("Count").id("count"), div(()).id("clicks")))
}

fn private_page(_: &PageArgs) -> Component {
    div((h2(()).id("greeting"), input("draft"), button("Slow").id("slow"), div(()).id("slow-out"), div(()).id("key-out")))
}

fn greet(_: Option<String>, ctx: Ctx) -> String {
    format!("Hello, {}", ctx.user().unwrap_or_default())
}

/// Set when a protected callback saw that it was cancelled.
#[derive(Default)]
struct SawCancel(AtomicBool);

fn slow(_: u64, ctx: Ctx, saw: Shared<SawCancel>) -> String {
    for _ in 0..200 {
        if ctx.is_cancelled() {
            saw.0 .0.store(true, Ordering::Relaxed);
            return "cancelled".into();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    "finished".into()
}

fn uses_key(_: Option<u64>, secrets: Secrets) -> Result<String, CallbackError> {
    Ok(match secrets.get("api-key")? {
        Some(key) => format!("key of {} characters", key.len()),
        None => "no key yet".into(),
    })
}

struct Fixture {
    backend: Arc<MemoryBackend>,
    clock: Arc<ManualClock>,
    spec: Arc<AppSpec>,
}

fn fixture() -> Fixture {
    let clock = Arc::new(ManualClock::default());
    let app = App::new("secure")
        .auth(
            Auth::new()
                .idle_lock(Some(Duration::from_secs(600)))
                .clock(clock.clone())
                .secret("api-key", "Service API key")
                .settings_page("/settings"),
        )
        .register_page(Page::new("/", public_page).public())
        .register_page(Page::new("/private", private_page))
        .layout(div((logout_button("Log out"), button("Report").id("root-report"), div(()).id("root-out"), page_container())))
        .shared(SawCancel::default())
        .callback(Input::new("root-report", "n_clicks"), Output::new("root-out", "children"), |n: Option<u64>, ctx: Ctx| {
            format!("report {} for {}", n.unwrap_or(0), ctx.user().unwrap_or_default())
        })
        .callback(Input::new("count", "n_clicks"), Output::new("clicks", "children"), |n: Option<u64>| {
            format!("{} clicks", n.unwrap_or(0))
        })
        .public()
        .callback(Input::new("draft", "value"), Output::new("greeting", "children"), greet)
        .callback(Input::new("slow", "n_clicks"), Output::new("slow-out", "children"), slow)
        .background()
        .prevent_initial_call()
        .callback(Input::new("draft", "n_submit"), Output::new("key-out", "children"), uses_key);
    let spec = app.build().expect("the app builds");
    let backend = Arc::new(MemoryBackend::default());
    spec.auth.as_ref().expect("auth").connect(Ok(backend.clone()));
    Fixture { backend, clock, spec }
}

async fn window(f: &Fixture) -> TestApp {
    TestApp::start_in(f.spec.clone(), Stores::in_memory(), "main").await.expect("a window")
}

async fn content(t: &TestApp) -> String {
    t.get(CONTENT_ID, "children").await.to_string()
}

async fn message(t: &TestApp, id: &str) -> String {
    t.get(id, "children").await.as_str().unwrap_or_default().to_string()
}

async fn go(t: &mut TestApp, path: &str) {
    t.user_set(LOCATION_ID, "pathname", path).await.expect("navigation is public");
}

async fn sign_in(t: &mut TestApp, user: &str, password: &str) -> String {
    t.user_set_many(vec![Change::new(ids::LOGIN_USER, "value", user), Change::new(ids::LOGIN_PASSWORD, "value", password)])
        .await
        .expect("typing is accepted");
    let clicks = t.get(ids::LOGIN_SUBMIT, "n_clicks").await.as_u64().unwrap_or(0);
    t.user_set(ids::LOGIN_SUBMIT, "n_clicks", clicks + 1).await.expect("the sign-in button is public");
    message(t, ids::LOGIN_MESSAGE).await
}

#[tokio::test]
async fn the_first_run_creates_the_first_account_and_logs_in() -> Result<()> {
    let f = fixture();
    let mut t = window(&f).await;
    go(&mut t, "/private").await;
    let gate = content(&t).await;
    assert!(gate.contains("Create the first account") && !gate.contains("greeting"), "{gate}");

    let create = |user: &str, password: &str, again: &str| {
        vec![
            Change::new(ids::CREATE_USER, "value", user),
            Change::new(ids::CREATE_PASSWORD, "value", password),
            Change::new(ids::CREATE_CONFIRM, "value", again),
        ]
    };
    t.user_set_many(create("Zoë 李", PASSWORD, "something else")).await?;
    t.user_set(ids::CREATE_SUBMIT, "n_clicks", 1).await?;
    assert_eq!(message(&t, ids::CREATE_MESSAGE).await, "The two passwords differ.");
    assert_eq!(t.get(ids::CREATE_PASSWORD, "value").await, "", "the password is cleared from its field");
    t.user_set_many(create("Zoë 李", "short", "short")).await?;
    t.user_set(ids::CREATE_SUBMIT, "n_clicks", 2).await?;
    assert!(message(&t, ids::CREATE_MESSAGE).await.contains("at least 8"));
    t.user_set_many(create(&"x".repeat(10_000), PASSWORD, PASSWORD)).await?;
    t.user_set(ids::CREATE_SUBMIT, "n_clicks", 3).await?;
    assert!(message(&t, ids::CREATE_MESSAGE).await.contains("at most 64"));

    t.user_set_many(create("  Zoë 李 ", PASSWORD, PASSWORD)).await?;
    t.user_set(ids::CREATE_SUBMIT, "n_clicks", 4).await?;
    assert_eq!(f.backend.accounts().ok(), Some(vec!["Zoë 李".to_string()]));
    assert_eq!(t.get(ids::USER, "data").await, "Zoë 李");
    assert_eq!(t.get("greeting", "children").await, "Hello, Zoë 李", "the private page is drawn, and knows its user");
    Ok(())
}

#[tokio::test]
async fn protected_pages_and_callbacks_wait_for_a_login() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    t.user_set("count", "n_clicks", 1).await?;
    assert_eq!(t.get("clicks", "children").await, "1 clicks", "a public page and callback work logged out");

    go(&mut t, "/private").await;
    assert!(content(&t).await.contains("Sign in to secure"));
    assert!(!content(&t).await.contains("greeting"), "the protected layout never reaches the window");
    // A crafted change naming a protected page's component: it is not in the window at all.
    assert!(t.user_set("draft", "value", "x").await.is_err());
    // A protected callback whose input is in the public layout: not run on load, and a
    // change that would run it is refused in Rust.
    assert_eq!(t.get("root-out", "children").await, json!([]), "not run on load");
    let refused = t.user_set("root-report", "n_clicks", 1).await.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(refused.contains("root-report.n_clicks would run"), "{refused}");
    assert_eq!(t.calls("callback#1(root-out.children)").await, 0);
    // The logout button fires a public callback: harmless logged out.
    t.user_set(ids::LOGOUT, "n_clicks", 1).await?;

    assert_eq!(sign_in(&mut t, "ada", "wrong").await, "Wrong user name or password.");
    assert_eq!(sign_in(&mut t, "ada", &"p".repeat(10_000)).await, "A password is at most 1,024 characters.");
    assert_eq!(sign_in(&mut t, "", PASSWORD).await, "Enter a user name.");
    assert_eq!(sign_in(&mut t, "ada", PASSWORD).await, "");
    assert_eq!(t.get("greeting", "children").await, "Hello, ada");
    t.user_set("draft", "value", "now it runs").await?;
    t.user_set("root-report", "n_clicks", 1).await?;
    assert_eq!(t.get("root-out", "children").await, "report 1 for ada");
    let errors = t.take_errors();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}

#[tokio::test]
async fn repeated_failures_back_off_and_a_success_resets() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    go(&mut t, "/private").await;
    assert_eq!(sign_in(&mut t, "ada", "wrong 1").await, "Wrong user name or password.");
    assert_eq!(sign_in(&mut t, "ada", "wrong 2").await, "Wrong user name or password.");
    assert_eq!(
        sign_in(&mut t, "ada", "wrong 3").await,
        "Wrong user name or password. Too many failed attempts: try again in 1 s."
    );
    assert_eq!(sign_in(&mut t, "ada", PASSWORD).await, "Too many failed attempts: try again in 1 s.", "not even verified");
    f.clock.advance(Duration::from_secs(1));
    assert_eq!(
        sign_in(&mut t, "ada", "wrong 4").await,
        "Wrong user name or password. Too many failed attempts: try again in 2 s."
    );
    f.clock.advance(Duration::from_secs(2));
    assert_eq!(sign_in(&mut t, "ada", PASSWORD).await, "");
    assert_eq!(t.get("greeting", "children").await, "Hello, ada");
    Ok(())
}

#[tokio::test]
async fn an_idle_window_locks_keeps_its_page_and_unlocks() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    go(&mut t, "/private").await;
    sign_in(&mut t, "ada", PASSWORD).await;
    t.user_set("draft", "value", "half-written").await?;

    f.clock.advance(Duration::from_secs(599));
    t.session.check_idle().await?;
    assert_eq!(t.get(ids::LOCK, "opened").await, false, "not idle long enough");
    t.user_set("draft", "value", "still writing").await?;
    f.clock.advance(Duration::from_secs(601));
    t.session.check_idle().await?;
    t.settle().await;
    assert_eq!(t.get(ids::LOCK, "opened").await, true);
    assert!(t.get(ids::LOCK_USER, "children").await.to_string().contains("Signed in as ada"));
    let refused = t.user_set("draft", "value", "typed while locked").await.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(refused.contains("needs a logged-in, unlocked window") && !refused.contains("typed while locked"), "{refused}");
    // A crafted navigation while locked leaves the page as it is beneath the lock.
    go(&mut t, "/settings").await;
    assert_eq!(t.get("draft", "value").await, "still writing");

    t.user_set(ids::UNLOCK_PASSWORD, "value", "wrong").await?;
    t.user_set(ids::UNLOCK_SUBMIT, "n_clicks", 1).await?;
    assert_eq!(t.get(ids::LOCK, "opened").await, true);
    assert_eq!(t.get(ids::UNLOCK_MESSAGE, "children").await, "Wrong user name or password.");
    t.user_set(ids::UNLOCK_PASSWORD, "value", PASSWORD).await?;
    t.user_set(ids::UNLOCK_SUBMIT, "n_clicks", 2).await?;
    assert_eq!(t.get(ids::LOCK, "opened").await, false);
    assert_eq!(t.get(ids::UNLOCK_PASSWORD, "value").await, "");
    assert_eq!(t.get("draft", "value").await, "still writing", "the page's state outlived the lock");
    t.user_set("draft", "value", "done").await?;
    assert_eq!(t.get("greeting", "children").await, "Hello, ada");
    Ok(())
}

#[tokio::test]
async fn logging_out_cancels_protected_work_and_removes_the_page() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    go(&mut t, "/private").await;
    sign_in(&mut t, "ada", PASSWORD).await;
    t.set_nowait("slow", "n_clicks", 1).await?;
    tokio::time::sleep(Duration::from_millis(50)).await;
    t.user_set(ids::LOGOUT, "n_clicks", 1).await?;
    t.settle().await;
    assert_eq!(t.get(ids::USER, "data").await, serde_json::Value::Null);
    let gate = content(&t).await;
    assert!(gate.contains("Sign in to secure") && !gate.contains("slow-out"), "{gate}");
    assert!(t.user_set("draft", "value", "x").await.is_err(), "the private page's components are gone");
    let saw = f.spec.shared.get(&std::any::TypeId::of::<SawCancel>()).and_then(|v| v.clone().downcast::<SawCancel>().ok());
    // The callback's thread sees the cancellation at its next check (every 10 ms).
    let mut cancelled = false;
    for _ in 0..100 {
        cancelled = saw.as_ref().is_some_and(|s| s.0.load(Ordering::Relaxed));
        if cancelled {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(cancelled, "the running protected callback was cancelled");
    Ok(())
}

#[tokio::test]
async fn secrets_are_read_by_callbacks_and_set_on_the_settings_page() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    go(&mut t, "/private").await;
    sign_in(&mut t, "ada", PASSWORD).await;
    t.user_set("draft", "n_submit", 1).await?;
    assert_eq!(t.get("key-out", "children").await, "no key yet");

    go(&mut t, "/settings").await;
    let status = json!({"type": ids::SECRET_STATUS, "name": "api-key"});
    let value = json!({"type": ids::SECRET_VALUE, "name": "api-key"});
    assert_eq!(t.get(status.clone(), "children").await, "Not set");
    t.user_set(value.clone(), "value", "sk-0123456789").await?;
    t.user_set(json!({"type": ids::SECRET_SET, "name": "api-key"}), "n_clicks", 1).await?;
    assert_eq!(t.get(status.clone(), "children").await, "Set · 13 characters", "its length, never its value");
    assert_eq!(t.get(value.clone(), "value").await, "", "the field is emptied");
    assert_eq!(f.backend.secret("api-key").ok().flatten().as_deref(), Some("sk-0123456789"));

    go(&mut t, "/private").await;
    t.user_set("draft", "n_submit", 1).await?;
    assert_eq!(t.get("key-out", "children").await, "key of 13 characters");

    go(&mut t, "/settings").await;
    t.user_set(json!({"type": ids::SECRET_CLEAR, "name": "api-key"}), "n_clicks", 1).await?;
    assert_eq!(t.get(status, "children").await, "Not set");
    assert_eq!(f.backend.secret("api-key").ok().flatten(), None);
    Ok(())
}

async fn listed_accounts(t: &TestApp) -> Vec<String> {
    // Each row is a Group holding the name (and a "you" badge for the signed-in account).
    let rows = t.get(ids::ACCOUNTS_LIST, "children").await;
    rows.as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    let parts = row["props"]["children"].as_array().cloned().unwrap_or_default();
                    parts.iter().filter_map(|p| p["props"]["children"].as_str()).collect::<Vec<_>>().join(" ")
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_settings_page_adds_accounts_changes_a_password_and_deletes_another_account() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    go(&mut t, "/private").await;
    sign_in(&mut t, "ada", PASSWORD).await;
    go(&mut t, "/settings").await;
    assert_eq!(listed_accounts(&t).await, vec!["ada you"], "the signed-in account is marked");
    assert_eq!(t.get(ids::DELETE_USER, "data").await, json!([]), "the signed-in account is not offered for deletion");

    let add = |user: &str, password: &str, again: &str| {
        vec![
            Change::new(ids::ADD_USER, "value", user),
            Change::new(ids::ADD_PASSWORD, "value", password),
            Change::new(ids::ADD_CONFIRM, "value", again),
        ]
    };
    t.user_set_many(add("bob", "short", "short")).await?;
    t.user_set(ids::ADD_SUBMIT, "n_clicks", 1).await?;
    assert!(message(&t, ids::ADD_MESSAGE).await.contains("at least 8"));
    assert_eq!(t.get(ids::ADD_PASSWORD, "value").await, "", "the password is cleared from its field");
    t.user_set_many(add("bob", "bob's password", "another")).await?;
    t.user_set(ids::ADD_SUBMIT, "n_clicks", 2).await?;
    assert_eq!(message(&t, ids::ADD_MESSAGE).await, "The two passwords differ.");
    t.user_set_many(add("ada", "ada's second", "ada's second")).await?;
    t.user_set(ids::ADD_SUBMIT, "n_clicks", 3).await?;
    assert_eq!(message(&t, ids::ADD_MESSAGE).await, "An account named ada exists already.");
    t.user_set_many(add(" bob ", "bob's password", "bob's password")).await?;
    t.user_set(ids::ADD_SUBMIT, "n_clicks", 4).await?;
    assert_eq!(message(&t, ids::ADD_MESSAGE).await, "Added bob.");
    assert_eq!(t.get(ids::ADD_USER, "value").await, "", "the form is emptied");
    assert_eq!(listed_accounts(&t).await, vec!["ada you", "bob"]);
    assert_eq!(f.backend.verify("bob", "bob's password").ok(), Some(true));

    // A password change checks the current password first, through the back-off.
    let change = |current: &str, new: &str, again: &str| {
        vec![
            Change::new(ids::PASSWORD_CURRENT, "value", current),
            Change::new(ids::PASSWORD_NEW, "value", new),
            Change::new(ids::PASSWORD_CONFIRM, "value", again),
        ]
    };
    t.user_set_many(change("not it", "a new password", "a new password")).await?;
    t.user_set(ids::PASSWORD_SUBMIT, "n_clicks", 1).await?;
    assert_eq!(message(&t, ids::PASSWORD_MESSAGE).await, "Wrong current password.");
    assert_eq!(t.get(ids::PASSWORD_CURRENT, "value").await, "");
    assert_eq!(f.backend.verify("ada", PASSWORD).ok(), Some(true), "a refused change changes nothing");
    t.user_set_many(change(PASSWORD, "a new password", "a new password")).await?;
    t.user_set(ids::PASSWORD_SUBMIT, "n_clicks", 2).await?;
    assert_eq!(message(&t, ids::PASSWORD_MESSAGE).await, "Your password is changed.");
    assert_eq!(f.backend.verify("ada", "a new password").ok(), Some(true));
    assert_eq!(f.backend.verify("ada", PASSWORD).ok(), Some(false));

    // Deleting: never the signed-in account, even when sent straight through.
    assert_eq!(t.get(ids::DELETE_USER, "data").await, json!(["bob"]));
    t.user_set(ids::DELETE_USER, "value", "ada").await?;
    t.user_set(ids::DELETE_SUBMIT, "n_clicks", 1).await?;
    assert!(message(&t, ids::DELETE_MESSAGE).await.contains("signed in with"));
    assert_eq!(f.backend.accounts().ok(), Some(vec!["ada".to_string(), "bob".to_string()]));
    t.user_set(ids::DELETE_USER, "value", "bob").await?;
    t.user_set(ids::DELETE_SUBMIT, "n_clicks", 2).await?;
    assert_eq!(message(&t, ids::DELETE_MESSAGE).await, "Deleted bob.");
    assert_eq!(f.backend.accounts().ok(), Some(vec!["ada".to_string()]));
    assert_eq!(listed_accounts(&t).await, vec!["ada you"]);
    assert_eq!(t.get(ids::DELETE_USER, "value").await, json!(null));
    Ok(())
}

#[tokio::test]
async fn account_management_needs_a_login() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    go(&mut t, "/settings").await;
    assert!(content(&t).await.contains("Sign in to secure"), "the settings page is protected");
    let refused = t.user_set(ids::ADD_SUBMIT, "n_clicks", 1).await.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(refused.contains(ids::ADD_SUBMIT), "a form not drawn cannot be sent: {refused}");
    assert_eq!(f.backend.accounts().ok(), Some(vec!["ada".to_string()]));
    Ok(())
}

#[tokio::test]
async fn an_unavailable_keychain_is_explained_and_public_pages_still_work() -> Result<()> {
    let f = fixture();
    f.backend.unavailable.store(true, Ordering::Relaxed);
    let mut t = window(&f).await;
    t.user_set("count", "n_clicks", 3).await?;
    assert_eq!(t.get("clicks", "children").await, "3 clicks");
    go(&mut t, "/private").await;
    let gate = content(&t).await;
    assert!(gate.contains("The system keychain is not available") && gate.contains("GNOME Keyring"), "{gate}");
    Ok(())
}

#[tokio::test]
async fn a_locked_keychain_is_explained_and_nothing_saved_is_lost() -> Result<()> {
    let f = fixture();
    f.backend.create_account("ada", PASSWORD).ok();
    let mut t = window(&f).await;
    go(&mut t, "/private").await;
    f.backend.locked.store(true, Ordering::Relaxed);
    let refused = sign_in(&mut t, "ada", PASSWORD).await;
    assert!(refused.contains("The system keychain is locked") && refused.contains("Unlock it"), "{refused}");
    assert!(!refused.contains(PASSWORD));
    assert_eq!(t.get(ids::USER, "data").await, json!(null), "not logged in");
    // Unlocked again, the account is as it was.
    f.backend.locked.store(false, Ordering::Relaxed);
    assert_eq!(sign_in(&mut t, "ada", PASSWORD).await, "");
    assert_eq!(t.get("greeting", "children").await, "Hello, ada");
    Ok(())
}

#[test]
fn auth_needs_pages() {
    let err = App::new("a").auth(Auth::new()).layout(div(())).build().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("register the app's pages"), "{err}");
}

#[tokio::test]
async fn the_logout_button_shows_only_while_someone_is_logged_in() -> Result<()> {
    let f = fixture();
    let mut t = window(&f).await;
    let area = ids::logout_area(0);
    assert_eq!(t.get(area.clone(), "style").await, serde_json::json!({"display": "none"}), "nobody is logged in yet");
    go(&mut t, "/private").await;
    t.user_set_many(vec![
        Change::new(ids::CREATE_USER, "value", "Zoë"),
        Change::new(ids::CREATE_PASSWORD, "value", PASSWORD),
        Change::new(ids::CREATE_CONFIRM, "value", PASSWORD),
    ])
    .await?;
    t.user_set(ids::CREATE_SUBMIT, "n_clicks", 1).await?;
    t.settle().await;
    assert_eq!(t.get(area.clone(), "style").await, serde_json::json!({}), "shown once logged in");
    t.user_set(ids::LOGOUT, "n_clicks", 1).await?;
    t.settle().await;
    assert_eq!(t.get(area, "style").await, serde_json::json!({"display": "none"}), "hidden again after logging out");
    let errors = t.take_errors();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}
