//! The seeds' login app as a desktop app: a public start page (a button counting clicks), a
//! private page greeting the logged-in user, a page that uses a declared secret, a settings
//! page to set it, a navigation menu and a log-out button. The first run creates the first
//! account; accounts (as Argon2id hashes) and the secret live in the system keychain; the
//! window locks after five idle minutes. Run: `cargo run -p secure-pages`.

use deskdash::engine::pages::LOCATION_ID;
use deskdash::prelude::*;
use std::time::Duration;

fn home(_: &PageArgs) -> Component {
    dmc::stack(vec![
        dmc::title(2, "Welcome"),
        dmc::text("This page is public: anyone at this computer sees it. The others ask for a login."),
        dmc::group(vec![dmc::button("Click me").id("clicker"), dmc::text("").id("clicks")]),
    ])
}

fn private(_: &PageArgs) -> Component {
    dmc::stack(vec![
        dmc::title(2, "").id("greeting"),
        dmc::text("Only a logged-in user sees this page. A note typed here survives the idle lock."),
        dmc::textarea("note").label("Note").placeholder("Type something, then wait for the lock"),
    ])
}

fn service(_: &PageArgs) -> Component {
    dmc::stack(vec![
        dmc::title(2, "Service"),
        dmc::text("Uses the service API key kept in the system keychain (set it under Settings)."),
        dmc::group(vec![
            dmc::button("Check the key").id("check-key"),
            dmc::button("Set the key").id("open-settings").variant("default"),
            dmc::text("").id("key-status"),
        ]),
    ])
}

fn count_clicks(n: Option<u64>) -> String {
    match n.unwrap_or(0) {
        0 => "Not clicked yet".into(),
        1 => "Clicked once".into(),
        n => format!("Clicked {n} times"),
    }
}

fn greet(_: Option<String>, login: Login) -> String {
    format!("Hello, {}!", login.user().unwrap_or_default())
}

fn check_key(_: Option<u64>, secrets: Secrets) -> Result<String, CallbackError> {
    Ok(match secrets.get("service-key")? {
        Some(key) => format!("A key of {} characters is set: the service can be called.", key.chars().count()),
        None => "No key is set yet: add it under Settings.".into(),
    })
}

/// Moves the window to the settings page (the Location's pathname as an Output). Called
/// with no click when the button is drawn, as Dash calls it: its output was there before.
fn open_settings(n: Option<u64>) -> Update<&'static str> {
    match n {
        Some(_) => Update::Set("/settings"),
        None => Update::NoUpdate,
    }
}

fn layout(pages: &[PageEntry]) -> Component {
    let menu: Vec<Component> = pages
        .iter()
        .map(|p| dmc::nav_link(format!("nav-{}", p.name.to_lowercase())).label(p.name.as_str()).href(&p.path))
        .collect();
    dmc::app_shell(vec![
        dmc::app_shell_header(
            dmc::group(vec![dmc::title(4, "Secure pages"), logout_button("Log out")])
                .prop("justify", "space-between")
                .px("md")
                .h("100%"),
        ),
        dmc::app_shell_navbar(dmc::stack(menu).gap(4)).p("sm"),
        dmc::app_shell_main(page_container()),
    ])
    .prop("header", json!({"height": 56}))
    .prop("navbar", json!({"width": 200, "breakpoint": "xs"}))
    .p("md")
}

/// The idle lock: five minutes, or what `SECURE_PAGES_IDLE_SECONDS` says (the e2e test
/// waits for a short one).
fn idle_lock() -> Duration {
    let seconds = std::env::var("SECURE_PAGES_IDLE_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(300);
    Duration::from_secs(seconds)
}

fn main() -> deskdash::Result<()> {
    let app = App::new("Secure pages")
        .auth(Auth::new().idle_lock(Some(idle_lock())).secret("service-key", "Service API key").settings_page("/settings"))
        .register_page(Page::new("/", home).name("Home").order(0).public())
        .register_page(Page::new("/private", private).name("Private").order(1))
        .register_page(Page::new("/service", service).name("Service").order(2));
    let pages = app.page_registry();
    app.layout(layout(&pages))
        .callback(Input::new("clicker", "n_clicks"), Output::new("clicks", "children"), count_clicks)
        .public()
        .callback(Input::new("note", "value"), Output::new("greeting", "children"), greet)
        .callback(Input::new("check-key", "n_clicks"), Output::new("key-status", "children"), check_key)
        .prevent_initial_call()
        .callback(Input::new("open-settings", "n_clicks"), Output::new(LOCATION_ID, "pathname"), open_settings)
        .run(tauri::generate_context!())
}
