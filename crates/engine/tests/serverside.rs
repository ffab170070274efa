//! Server-side values: a callback returns `Serverside<T>` into a memory or session store, and
//! every callback that takes the store gets the very same `Arc<T>` (no copy, nothing
//! serialized); only `modified_timestamp` reaches the renderer.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use std::sync::{Arc, Mutex};

struct Column(Vec<f64>);

/// Where each reader saw the column (its address), kept by the test and the app alike.
#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<usize>>>);

impl Seen {
    fn record(&self, column: &Serverside<Column>) {
        if let Ok(mut s) = self.0.lock() {
            s.push(Arc::as_ptr(&column.0) as usize);
        }
    }

    fn addresses(&self) -> Vec<usize> {
        self.0.lock().map(|s| s.clone()).unwrap_or_default()
    }
}

fn build(n: u64) -> (Serverside<Column>, String) {
    let column = Serverside::new(Column(vec![1.0; 1000 + n as usize]));
    let address = Arc::as_ptr(&column.0) as usize;
    (column, address.to_string())
}

fn read(column: Serverside<Column>, seen: Shared<Seen>) -> String {
    seen.record(&column);
    format!("{} rows", column.0 .0.len())
}

fn four_readers(storage: Storage, seen: Seen) -> App {
    let readers: Vec<Component> = (0..4).map(|i| div(id(format!("r{i}")))).collect();
    let mut app = App::new("serverside")
        .shared(seen)
        .layout(div((button("go").id("go"), store("column").storage(storage), div(id("written")), div(readers))))
        .callback(Input::new("go", "n_clicks"), (Output::new("column", "data"), Output::new("written", "children")), build)
        .prevent_initial_call();
    for i in 0..4 {
        app = app
            .callback(Input::new("column", "data"), Output::new(format!("r{i}").as_str(), "children"), read)
            .prevent_initial_call();
    }
    app
}

async fn written_address(t: &TestApp) -> usize {
    t.get("written", "children").await.as_str().and_then(|s| s.parse().ok()).unwrap_or(0)
}

#[tokio::test]
async fn four_callbacks_receive_the_same_value_and_only_its_timestamp_reaches_the_renderer() -> Result<()> {
    let seen = Seen::default();
    let mut t = TestApp::start(four_readers(Storage::Memory, seen.clone())).await?;
    t.take_batches();
    t.set("go", "n_clicks", 1).await?;
    assert!(t.take_errors().is_empty());
    for i in 0..4 {
        assert_eq!(t.get(format!("r{i}").as_str(), "children").await, "1001 rows");
    }
    let addresses = seen.addresses();
    let written = written_address(&t).await;
    assert_eq!(addresses.len(), 4);
    assert!(addresses.iter().all(|a| *a == written), "every reader saw the written value itself: {addresses:?} vs {written}");
    let sent: Vec<String> =
        t.take_batches().iter().flat_map(|b| b.updates.iter().map(|u| format!("{}.{}", u.id, u.prop))).collect();
    assert!(sent.contains(&"column.modified_timestamp".to_string()), "{sent:?}");
    assert!(!sent.iter().any(|s| s == "column.data"), "{sent:?}");
    assert_eq!(t.get("column", "data").await, serde_json::Value::Null, "nothing JSON is held for it");
    Ok(())
}

#[tokio::test]
async fn a_session_store_keeps_its_value_across_a_reload_of_its_window_only() -> Result<()> {
    fn show(_n: u64, column: Serverside<Column>, seen: Shared<Seen>) -> String {
        seen.record(&column);
        format!("{} rows", column.0 .0.len())
    }
    let seen = Seen::default();
    let app = App::new("reload")
        .shared(seen.clone())
        .layout(div((
            button("go").id("go"),
            button("show").id("show"),
            store("column").storage(Storage::Session),
            div(id("written")),
            div(id("shown")),
        )))
        .callback(Input::new("go", "n_clicks"), (Output::new("column", "data"), Output::new("written", "children")), build)
        .prevent_initial_call()
        .callback((Input::new("show", "n_clicks"), State::new("column", "data")), Output::new("shown", "children"), show)
        .prevent_initial_call()
        .build()?;
    let stores = Stores::in_memory();
    let mut first = TestApp::start_in(app.clone(), stores.clone(), "main").await?;
    first.set("go", "n_clicks", 1).await?;
    let written = written_address(&first).await;
    drop(first);
    let mut reloaded = TestApp::start_in(app.clone(), stores.clone(), "main").await?;
    reloaded.set("show", "n_clicks", 1).await?;
    assert_eq!(reloaded.get("shown", "children").await, "1001 rows");
    assert_eq!(seen.addresses(), vec![written], "the reloaded window reads the value written before the reload");
    let mut other = TestApp::start_in(app, stores, "other").await?;
    other.set("show", "n_clicks", 1).await?;
    let errors = other.take_errors();
    assert!(errors.iter().any(|e| e.message.contains("holds no server-side value")), "another window has none: {errors:?}");
    Ok(())
}

