//! The to-do app in a real window: add, check, edit and delete tasks, add, rename and delete a
//! list (through the confirmation modal), then a restart shows everything as it was left; a
//! second window (File > New Window, chosen through the accessibility bus: WebDriver cannot
//! reach a native menu) redraws its list when the first edits it, with no input of its own.

use super::{app_data_dir, identifier_of};
use crate::harness::{a11y, Window};
use fantoccini::Locator;
use serde_json::Value;

/// The box of the list shown: a window keeps each list it has shown drawn, the others hidden.
const SHOWN_LIST: &str = "document.querySelector('#tasks [data-rows]:not([hidden])')";

/// What the list shown has drawn that matches `selector` (the lists kept hidden keep theirs).
fn in_shown(selector: &str) -> String {
    format!("[...({SHOWN_LIST}?.querySelectorAll({selector:?}) ?? [])]")
}

/// The task indexes in the order the window shows them.
async fn task_indexes(w: &Window) -> Vec<String> {
    let v = w
        .js(&format!(
            "return {}.map(e => JSON.parse(e.dataset.dashId)).filter(id => id.type === 'task-content').map(id => id.index);",
            in_shown("[data-dash-id]")
        ))
        .await;
    v.as_array().map(|a| a.iter().filter_map(|i| i.as_str().map(String::from)).collect()).unwrap_or_default()
}

