//! Dash's persistence rules, held in Rust: a user's choice comes back after a restart (local),
//! a reload (session) or a re-render (memory); a callback's write is never taken for the
//! user's choice and forgets it; a new `persistence` value resets; a changed layout default
//! forgets an edit made against the old one.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::Value;
use std::sync::Arc;

fn city(value: Value) -> String {
    format!("city {value}")
}

fn cities(default: &str, persistence: Option<Storage>) -> Component {
    let mut d = dropdown("city").options(["Paris", "Lima", "Oslo"]).value(default);
    if let Some(kind) = persistence {
        d = d.persistence(true).persistence_type(kind);
    }
    d
}

/// A dropdown, what it shows, a button whose callback sets the dropdown, and one that
/// changes its `persistence` value.
fn app(default: &str, persistence: Option<Storage>) -> Arc<AppSpec> {
    fn reset(_n: u64) -> &'static str {
        "Oslo"
    }
    fn next_version(n: u64) -> String {
        format!("v{n}")
    }
    App::new("cities")
        .layout(div((cities(default, persistence), div(id("shown")), button("reset").id("reset"), button("v").id("version"))))
        .callback(Input::new("city", "value"), Output::new("shown", "children"), city)
        .callback(Input::new("reset", "n_clicks"), Output::new("city", "value"), reset)
        .prevent_initial_call()
        .callback(Input::new("version", "n_clicks"), Output::new("city", "persistence"), next_version)
        .prevent_initial_call()
        .build()
        .expect("the app registers")
}

#[tokio::test]
async fn a_users_choice_comes_back_after_a_restart_and_reaches_the_initial_callbacks() -> Result<()> {
    let backend = Arc::new(MemoryBackend::default());
    let mut first = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend.clone()), "main").await?;
    first.set("city", "value", "Lima").await?;
    drop(first);
    let mut restarted = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend), "main").await?;
    assert_eq!(restarted.get("city", "value").await, "Lima");
    assert_eq!(restarted.get("shown", "children").await, r#"city "Lima""#, "the initial callback saw the user's choice");
    let sent: Vec<(String, Value)> = restarted
        .take_batches()
        .iter()
        .flat_map(|b| {
            b.updates
                .iter()
                .filter(|u| u.prop == "value")
                .map(|u| (u.id.to_string(), serde_json::to_value(&u.update).unwrap_or_default()))
        })
        .collect();
    assert_eq!(sent.len(), 1, "the window is told the remembered value: {sent:?}");
    Ok(())
}

#[tokio::test]
async fn without_persistence_nothing_is_remembered() -> Result<()> {
    let backend = Arc::new(MemoryBackend::default());
    let mut first = TestApp::start_in(app("Paris", None), Stores::new(backend.clone()), "main").await?;
    first.set("city", "value", "Lima").await?;
    let restarted = TestApp::start_in(app("Paris", None), Stores::new(backend), "main").await?;
    assert_eq!(restarted.get("city", "value").await, "Paris");
    Ok(())
}

#[tokio::test]
async fn a_value_set_by_a_callback_is_not_taken_for_the_users_choice() -> Result<()> {
    let backend = Arc::new(MemoryBackend::default());
    let mut first = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend.clone()), "main").await?;
    first.set("city", "value", "Lima").await?;
    first.set("reset", "n_clicks", 1).await?;
    assert_eq!(first.get("city", "value").await, "Oslo");
    let restarted = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend), "main").await?;
    assert_eq!(restarted.get("city", "value").await, "Paris", "as in Dash, the app's write forgets the edit");
    Ok(())
}

#[tokio::test]
async fn a_new_persistence_value_resets_and_the_old_one_brings_the_choice_back() -> Result<()> {
    let backend = Arc::new(MemoryBackend::default());
    let mut t = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend.clone()), "main").await?;
    t.set("city", "value", "Lima").await?;
    t.set("version", "n_clicks", 2).await?;
    assert_eq!(t.get("city", "value").await, "Paris", "the edit made under `true` no longer applies");
    assert_eq!(t.get("shown", "children").await, r#"city "Paris""#, "and what depends on the value follows");
    t.set("city", "value", "Oslo").await?;
    let restarted = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend), "main").await?;
    assert_eq!(restarted.get("city", "value").await, "Lima", "the layout's persistence value still has its own edit");
    Ok(())
}

#[tokio::test]
async fn an_edit_made_against_another_default_is_forgotten() -> Result<()> {
    let backend = Arc::new(MemoryBackend::default());
    let mut first = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend.clone()), "main").await?;
    first.set("city", "value", "Lima").await?;
    let new_default = TestApp::start_in(app("Oslo", Some(Storage::Local)), Stores::new(backend.clone()), "main").await?;
    assert_eq!(new_default.get("city", "value").await, "Oslo");
    let old_default_again = TestApp::start_in(app("Paris", Some(Storage::Local)), Stores::new(backend), "main").await?;
    assert_eq!(old_default_again.get("city", "value").await, "Paris", "the edit was dropped, not set aside");
    Ok(())
}

#[tokio::test]
async fn session_edits_survive_a_reload_and_memory_edits_only_a_re_render() -> Result<()> {
    let stores = Stores::in_memory();
    let mut session = TestApp::start_in(app("Paris", Some(Storage::Session)), stores.clone(), "main").await?;
    session.set("city", "value", "Lima").await?;
    let reloaded = TestApp::start_in(app("Paris", Some(Storage::Session)), stores.clone(), "main").await?;
    assert_eq!(reloaded.get("city", "value").await, "Lima");
    let other_window = TestApp::start_in(app("Paris", Some(Storage::Session)), stores.clone(), "other").await?;
    assert_eq!(other_window.get("city", "value").await, "Paris");

    fn panel(tab: String) -> Component {
        match tab.as_str() {
            "pick" => div(cities("Paris", Some(Storage::Memory))),
            _ => div("elsewhere"),
        }
    }
    let tabs = App::new("tabs")
        .suppress_callback_exceptions(true)
        .layout(div((dropdown("tab").options(["pick", "other"]).value("pick"), div(id("panel")))))
        .callback(Input::new("tab", "value"), Output::new("panel", "children"), panel)
        .build()?;
    let mut t = TestApp::start_in(tabs.clone(), stores.clone(), "main").await?;
    t.set("city", "value", "Oslo").await?;
    t.set("tab", "value", "other").await?;
    t.take_batches();
    t.set("tab", "value", "pick").await?;
    assert_eq!(t.get("city", "value").await, "Oslo", "the dropdown re-rendered with the user's choice");
    let sent = t.take_batches();
    let panel_sent =
        sent.iter().flat_map(|b| &b.updates).find(|u| u.prop == "children").map(|u| serde_json::to_string(&u.update));
    assert!(panel_sent.is_some_and(|s| s.is_ok_and(|s| s.contains("Oslo"))), "the window draws it so: {sent:?}");
    let reloaded = TestApp::start_in(tabs, stores, "main").await?;
    assert_eq!(reloaded.get("city", "value").await, "Paris", "memory edits end with the window");
    Ok(())
}