#[tokio::test]
async fn wrong_uses_are_refused_with_a_message_naming_the_type() -> Result<()> {
    fn as_json(v: serde_json::Value) -> String {
        v.to_string()
    }
    fn as_other(v: Serverside<String>) -> String {
        v.0.to_string()
    }
    fn into_local(_n: u64) -> Serverside<Column> {
        Serverside::new(Column(vec![]))
    }
    let app = App::new("wrong")
        .layout(div((
            button("go").id("go"),
            button("local").id("local"),
            store("column"),
            store("saved").storage(Storage::Local),
            div(id("a")),
            div(id("b")),
        )))
        .callback(Input::new("go", "n_clicks"), Output::new("column", "data"), |_n: u64| Serverside::new(Column(vec![2.0])))
        .prevent_initial_call()
        .callback(Input::new("column", "data"), Output::new("a", "children"), as_json)
        .prevent_initial_call()
        .callback(Input::new("column", "data"), Output::new("b", "children"), as_other)
        .prevent_initial_call()
        .callback(Input::new("local", "n_clicks"), Output::new("saved", "data"), into_local)
        .prevent_initial_call();
    let mut t = TestApp::start(app).await?;
    t.set("go", "n_clicks", 1).await?;
    let mut messages: Vec<String> = t.take_errors().into_iter().map(|e| format!("{}: {}", e.callback, e.message)).collect();
    messages.sort();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains("a.children") && messages[0].contains("take it as Serverside<serverside::Column>"),
        "{}",
        messages[0]
    );
    assert!(messages[1].contains("b.children") && messages[1].contains("not alloc::string::String"), "{}", messages[1]);
    t.set("local", "n_clicks", 1).await?;
    let errors = t.take_errors();
    assert!(errors.iter().any(|e| e.message.contains("cannot be kept in a local store")), "{errors:?}");
    Ok(())
}

#[tokio::test]
async fn a_json_store_is_read_in_place_until_it_is_written() -> Result<()> {
    #[derive(Clone, Default)]
    struct Reads(Arc<Mutex<Vec<Arc<serde_json::Value>>>>);
    fn by_reference(_n: u64, rows: Serverside<serde_json::Value>, reads: Shared<Reads>) -> usize {
        if let Ok(mut r) = reads.0 .0.lock() {
            r.push(rows.0.clone());
        }
        rows.as_array().map_or(0, Vec::len)
    }
    fn typed(_n: u64, rows: Vec<i64>) -> i64 {
        rows.iter().sum()
    }
    fn grow(_n: u64) -> Vec<i64> {
        vec![1, 2, 3, 4]
    }
    let reads = Reads::default();
    let app = App::new("json")
        .shared(reads.clone())
        .layout(div((
            button("go").id("go"),
            button("grow").id("grow"),
            store("rows").data(vec![1, 2, 3]),
            div(id("len")),
            div(id("sum")),
        )))
        .callback((Input::new("go", "n_clicks"), State::new("rows", "data")), Output::new("len", "children"), by_reference)
        .prevent_initial_call()
        .callback((Input::new("go", "n_clicks"), State::new("rows", "data")), Output::new("sum", "children"), typed)
        .prevent_initial_call()
        .callback(Input::new("grow", "n_clicks"), Output::new("rows", "data"), grow)
        .prevent_initial_call();
    let mut t = TestApp::start(app).await?;
    t.set("go", "n_clicks", 1).await?;
    t.set("go", "n_clicks", 2).await?;
    assert_eq!((t.get("len", "children").await, t.get("sum", "children").await), (3.into(), 6.into()));
    t.set("grow", "n_clicks", 1).await?;
    t.set("go", "n_clicks", 3).await?;
    assert_eq!((t.get("len", "children").await, t.get("sum", "children").await), (4.into(), 10.into()));
    let seen = reads.0.lock().map(|r| r.clone()).unwrap_or_default();
    assert!(Arc::ptr_eq(&seen[0], &seen[1]), "two clicks read the one copy");
    assert!(!Arc::ptr_eq(&seen[1], &seen[2]), "a write makes a new one");
    Ok(())
}
