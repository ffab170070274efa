//! The database under an app: lifetimes across restarts, and every fault a file can have
//! (damaged, locked, full, read-only, a newer schema, a value too large), each with a message
//! naming the file or the store, and nothing already saved lost.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use deskdash_store::{Database, DatabaseOptions, StoreError};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::Arc;

type TestResult = std::result::Result<(), Box<dyn std::error::Error>>;

fn db_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("app").join("deskdash.sqlite")
}

fn open(path: &Path) -> std::result::Result<Arc<Database>, StoreError> {
    Ok(Arc::new(Database::open(path, DatabaseOptions::default())?.database))
}

fn write(store: &str, data: Value) -> StoreWrite {
    StoreWrite { scope: Scope::Local, entry: Entry::Store(store.into()), data: Some(data), modified_timestamp: 1 }
}

fn describe(data: Value) -> String {
    format!("holds {data}")
}

fn notes_app() -> Arc<AppSpec> {
    App::new("notes")
        .layout(div((
            input("note"),
            store("local-notes").storage(Storage::Local),
            store("session-notes").storage(Storage::Session),
            div(id("local-shown")),
            div(id("session-shown")),
        )))
        .callback(
            Input::new("note", "value"),
            (Output::new("local-notes", "data"), Output::new("session-notes", "data")),
            |v: Value| (v.clone(), v),
        )
        .prevent_initial_call()
        .callback(Input::new("local-notes", "data"), Output::new("local-shown", "children"), describe)
        .callback(Input::new("session-notes", "data"), Output::new("session-shown", "children"), describe)
        .build()
        .expect("the app registers")
}

#[tokio::test]
async fn local_stores_survive_a_restart_and_session_stores_only_a_reload() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = db_path(&dir);
    let app = notes_app();
    {
        let stores = Stores::new(open(&path)?);
        let mut window = TestApp::start_in(app.clone(), stores.clone(), "main").await?;
        window.set("note", "value", "remember me").await?;
        drop(window);
        let reloaded = TestApp::start_in(app.clone(), stores, "main").await?;
        assert_eq!(reloaded.get("session-shown", "children").await, r#"holds "remember me""#, "a reload keeps the session");
    }
    let restarted = TestApp::start_in(app, Stores::new(open(&path)?), "main").await?;
    assert_eq!(restarted.get("local-shown", "children").await, r#"holds "remember me""#, "a restart keeps local stores");
    assert_eq!(restarted.get("session-shown", "children").await, "holds null", "and ends the session");
    Ok(())
}

#[test]
fn the_database_is_in_wal_mode_with_the_current_schema() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = open(&db_path(&dir))?;
    db.commit_stores(&[write("s", json!(1))])?;
    let conn = rusqlite::Connection::open(db_path(&dir))?;
    let mode: String = conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    assert_eq!((mode.as_str(), version), ("wal", 3));
    assert_eq!(db.integrity_check()?, "ok");
    Ok(())
}

#[test]
fn a_damaged_file_is_set_aside_for_a_fresh_database() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = db_path(&dir);
    std::fs::create_dir_all(dir.path().join("app"))?;
    let garbage = b"this is not an SQLite database, but it is the user's file".repeat(100);
    std::fs::write(&path, &garbage)?;
    let opened = Database::open(&path, DatabaseOptions::default())?;
    let moved = opened.set_aside.ok_or("the damaged file was not set aside")?;
    assert!(moved.file_name().is_some_and(|n| n.to_string_lossy().starts_with("deskdash.sqlite.damaged-")), "{moved:?}");
    assert_eq!(std::fs::read(&moved)?, garbage, "the damaged file is kept as it was");
    opened.database.commit_stores(&[write("s", json!("fresh"))])?;
    assert_eq!(opened.database.load_store(&Scope::Local, "s")?.map(|s| s.data), Some(json!("fresh")));
    Ok(())
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_left_untouched() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = db_path(&dir);
    drop(open(&path)?);
    rusqlite::Connection::open(&path)?.execute_batch("PRAGMA user_version = 7;")?;
    let before = std::fs::read(&path)?;
    let refused = Database::open(&path, DatabaseOptions::default()).err().ok_or("a newer schema was opened")?;
    let message = refused.to_string();
    assert!(matches!(refused, StoreError::NewerSchema { found: 7, known: 3, .. }), "{message}");
    assert!(message.contains(&path.display().to_string()) && message.contains("left untouched"), "{message}");
    assert_eq!(std::fs::read(&path)?, before, "not a byte changed");
    Ok(())
}