fn selector(part: &str, task: &str) -> String {
    // The window keys a map id by its sorted keys, as the engine prints it.
    format!(r#"[data-dash-id='{{"index":"{task}","type":"{part}"}}']"#)
}

async fn click_part(w: &Window, part: &str, task: &str) {
    let el = w.client.find(Locator::Css(&selector(part, task))).await.unwrap_or_else(|e| panic!("{part} of {task}: {e}"));
    el.click().await.unwrap_or_else(|e| panic!("click {part} of {task}: {e}"));
}

/// Types into a task's text and presses Enter (the input sends on Enter or blur).
async fn write_task(w: &Window, task: &str, text: &str) {
    let el = w.client.find(Locator::Css(&selector("task-content", task))).await.unwrap_or_else(|e| panic!("{task}: {e}"));
    el.send_keys(&format!("{text}\u{e007}")).await.unwrap_or_else(|e| panic!("type into {task}: {e}"));
}

async fn contents(w: &Window) -> Vec<String> {
    let v = w.js(&format!("return {}.map(e => e.value);", in_shown("input[type=text], input:not([type])"))).await;
    v.as_array().map(|a| a.iter().filter_map(|i| i.as_str().map(String::from)).collect()).unwrap_or_default()
}

async fn nav_titles(w: &Window) -> Value {
    w.js("return [...document.querySelectorAll('#list-nav a, #list-nav button')].map(e => e.textContent.trim());").await
}

async fn wait_value(w: &Window, id: &str, want: &str) {
    w.wait_js(&format!("const e = document.getElementById({id:?}); return !!e && e.value === {want:?};"), 20).await;
}

/// Waits until the list shown holds `n` rows: counted from its data, since only the rows in
/// view are drawn; a list this short draws them all.
async fn wait_rows(w: &Window, n: usize) {
    w.wait_js(&format!("return {SHOWN_LIST}?.dataset.rows === '{n}';"), 20).await;
}

/// Clicks a list in the sidebar by its title, as soon as it takes a click (a modal closing
/// still covers the page for its transition).
async fn click_list(w: &Window, title: &str) {
    let path = format!("//*[@id='list-nav']//*[self::a or self::button][contains(., '{title}')]");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let clicked = match w.client.find(Locator::XPath(&path)).await {
            Ok(el) => el.click().await.map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        match clicked {
            Ok(()) => return,
            Err(e) if std::time::Instant::now() > deadline => panic!("click the list {title} in the sidebar: {e}"),
            Err(_) => tokio::time::sleep(std::time::Duration::from_millis(200)).await,
        }
    }
}

/// How many of the list's rows the window has drawn.
async fn drawn_rows(w: &Window) -> usize {
    let n = w.js(&format!("return {}.length;", in_shown("input[type=checkbox]"))).await;
    n.as_u64().and_then(|n| usize::try_from(n).ok()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tasks_and_lists_are_edited_and_a_restart_keeps_them() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("todo")));
    let w = Window::launch("todo", "todo").await;
    w.wait_text("list-summary", "1 of 3 done", 20).await;
    wait_value(&w, "list-title", "My Tasks").await;
    assert_eq!(contents(&w).await, ["Task A", "Task B", "Task C"]);
    let tasks = task_indexes(&w).await;
    assert_eq!(tasks.len(), 3, "{tasks:?}");

    click_part(&w, "task-checked", &tasks[1]).await;
    w.wait_text("list-summary", "2 of 3 done", 20).await;

    w.click("new-task").await;
    wait_rows(&w, 4).await;
    assert_eq!(drawn_rows(&w).await, 4, "a short list draws every row");
    w.wait_text("list-summary", "2 of 4 done", 20).await;
    let tasks = task_indexes(&w).await;
    write_task(&w, &tasks[3], "Water the plants").await;
    w.wait_js(
        &format!("return document.querySelector({:?}).value === 'Water the plants';", selector("task-content", &tasks[3])),
        20,
    )
    .await;

    click_part(&w, "task-del", &tasks[0]).await;
    wait_rows(&w, 3).await;
    w.wait_text("list-summary", "1 of 3 done", 20).await;
    assert_eq!(contents(&w).await, ["Task B", "Task C", "Water the plants"]);
    w.screenshot("edited").await;

    w.click("new-list").await;
    wait_value(&w, "list-title", "New list").await;
    wait_rows(&w, 0).await;
    w.type_into("list-title", "Holidays\u{e007}").await;
    w.wait_js("return document.getElementById('list-nav').textContent.includes('Holidays');", 20).await;

    w.click("del-list").await;
    w.wait_js("const b = document.getElementById('del-list-confirm'); return !!b && b.offsetParent !== null;", 20).await;
    w.screenshot("confirm-delete").await;
    w.click("del-list-confirm").await;
    wait_value(&w, "list-title", "My Tasks").await;
    w.wait_js("return !document.getElementById('list-nav').textContent.includes('Holidays');", 20).await;
    wait_rows(&w, 3).await;
    assert_eq!(contents(&w).await, ["Task B", "Task C", "Water the plants"], "the list kept drawn shows again");

    // Switching away and back shows the same rows, and only the list shown draws any.
    click_list(&w, "Shopping list").await;
    wait_value(&w, "list-title", "Shopping list").await;
    wait_rows(&w, 0).await;
    assert_eq!(drawn_rows(&w).await, 0, "the list shown has no row");
    let visible = w
        .js("return [...document.querySelectorAll('#tasks input[type=checkbox]')].filter(e => e.offsetParent !== null).length;")
        .await;
    assert_eq!(visible, serde_json::json!(0), "the list kept drawn shows none of its rows while hidden");
    click_list(&w, "My Tasks").await;
    wait_value(&w, "list-title", "My Tasks").await;
    wait_rows(&w, 3).await;
    assert_eq!(contents(&w).await, ["Task B", "Task C", "Water the plants"]);
    w.screenshot("switched-back").await;
    w.close().await;

    let w = Window::launch("todo", "todo").await;
    w.wait_text("list-summary", "1 of 3 done", 20).await;
    assert_eq!(contents(&w).await, ["Task B", "Task C", "Water the plants"], "the tasks survived the restart");
    let checked = w.js(&format!("return {}.map(e => e.checked);", in_shown("input[type=checkbox]"))).await;
    assert_eq!(checked, serde_json::json!([true, false, false]));
    let titles = nav_titles(&w).await;
    assert_eq!(titles, serde_json::json!(["My Tasks", "Shopping list"]), "the deleted list stayed deleted");
    w.screenshot("after-restart").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_window_shows_the_first_windows_edits_live() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("todo")));
    let w = Window::launch("todo", "todo-two-windows").await;
    w.wait_text("list-summary", "1 of 3 done", 20).await;
    let first = w.client.window().await.expect("the first window's handle");
    let chosen = a11y(&["choose", "todo", "0", "New Window"]);
    assert!(chosen.status.success(), "File > New Window: {}", String::from_utf8_lossy(&chosen.stderr));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let second = loop {
        let handles = w.client.windows().await.expect("window handles");
        if let Some(h) = handles.into_iter().find(|h| *h != first) {
            break h;
        }
        assert!(std::time::Instant::now() < deadline, "no second window after File > New Window");
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    };
    w.client.switch_to_window(second.clone()).await.expect("switch to the second window");
    w.wait_text("list-summary", "1 of 3 done", 30).await;
    assert_eq!(contents(&w).await, ["Task A", "Task B", "Task C"]);

    // Edited in the first window...
    w.client.switch_to_window(first.clone()).await.expect("back to the first window");
    let tasks = task_indexes(&w).await;
    click_part(&w, "task-checked", &tasks[1]).await;
    w.click("new-task").await;
    wait_rows(&w, 4).await;
    let added = task_indexes(&w).await[3].clone();
    write_task(&w, &added, "Written in the first window").await;
    w.wait_text("list-summary", "2 of 4 done", 20).await;

    // ...and shown in the second, which nobody touched.
    w.client.switch_to_window(second.clone()).await.expect("to the second window again");
    w.wait_text("list-summary", "2 of 4 done", 20).await;
    wait_rows(&w, 4).await;
    w.wait_js(
        &format!(
            "const e = document.querySelector({:?}); return !!e && e.value === 'Written in the first window';",
            selector("task-content", &added)
        ),
        20,
    )
    .await;
    let checked = w.js(&format!("return {}.map(e => e.checked);", in_shown("input[type=checkbox]"))).await;
    assert_eq!(checked, serde_json::json!([true, true, false, false]), "the second window shows Task B checked");

    // Renamed in the first window: the second window's title field and sidebar follow.
    w.client.switch_to_window(first.clone()).await.expect("back to the first window to rename");
    w.type_into("list-title", "My Chores\u{e007}").await;
    w.client.switch_to_window(second.clone()).await.expect("to the second window for the rename");
    wait_value(&w, "list-title", "My Chores").await;
    w.wait_js("return document.getElementById('list-nav').textContent.includes('My Chores');", 20).await;
    w.screenshot("second-window").await;

    // The list shown is a local store too: a switch in one window switches both, and each
    // shows the list it kept drawn; a task added in one while both show it reaches the other.
    click_list(&w, "Shopping list").await;
    wait_value(&w, "list-title", "Shopping list").await;
    w.client.switch_to_window(first.clone()).await.expect("to the first window, which follows the switch");
    wait_value(&w, "list-title", "Shopping list").await;
    wait_rows(&w, 0).await;
    click_list(&w, "My Chores").await;
    wait_rows(&w, 4).await;
    w.click("new-task").await;
    wait_rows(&w, 5).await;
    w.client.switch_to_window(second.clone()).await.expect("to the second window, back on the first list");
    wait_value(&w, "list-title", "My Chores").await;
    wait_rows(&w, 5).await;
    assert_eq!(drawn_rows(&w).await, 5, "the second window draws the task added in the first");
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_list_draws_a_screenful_and_keeps_a_draft_while_scrolled_away() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("todo")));
    let w = Window::launch("todo", "todo-long").await;
    w.wait_text("list-summary", "1 of 3 done", 20).await;
    const ROWS: usize = 80;
    for n in 4..=ROWS {
        w.click("new-task").await;
        wait_rows(&w, n).await;
    }
    w.wait_text("list-summary", &format!("1 of {ROWS} done"), 20).await;
    let drawn = drawn_rows(&w).await;
    assert!(drawn > 10 && drawn < 50, "a window 900 px high draws a screenful of the {ROWS} rows, not {drawn}");

    // A half-typed edit of the first task (not sent: no Enter, no blur) survives scrolling it
    // out of view and back. The clicks on Add scrolled the page down to the button.
    w.js("window.scrollTo(0, 0); return true;").await;
    w.wait_js(&format!("return {}.length > 0;", in_shown("[data-index='0']")), 20).await;
    let first = task_indexes(&w).await[0].clone();
    let input = w.client.find(Locator::Css(&selector("task-content", &first))).await.expect("the first task's text");
    input.send_keys("\u{e010} (half typed)").await.expect("type into the first task");
    w.js("window.scrollTo(0, document.documentElement.scrollHeight); return true;").await;
    w.wait_js(&format!("return {}.length > 0;", in_shown(&format!("[data-index='{}']", ROWS - 1))), 20).await;
    let drawn = drawn_rows(&w).await;
    assert!(drawn < 50, "scrolled to the end, the window still draws a screenful, not {drawn}");
    let draft = w.js(&format!("return document.querySelector({:?})?.value ?? null;", selector("task-content", &first))).await;
    assert_eq!(draft, "Task A (half typed)", "the focused row stayed drawn with its draft");
    w.screenshot("long-list-end").await;
    w.js("window.scrollTo(0, 0); return true;").await;
    input.send_keys("\u{e007}").await.expect("send the draft");
    w.wait_js(
        &format!("return document.querySelector({:?})?.value === 'Task A (half typed)';", selector("task-content", &first)),
        20,
    )
    .await;
    w.close().await;
    let w = Window::launch("todo", "todo-long-restart").await;
    w.wait_text("list-summary", &format!("1 of {ROWS} done"), 20).await;
    assert_eq!(contents(&w).await.first().map(String::as_str), Some("Task A (half typed)"), "the sent draft was stored");
    w.close().await;
}

