//! What only a desktop has, in real windows of the `notes` example: another window opened by a
//! callback (its own session, the notes in sync, closing it leaves the others running), and the
//! file dialogs. A native GTK dialog cannot be clicked through WebDriver, so the dialogs are
//! answered through `DESKDASH_DIALOG_ANSWER`, the path the shell hands the session in place
//! of the user's pick: everything after the dialog (the stream of a 200 MB file read in Rust,
//! the export written from Rust) runs as it does for a user. Closing the last window ends a
//! WebDriver session with the app, so the File menu's Close Window and Quit are chosen through
//! the accessibility bus instead, in an app started on its own.

use super::{app_data_dir, identifier_of};
use crate::harness::{a11y, example_binary, screenshot_display, Window};
use std::io::Write;

const LINE: usize = 100;
const FILE_BYTES: usize = 200 * 1024 * 1024;

/// A text file of `FILE_BYTES` in lines of `LINE` bytes.
fn big_text_file(path: &std::path::Path) {
    let file = std::fs::File::create(path).expect("create the big file");
    let mut out = std::io::BufWriter::new(file);
    for i in 0..FILE_BYTES / LINE {
        let text = format!("line {i:>9} of the big file");
        writeln!(out, "{text:<width$}", width = LINE - 1).expect("write the big file");
    }
    out.flush().expect("flush the big file");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_callback_opens_another_window_that_works_on_its_own() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("notes")));
    let w = Window::launch("notes", "desktop-new-window").await;
    let before = w.client.windows().await.expect("window handles");
    w.click("new-window").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let opened = loop {
        let now = w.client.windows().await.expect("window handles");
        if let Some(h) = now.iter().find(|h| !before.contains(h)) {
            break h.clone();
        }
        assert!(std::time::Instant::now() < deadline, "no new window after New window");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    let first = w.client.window().await.expect("current window");
    w.client.switch_to_window(opened).await.expect("switch to the new window");
    w.wait_js("return !!document.querySelector('#dd-root[data-ready]')", 60).await;
    w.type_into("note", "Written in the new window").await;
    w.click("save").await;
    w.wait_text("count", "1 note saved", 20).await;
    w.screenshot("opened").await;
    w.client.close_window().await.expect("close the new window");

    w.client.switch_to_window(first).await.expect("back to the first window");
    w.wait_text("count", "1 note saved", 20).await;
    w.type_into("note", "The first window still works").await;
    w.click("save").await;
    w.wait_text("count", "2 notes saved", 20).await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_200_mb_file_is_imported_and_the_notes_exported_through_the_dialogs() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("notes")));
    let dir = std::env::temp_dir().join(format!("deskdash-dialogs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let big = dir.join("big.txt");
    big_text_file(&big);
    // The app inherits the answer through tauri-driver; tests run one at a time.
    std::env::set_var("DESKDASH_DIALOG_ANSWER", &big);
    let w = Window::launch("notes", "desktop-dialogs").await;
    std::env::remove_var("DESKDASH_DIALOG_ANSWER");
    w.wait_text("count", "No notes saved yet", 20).await;

    w.click("import").await;
    let lines = FILE_BYTES / LINE;
    let want = format!("Read big.txt: {FILE_BYTES} bytes, {lines} lines; 500 notes added.");
    w.wait_text("file-status", &want, 120).await;
    w.wait_text("count", "500 notes saved", 20).await;
    assert!(w.text("note-0").await.contains(" 0 of the big file"), "the first line is the first note");
    w.screenshot("imported").await;

    // The same answer now names where the export goes: the notes replace the big file.
    w.click("export").await;
    w.wait_js("return document.getElementById('file-status').textContent.startsWith('Exported ');", 60).await;
    let written = std::fs::read_to_string(&big).expect("the exported file");
    assert_eq!(written.lines().count(), 500, "one line per note");
    assert!(written.starts_with("Ideas\tline         0 of the big file"), "{}", &written[..80.min(written.len())]);
    let status = w.text("file-status").await;
    assert_eq!(status, format!("Exported {} bytes to {}.", written.len(), big.display()));
    w.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// How many windows the app named `application` has open, through the accessibility bus.
fn open_windows(application: &str) -> usize {
    let out = a11y(&["windows", application]);
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0)
}

fn choose(application: &str, window: usize, item: &str) {
    let out = a11y(&["choose", application, &window.to_string(), item]);
    assert!(out.status.success(), "choosing {item} in window {window}: {}", String::from_utf8_lossy(&out.stderr));
}

fn wait_until(secs: u64, what: &str, mut done: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
}

/// The app, started on its own, with the exit status once it has ended.
struct Running(std::process::Child);

impl Running {
    fn start(example: &str) -> Running {
        let child = std::process::Command::new(example_binary(example))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the example's binary");
        Running(child)
    }

    fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.0.try_wait().ok().flatten()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn the_file_menu_closes_one_window_and_the_app_ends_with_its_last() {
    let mut app = Running::start("notes");
    wait_until(60, "the two windows of notes", || open_windows("notes") == 2);
    choose("notes", 0, "New Window");
    wait_until(30, "a third window from File > New Window", || open_windows("notes") == 3);
    choose("notes", 2, "Close Window");
    wait_until(30, "the third window to close", || open_windows("notes") == 2);
    choose("notes", 1, "Close Window");
    wait_until(30, "the second window to close", || open_windows("notes") == 1);
    assert!(app.exited().is_none(), "the app runs on while a window is open");
    let shown = a11y(&["shows", "notes", "Saved notes are kept in SQLite", "10"]);
    assert!(shown.status.success(), "the last window still draws: {}", String::from_utf8_lossy(&shown.stderr));
    screenshot_display("desktop-menu-one-window-left");
    choose("notes", 0, "Close Window");
    wait_until(30, "the app to end with its last window", || app.exited().is_some());
    assert_eq!(app.exited().and_then(|s| s.code()), Some(0), "the app ends cleanly");

    let mut app = Running::start("notes");
    wait_until(60, "notes again", || open_windows("notes") == 2);
    choose("notes", 1, "Quit");
    wait_until(30, "File > Quit to end the app", || app.exited().is_some());
    assert_eq!(app.exited().and_then(|s| s.code()), Some(0), "Quit ends the app cleanly");
}
