//! Stores as Dash's `dcc.Store` behaves, with their lifetimes: memory lives with the window,
//! session survives a reload of the window, local is shared by every window and pushed to
//! the others when one writes it. A wave's writes are committed before its batch goes out;
//! a commit that fails puts the old data back and tells the user.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

fn save(v: Value) -> Value {
    v
}

fn describe(data: Value) -> String {
    format!("holds {data}")
}

/// An input copied into a store by a callback, and the store shown by another.
fn notes_app(storage: Storage) -> Arc<AppSpec> {
    App::new("notes")
        .layout(div((input("note"), store("notes").storage(storage), div(id("shown")))))
        .callback(Input::new("note", "value"), Output::new("notes", "data"), save)
        .prevent_initial_call()
        .callback(Input::new("notes", "data"), Output::new("shown", "children"), describe)
        .build()
        .expect("the app registers")
}

#[tokio::test]
async fn writing_data_sets_modified_timestamp_and_clear_data_empties_the_store() -> Result<()> {
    fn stamp_seen(ts: Option<i64>) -> String {
        ts.map_or("never".into(), |_| "stamped".into())
    }
    let app = App::new("stamp")
        .layout(div((input("note"), store("s").data(json!({"a": 1})), div(id("shown")), div(id("stamp")))))
        .callback(Input::new("note", "value"), Output::new("s", "data"), save)
        .prevent_initial_call()
        .callback(Input::new("s", "data"), Output::new("shown", "children"), describe)
        .callback(Input::new("s", "modified_timestamp"), Output::new("stamp", "children"), stamp_seen)
        .prevent_initial_call();
    let mut t = TestApp::start(app).await?;
    assert_eq!(t.get("shown", "children").await, r#"holds {"a":1}"#);
    assert_eq!(t.get("s", "modified_timestamp").await, Value::Null, "a memory store's layout data is not a write");

    t.set("note", "value", "x").await?;
    let first = t.get("s", "modified_timestamp").await.as_i64().unwrap_or(0);
    assert!(first > 1_600_000_000_000, "milliseconds since the epoch, got {first}");
    assert_eq!(t.get("stamp", "children").await, "stamped", "a callback on modified_timestamp fires");
    let sent: Vec<String> = t.take_batches().iter().flat_map(|b| b.updates.iter().map(|u| u.prop.clone())).collect();
    assert!(sent.contains(&"modified_timestamp".to_string()), "the stamp reaches the renderer: {sent:?}");
    assert!(!sent.contains(&"data".to_string()), "the data does not: {sent:?}");

    std::thread::sleep(std::time::Duration::from_millis(2));
    t.set("s", "clear_data", true).await?;
    assert_eq!(t.get("s", "data").await, Value::Null);
    assert_eq!(t.get("s", "clear_data").await, false, "clear_data is a request, back to false");
    assert_eq!(t.get("shown", "children").await, "holds null");
    assert!(t.get("s", "modified_timestamp").await.as_i64().unwrap_or(0) > first, "clearing is a write");
    Ok(())
}

#[tokio::test]
async fn each_storage_type_lives_as_long_as_dash_says() -> Result<()> {
    for (storage, after_reload, in_other_window) in [
        (Storage::Memory, "holds null", "holds null"),
        (Storage::Session, r#"holds "draft""#, "holds null"),
        (Storage::Local, r#"holds "draft""#, r#"holds "draft""#),
    ] {
        let app = notes_app(storage);
        let stores = Stores::in_memory();
        let mut first = TestApp::start_in(app.clone(), stores.clone(), "main").await?;
        first.set("note", "value", "draft").await?;
        assert_eq!(first.get("shown", "children").await, r#"holds "draft""#);
        drop(first);

        let reloaded = TestApp::start_in(app.clone(), stores.clone(), "main").await?;
        assert_eq!(reloaded.get("shown", "children").await, after_reload, "{storage:?} after a reload");
        let other = TestApp::start_in(app.clone(), stores.clone(), "second").await?;
        assert_eq!(other.get("shown", "children").await, in_other_window, "{storage:?} in another window");
    }
    Ok(())
}

#[tokio::test]
async fn a_local_store_written_in_one_window_is_pushed_to_the_others_at_once() -> Result<()> {
    let app = notes_app(Storage::Local);
    let stores = Stores::in_memory();
    let mut a = TestApp::start_in(app.clone(), stores.clone(), "a").await?;
    let mut b = TestApp::start_in(app.clone(), stores.clone(), "b").await?;
    let session_only = TestApp::start_in(notes_app(Storage::Session), stores.clone(), "c").await?;
    b.take_batches();

    a.set("note", "value", "from a").await?;
    b.settle().await;
    assert_eq!(b.get("notes", "data").await, "from a");
    assert_eq!(b.get("shown", "children").await, r#"holds "from a""#, "b's callbacks on the store fire");
    let stamp_in_a = a.get("notes", "modified_timestamp").await;
    assert_eq!(b.get("notes", "modified_timestamp").await, stamp_in_a, "one write, one timestamp");
    let pushed: Vec<String> = b.take_batches().iter().flat_map(|batch| batch.updates.iter().map(|u| u.prop.clone())).collect();
    assert!(pushed.contains(&"children".to_string()), "b's window gets a batch of its own: {pushed:?}");
    assert_eq!(session_only.get("notes", "data").await, Value::Null, "a session store of the same id is not touched");

    b.set("note", "value", "from b").await?;
    a.settle().await;
    assert_eq!(a.get("shown", "children").await, r#"holds "from b""#);
    Ok(())
}

#[tokio::test]
async fn a_saved_copy_is_what_the_initial_callbacks_see_and_layout_data_is_saved_when_there_is_none() -> Result<()> {
    let app = App::new("seeded")
        .layout(div((store("prefs").storage(Storage::Local).data(json!({"theme": "light"})), div(id("shown")))))
        .callback(Input::new("prefs", "data"), Output::new("shown", "children"), describe)
        .build()?;
    let backend = Arc::new(MemoryBackend::default());
    let first = TestApp::start_in(app.clone(), Stores::new(backend.clone()), "main").await?;
    assert_eq!(first.get("shown", "children").await, r#"holds {"theme":"light"}"#);
    let saved =
        backend.load(&Scope::Local, &Entry::Store("prefs".into())).map_err(|e| EngineError::MalformedChange { reason: e.0 })?;
    assert_eq!(
        saved.map(|s| s.data),
        Some(json!({"theme": "light"})),
        "the layout's data is saved, as Dash's Store does on mount"
    );

    let write = StoreWrite {
        scope: Scope::Local,
        entry: Entry::Store("prefs".into()),
        data: Some(json!({"theme": "dark"})),
        modified_timestamp: 7,
    };
    backend.commit(&[write]).map_err(|e| EngineError::MalformedChange { reason: e.0 })?;
    let restarted = TestApp::start_in(app, Stores::new(backend), "main").await?;
    assert_eq!(restarted.get("shown", "children").await, r#"holds {"theme":"dark"}"#, "the saved copy wins over the layout");
    assert_eq!(restarted.get("prefs", "modified_timestamp").await, 7);
    Ok(())
}

/// A backend whose commits fail while `failing` is set, recording what it was asked to save.
#[derive(Default)]
struct Flaky {
    inner: MemoryBackend,
    failing: Mutex<bool>,
    commits: Mutex<usize>,
}

impl StoreBackend for Flaky {
    fn load(&self, scope: &Scope, entry: &Entry) -> std::result::Result<Option<Saved>, StorageFault> {
        self.inner.load(scope, entry)
    }
    fn commit(&self, writes: &[StoreWrite]) -> std::result::Result<(), StorageFault> {
        *self.commits.lock().map_err(|_| StorageFault("poisoned".into()))? += 1;
        if *self.failing.lock().map_err(|_| StorageFault("poisoned".into()))? {
            return Err(StorageFault("/data/app.sqlite: database or disk is full".into()));
        }
        self.inner.commit(writes)
    }
}

#[tokio::test]
async fn a_failed_commit_puts_the_old_data_back_sends_no_new_stamp_and_tells_the_user() -> Result<()> {
    let app = notes_app(Storage::Local);
    let backend = Arc::new(Flaky::default());
    let mut t = TestApp::start_in(app.clone(), Stores::new(backend.clone()), "main").await?;
    t.set("note", "value", "kept").await?;
    let stamp = t.get("notes", "modified_timestamp").await;
    assert_eq!(*backend.commits.lock().map_err(|_| EngineError::SessionClosed)?, 1, "one commit per wave");
    t.take_batches();

    *backend.failing.lock().map_err(|_| EngineError::SessionClosed)? = true;
    t.set("note", "value", "lost").await?;
    let notices = t.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("store notes") && notices[0].contains("disk is full"), "names the store and why: {}", notices[0]);
    assert_eq!(t.get("notes", "data").await, "kept", "the session holds what is saved");
    assert_eq!(t.get("notes", "modified_timestamp").await, stamp);
    let stamps_sent = t.take_batches().iter().flat_map(|b| b.updates.clone()).filter(|u| u.prop == "modified_timestamp").count();
    assert_eq!(stamps_sent, 0, "nothing tells the screen the store was saved");

    *backend.failing.lock().map_err(|_| EngineError::SessionClosed)? = false;
    t.set("note", "value", "saved again").await?;
    assert!(t.take_notices().is_empty());
    let reloaded = TestApp::start_in(app, Stores::new(backend), "main").await?;
    assert_eq!(reloaded.get("notes", "data").await, "saved again", "the app went on saving");
    Ok(())
}

#[tokio::test]
async fn a_store_inserted_by_a_callback_takes_its_saved_copy() -> Result<()> {
    fn panel(n: Option<u64>) -> Component {
        match n {
            Some(_) => div((store("inner").storage(Storage::Local), div(id("inner-shown")))),
            None => div(()),
        }
    }
    let app = App::new("late")
        .suppress_callback_exceptions(true)
        .layout(div((button("open").id("open"), div(id("panel")))))
        .callback(Input::new("open", "n_clicks"), Output::new("panel", "children"), panel)
        .callback(Input::new("inner", "data"), Output::new("inner-shown", "children"), describe)
        .build()?;
    let backend = Arc::new(MemoryBackend::default());
    let write =
        StoreWrite { scope: Scope::Local, entry: Entry::Store("inner".into()), data: Some(json!([1, 2])), modified_timestamp: 5 };
    backend.commit(&[write]).map_err(|e| EngineError::MalformedChange { reason: e.0 })?;
    let mut t = TestApp::start_in(app, Stores::new(backend), "main").await?;
    t.set("open", "n_clicks", 1).await?;
    assert_eq!(t.get("inner-shown", "children").await, "holds [1,2]");
    Ok(())
}

#[tokio::test]
async fn data_that_does_not_serialize_is_refused_naming_the_store_and_nothing_is_saved() -> Result<()> {
    fn bad(_n: u64) -> std::collections::BTreeMap<(u8, u8), u8> {
        // JSON object keys must be strings: a tuple key cannot be written.
        std::collections::BTreeMap::from([((1, 2), 3)])
    }
    let app = App::new("bad")
        .layout(div((button("go").id("go"), input("note"), store("notes").storage(Storage::Local))))
        .callback(Input::new("note", "value"), Output::new("notes", "data"), save)
        .prevent_initial_call()
        .callback(Input::new("go", "n_clicks"), Output::new("notes", "data").allow_duplicate(), bad)
        .prevent_initial_call()
        .build()?;
    let backend = Arc::new(MemoryBackend::default());
    let mut t = TestApp::start_in(app, Stores::new(backend.clone()), "main").await?;
    t.set("note", "value", "kept").await?;
    t.set("go", "n_clicks", 1).await?;
    let errors = t.take_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].message.contains("notes.data") && errors[0].message.contains("nothing was written"),
        "{}",
        errors[0].message
    );
    assert_eq!(t.get("notes", "data").await, "kept");
    let saved =
        backend.load(&Scope::Local, &Entry::Store("notes".into())).map_err(|e| EngineError::MalformedChange { reason: e.0 })?;
    assert_eq!(saved.map(|s| s.data), Some(json!("kept")));
    Ok(())
}

/// A callback reading a store by reference still finds the store's data in Dash's
/// `states_list` and `inputs_list`: filled in when it reads them, with the data of that call.
#[tokio::test]
async fn a_store_read_by_reference_shows_its_data_in_the_context_lists() -> Result<()> {
    let app = App::new("listed")
        .layout(div((input("note"), button("show").id("show"), store("notes").data(json!({"n": 1})), div(id("shown")))))
        .callback(Input::new("note", "value"), Output::new("notes", "data"), |v: Option<String>| json!({"n": v}))
        .prevent_initial_call()
        .callback(
            (Input::new("show", "n_clicks"), State::new("notes", "data")),
            Output::new("shown", "children"),
            |_: Option<u64>, notes: Value, ctx: Ctx| -> std::result::Result<String, CallbackError> {
                let listed = &ctx.states_list()[0];
                if listed["value"] != notes {
                    return Err(CallbackError::msg(format!("listed {listed} but passed {notes}")));
                }
                Ok(format!("{} {}", listed["id"], listed["value"]))
            },
        )
        .prevent_initial_call();
    let mut t = TestApp::start(app).await?;
    t.set("show", "n_clicks", 1).await?;
    assert_eq!(t.get("shown", "children").await, json!(r#""notes" {"n":1}"#));
    t.set("note", "value", "two").await?;
    t.set("show", "n_clicks", 2).await?;
    assert_eq!(t.get("shown", "children").await, json!(r#""notes" {"n":"two"}"#));
    assert!(t.take_errors().is_empty());
    Ok(())
}