/// How many lists' boxes of rows the window holds (shown or kept hidden).
async fn boxes(w: &Window) -> u64 {
    w.js("return document.querySelectorAll('#tasks [data-rows]').length;").await.as_u64().unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_window_keeps_six_lists_drawn_and_draws_a_dropped_one_again() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("todo")));
    let w = Window::launch("todo", "todo").await;
    w.wait_text("list-summary", "1 of 3 done", 20).await;
    // Six new lists, each shown (so drawn) as it is made: the seventh box drawn drops the one
    // shown longest ago, My Tasks.
    for n in 3..=8 {
        w.click("new-list").await;
        w.wait_js(&format!("return document.querySelectorAll('#list-nav a, #list-nav button').length === {n};"), 20).await;
        wait_value(&w, "list-title", "New list").await;
    }
    w.wait_js("return document.querySelectorAll('#tasks [data-rows]').length === 6;", 20).await;
    click_list(&w, "My Tasks").await;
    wait_value(&w, "list-title", "My Tasks").await;
    wait_rows(&w, 3).await;
    assert_eq!(contents(&w).await, ["Task A", "Task B", "Task C"], "its rows are drawn again");
    assert_eq!(boxes(&w).await, 6, "and the next shown longest ago made room");
    w.wait_text("list-summary", "1 of 3 done", 20).await;
    w.screenshot("kept-lists-bounded").await;
    w.close().await;
}
