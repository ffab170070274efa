//! Stores and persistence in real windows of the `notes` example: saved notes (a local
//! store) and the chosen category (a persisted dropdown) survive a restart, the draft (a
//! session store) survives a reload and not a restart, the app's two windows see each other's
//! notes at once, and a damaged database is set aside with a notice while the app works on.

use super::{app_data_dir, identifier_of};
use crate::harness::Window;

/// The notes app with no saved data: each test starts from a clean data directory.
async fn fresh_notes(test: &str) -> Window {
    let dir = app_data_dir(&identifier_of("notes"));
    let _ = std::fs::remove_dir_all(&dir);
    Window::launch("notes", test).await
}

async fn choose_category(w: &Window, category: &str) {
    w.click("category").await;
    let option = format!("[...document.querySelectorAll('[role=option]')].find(o => o.textContent === '{category}')");
    w.wait_js(&format!("return !!{option};"), 20).await;
    w.js(&format!("{option}.click(); return true;")).await;
    w.wait_js(&format!("return document.getElementById('category').value === '{category}';"), 20).await;
}

async fn save_note(w: &Window, text: &str, count: &str) {
    w.type_into("note", text).await;
    w.click("save").await;
    w.wait_text("count", count, 20).await;
}

async fn wait_ready(w: &Window) {
    w.wait_js("return !!document.querySelector('#dd-root[data-ready]')", 60).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn saved_notes_and_the_chosen_category_survive_a_restart() {
    let w = fresh_notes("notes-restart").await;
    w.wait_text("count", "No notes saved yet", 20).await;
    choose_category(&w, "Reading").await;
    save_note(&w, "Finish the SQLite chapter", "1 note saved").await;
    w.close().await;

    let w = Window::launch("notes", "notes-restart").await;
    w.wait_text("count", "1 note saved", 20).await;
    let note = w.text("note-0").await;
    assert!(note.contains("Reading") && note.contains("Finish the SQLite chapter"), "the saved note: {note:?}");
    let category = w.js("return document.getElementById('category').value").await;
    assert_eq!(category, "Reading", "the dropdown came back with the user's last choice");
    w.screenshot("after-restart").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_draft_survives_a_reload_and_not_a_restart() {
    let w = fresh_notes("notes-session").await;
    w.type_into("draft", "call the plumber").await;
    w.wait_text("draft-shown", "Draft kept for this session: call the plumber", 20).await;
    w.js("location.reload(); return true;").await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    wait_ready(&w).await;
    w.wait_text("draft-shown", "Draft kept for this session: call the plumber", 20).await;
    let text = w.js("return document.getElementById('draft').value").await;
    assert_eq!(text, "call the plumber", "the textarea has the draft back (persistence, session)");
    w.screenshot("after-reload").await;
    w.close().await;

    let w = Window::launch("notes", "notes-session").await;
    w.wait_text("draft-shown", "No draft in this session", 20).await;
    assert_eq!(w.js("return document.getElementById('draft').value").await, "", "a restart ends the session");
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_two_windows_see_each_others_notes_at_once() {
    let w = fresh_notes("notes-two-windows").await;
    let windows = w.client.windows().await.expect("window handles");
    assert_eq!(windows.len(), 2, "the notes app opens two windows");
    let first = w.client.window().await.expect("current window");
    let second = windows.iter().find(|h| **h != first).cloned().expect("a second window");

    save_note(&w, "Written in the first window", "1 note saved").await;
    w.client.switch_to_window(second.clone()).await.expect("switch to the second window");
    wait_ready(&w).await;
    w.wait_text("count", "1 note saved", 20).await;
    assert!(w.text("note-0").await.contains("Written in the first window"));
    save_note(&w, "Answered from the second", "2 notes saved").await;

    w.client.switch_to_window(first).await.expect("switch back");
    w.wait_text("count", "2 notes saved", 20).await;
    assert!(w.text("note-1").await.contains("Answered from the second"));
    w.screenshot("both-windows").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_database_is_set_aside_and_the_app_says_so_and_works() {
    let dir = app_data_dir(&identifier_of("notes"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("data dir");
    let garbage = b"not a database: the user's disk flipped some bits".repeat(64);
    std::fs::write(dir.join("deskdash.sqlite"), &garbage).expect("damaged file");

    let w = Window::launch("notes", "notes-damaged").await;
    w.wait_js("return !!document.querySelector('#dd-notices') && document.querySelector('#dd-notices').textContent.includes('could not be read');", 20)
        .await;
    let notice = w.js("return document.querySelector('#dd-notices').textContent").await;
    assert!(notice.as_str().is_some_and(|n| n.contains("deskdash.sqlite") && n.contains("moved to")), "{notice}");
    save_note(&w, "The app still saves", "1 note saved").await;
    w.screenshot("notice").await;
    w.close().await;

    let kept: Vec<_> = std::fs::read_dir(&dir)
        .expect("data dir")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("deskdash.sqlite.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept beside the new one");
    assert_eq!(std::fs::read(kept[0].path()).expect("damaged copy"), garbage, "untouched");
}