#[test]
fn a_locked_database_waits_its_busy_timeout_then_names_the_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = db_path(&dir);
    let options = DatabaseOptions { busy_timeout: std::time::Duration::from_millis(100), ..DatabaseOptions::default() };
    let db = Database::open(&path, options)?.database;
    db.commit_stores(&[write("s", json!("before"))])?;
    let other = rusqlite::Connection::open(&path)?;
    other.execute_batch("BEGIN EXCLUSIVE;")?;
    let started = std::time::Instant::now();
    let refused = db.commit_stores(&[write("s", json!("after"))]).err().ok_or("wrote through a lock")?;
    assert!(started.elapsed() >= std::time::Duration::from_millis(90), "waited {:?}", started.elapsed());
    assert!(matches!(refused, StoreError::Locked { .. }), "{refused}");
    assert!(refused.to_string().contains(&path.display().to_string()), "{refused}");
    other.execute_batch("ROLLBACK;")?;
    assert_eq!(db.load_store(&Scope::Local, "s")?.map(|s| s.data), Some(json!("before")));
    Ok(())
}

#[test]
fn a_full_disk_or_a_read_only_database_fails_the_write_and_keeps_what_was_saved() -> TestResult {
    let dir = tempfile::tempdir()?;
    let db = open(&db_path(&dir))?;
    db.commit_stores(&[write("kept", json!("saved"))])?;
    // SQLite answers a full disk and a page limit with the same SQLITE_FULL.
    let pages: i64 = rusqlite::Connection::open(db_path(&dir))?.query_row("PRAGMA page_count", [], |r| r.get(0))?;
    db.execute_batch_for_tests(&format!("PRAGMA max_page_count = {pages};"))?;
    let big = json!("x".repeat(200_000));
    let full = db.commit_stores(&[write("kept", json!("changed")), write("big", big)]).err().ok_or("wrote past a full disk")?;
    assert!(full.to_string().contains("store kept, store big could not be saved") && full.to_string().contains("full"), "{full}");
    assert_eq!(db.load_store(&Scope::Local, "kept")?.map(|s| s.data), Some(json!("saved")), "all or nothing");
    db.execute_batch_for_tests("PRAGMA max_page_count = 1073741823; PRAGMA query_only = 1;")?;
    let read_only = db.commit_stores(&[write("kept", json!("changed"))]).err().ok_or("wrote to a read-only database")?;
    assert!(read_only.to_string().contains("readonly"), "{read_only}");
    assert_eq!(db.integrity_check()?, "ok");
    Ok(())
}

#[test]
fn a_value_over_the_size_bound_is_refused_before_anything_is_written() -> TestResult {
    let dir = tempfile::tempdir()?;
    let options = DatabaseOptions { max_value_bytes: 1024, ..DatabaseOptions::default() };
    let db = Database::open(&db_path(&dir), options)?.database;
    let refused =
        db.commit_stores(&[write("small", json!(1)), write("huge", json!("y".repeat(2000)))]).err().ok_or("accepted")?;
    assert_eq!(refused.to_string(), "store huge: its data is 2002 bytes, more than the 1024 bytes a store may hold");
    assert_eq!(db.load_store(&Scope::Local, "small")?, None, "the wave is saved whole or not at all");
    Ok(())
}

#[tokio::test]
async fn a_write_the_database_refuses_is_a_notice_naming_the_file_and_the_store() -> TestResult {
    let dir = tempfile::tempdir()?;
    let path = db_path(&dir);
    let options = DatabaseOptions { max_value_bytes: 64, ..DatabaseOptions::default() };
    let db = Arc::new(Database::open(&path, options)?.database);
    let mut t = TestApp::start_in(notes_app(), Stores::new(db.clone()), "main").await?;
    t.set("note", "value", "short").await?;
    t.set("note", "value", "z".repeat(100)).await?;
    let notices = t.take_notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("local-notes") && notices[0].contains("more than the 64 bytes"), "{}", notices[0]);
    assert_eq!(t.get("local-notes", "data").await, "short", "the window keeps what is saved");
    assert_eq!(db.load_store(&Scope::Local, "local-notes")?.map(|s| s.data), Some(json!("short")));
    t.set("note", "value", "fine again").await?;
    assert!(t.take_notices().is_empty(), "the app keeps working");
    Ok(())
}

#[tokio::test]
async fn a_persisted_choice_is_saved_in_the_database_and_comes_back_after_a_restart() -> TestResult {
    fn shown(v: Value) -> String {
        format!("city {v}")
    }
    let app = || {
        App::new("cities")
            .layout(div((dropdown("city").options(["Paris", "Lima"]).value("Paris").persistence(true), div(id("shown")))))
            .callback(Input::new("city", "value"), Output::new("shown", "children"), shown)
            .build()
    };
    let dir = tempfile::tempdir()?;
    let path = db_path(&dir);
    let mut first = TestApp::start_in(app()?, Stores::new(open(&path)?), "main").await?;
    first.set("city", "value", "Lima").await?;
    drop(first);
    let restarted = TestApp::start_in(app()?, Stores::new(open(&path)?), "main").await?;
    assert_eq!(restarted.get("shown", "children").await, r#"city "Lima""#);
    let edit = Entry::UserEdit { component: "city".into(), prop: "value".into(), persistence: "true".into() };
    let saved = open(&path)?.load_entry(&Scope::Local, &edit)?.map(|s| s.data);
    assert_eq!(saved, Some(json!(["Lima", "Paris"])), "the edit and the value it replaced");
    Ok(())
}

#[test]
fn memoized_results_survive_a_restart_until_they_expire_within_their_size_bound() -> TestResult {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;
    let dir = tempfile::tempdir()?;
    let path = db_path(&dir);
    let runs = AtomicUsize::new(0);
    let memo_on = |db: Arc<Database>| Memo::new(MemoOptions::default(), Some(db));
    let report = |memo: &Memo, region: &str, ttl: Duration| -> String {
        memo.cached("report", region, ttl, || {
            runs.fetch_add(1, Ordering::SeqCst);
            format!("report for {region}")
        })
    };
    let first = memo_on(open(&path)?);
    report(&first, "North", Duration::from_secs(600));
    report(&first, "South", Duration::from_millis(50));
    drop(first);
    std::thread::sleep(Duration::from_millis(120));
    let restarted = memo_on(open(&path)?);
    assert_eq!(report(&restarted, "North", Duration::from_secs(600)), "report for North");
    assert_eq!(runs.load(Ordering::SeqCst), 2, "North came from disk after the restart");
    report(&restarted, "South", Duration::from_secs(600));
    assert_eq!(runs.load(Ordering::SeqCst), 3, "South had expired on disk");

    let small = DatabaseOptions { max_memo_bytes: 2_000, ..DatabaseOptions::default() };
    let db = Arc::new(Database::open(&dir.path().join("small.sqlite"), small)?.database);
    for i in 0..20u64 {
        db.memo_put(&format!("k{i}"), &json!("y".repeat(300)), i64::MAX - 20 + i as i64)?;
    }
    let kept: Vec<bool> = (0..20u64).map(|i| db.memo_get(&format!("k{i}"), 0).map(|v| v.is_some()).unwrap_or(false)).collect();
    assert!(kept.iter().filter(|k| **k).count() <= 6, "about 2,000 bytes kept: {kept:?}");
    assert!(kept[19] && !kept[0], "the soonest to expire went first: {kept:?}");
    Ok(())
}
