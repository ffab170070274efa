//! The to-do app's callbacks, headless: what each action stores and what it sends the window
//! (a patch of one row, never the list).

use super::*;
use serde::Deserialize;

fn stored(value: Value) -> Vec<TodoList> {
    Vec::<TodoList>::deserialize(value).unwrap_or_default()
}

fn part(kind: &str, task: &str) -> Value {
    view::task_part(kind, task)
}

/// The key the window's updates name a list's box of rows by.
fn box_key(list: &str) -> String {
    ComponentId::from_json(&view::list_tasks_id(list)).map(|id| id.to_string()).unwrap_or_default()
}

/// The rows a list's box holds in this window.
async fn rows_of(t: &TestApp, list: &str) -> Value {
    t.get(view::list_tasks_id(list), "children").await
}

/// How many lists' boxes of rows the window holds.
async fn boxes(t: &TestApp) -> usize {
    t.get("tasks", "children").await.as_array().map(Vec::len).unwrap_or(0)
}

/// Every update the window was sent for `id.prop` since the last look.
fn sent(t: &mut TestApp, id: &str, prop: &str) -> Vec<UpdateKind> {
    t.take_batches()
        .into_iter()
        .flat_map(|b| b.updates)
        .filter(|u| u.id.to_string() == id && u.prop == prop)
        .map(|u| u.update)
        .collect()
}

#[tokio::test]
async fn the_first_start_shows_the_tutorials_lists() -> deskdash::Result<()> {
    let t = TestApp::start(app()).await?;
    let lists = stored(t.get("lists", "data").await);
    assert_eq!(lists.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(), ["My Tasks", "Shopping list"]);
    assert_eq!(t.get("list-title", "value").await, json!("My Tasks"));
    assert_eq!(t.get("list-summary", "children").await, json!("1 of 3 done"));
    assert_eq!(rows_of(&t, &lists[0].index).await.as_array().map(Vec::len), Some(3));
    assert_eq!(t.get("tasks", "children").await.as_array().map(Vec::len), Some(1), "only the current list is drawn");
    Ok(())
}

#[tokio::test]
async fn a_lists_box_draws_only_the_rows_in_view() -> deskdash::Result<()> {
    let t = TestApp::start(app()).await?;
    let boxes = t.get("tasks", "children").await;
    assert_eq!(boxes[0]["type"], "VirtualStack", "{boxes}");
    Ok(())
}

#[tokio::test]
async fn switching_back_to_a_list_shows_its_kept_rows_without_sending_them() -> deskdash::Result<()> {
    let mut t = TestApp::start(app()).await?;
    let lists = stored(t.get("lists", "data").await);
    let (mine, shopping) = (lists[0].index.clone(), lists[1].index.clone());
    let button = |list: &str| json!({"type": "list-button", "index": list});
    t.take_batches();
    t.set(button(&shopping), "n_clicks", 1).await?;
    match sent(&mut t, "tasks", "children").as_slice() {
        [UpdateKind::Patch(ops)] => assert!(matches!(ops.as_slice(), [PatchOp::Append { .. }]), "{ops:?}"),
        other => panic!("the shopping list's box is added, got {other:?}"),
    }
    assert_eq!(t.get(view::list_tasks_id(&mine), "hidden").await, json!(true), "my tasks are kept, hidden");
    assert_eq!(t.get(view::list_tasks_id(&shopping), "hidden").await, json!(false));

    t.set(button(&mine), "n_clicks", 1).await?;
    let batches = t.take_batches();
    let updates: Vec<(String, String)> =
        batches.iter().flat_map(|b| &b.updates).map(|u| (u.id.to_string(), u.prop.clone())).collect();
    let rows_sent = updates.iter().any(|(id, p)| p == "children" && (id == "tasks" || id.contains("list-tasks")));
    assert!(!rows_sent, "no rows or boxes are sent: {updates:?}");
    assert!(updates.contains(&(box_key(&mine), "hidden".into())) && updates.contains(&(box_key(&shopping), "hidden".into())));
    assert!(!updates.contains(&("list-nav".into(), "children".into())), "the sidebar is not redrawn: {updates:?}");
    assert_eq!(t.get(button(&mine), "active").await, json!(true), "the sidebar highlights the list shown");
    assert_eq!(t.get(button(&shopping), "active").await, json!(false));
    assert_eq!(t.get(view::list_tasks_id(&mine), "hidden").await, json!(false), "my tasks show again");
    assert_eq!(rows_of(&t, &mine).await.as_array().map(Vec::len), Some(3));
    assert_eq!(t.get("list-title", "value").await, json!("My Tasks"));

    // A deleted list's box goes with it.
    t.set("del-list", "n_clicks", 1).await?;
    t.set("del-list-confirm", "n_clicks", 1).await?;
    assert_eq!(t.get("tasks", "children").await.as_array().map(Vec::len), Some(1), "only the shopping list's box is left");
    assert_eq!(t.get(view::list_tasks_id(&shopping), "hidden").await, json!(false));
    let errors = t.take_errors();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}

#[tokio::test]
async fn checking_a_task_patches_one_stored_bool_and_redraws_no_row() -> deskdash::Result<()> {
    let mut t = TestApp::start(app()).await?;
    let lists = stored(t.get("lists", "data").await);
    let b = lists[0].tasks[1].index.clone();
    t.take_batches();
    t.set(part("task-checked", &b), "checked", true).await?;
    let lists = stored(t.get("lists", "data").await);
    assert!(lists[0].tasks[1].checked, "the stored task is checked");
    assert_eq!(t.get("list-summary", "children").await, json!("2 of 3 done"));
    assert_eq!(t.get(part("task-content", &b), "style").await, json!({"opacity": 0.5}), "the done task fades");
    let sent: Vec<(String, String)> =
        t.take_batches().into_iter().flat_map(|b| b.updates).map(|u| (u.id.to_string(), u.prop)).collect();
    let has = |id: &str, prop: &str| sent.iter().any(|(i, p)| i == id && p == prop);
    assert!(!has(&box_key(&lists[0].index), "children"), "the task list is not sent again: {sent:?}");
    assert!(!has("tasks", "children"), "nor its box: {sent:?}");
    assert!(!has("list-nav", "children"), "nor the sidebar: {sent:?}");
    let bar = json!({"type": "list-progress", "index": lists[0].index});
    let value = t.get(bar, "value").await.as_f64().unwrap_or_default();
    assert!((value - 200.0 / 3.0).abs() < 1e-9, "its progress bar moves: {value}");
    Ok(())
}

#[tokio::test]
async fn editing_adding_and_deleting_tasks_send_one_row() -> deskdash::Result<()> {
    let mut t = TestApp::start(app()).await?;
    t.take_batches();
    t.set("new-task", "n_clicks", 1).await?;
    let lists = stored(t.get("lists", "data").await);
    assert_eq!(lists[0].tasks.len(), 4);
    let new = lists[0].tasks[3].index.clone();
    let rows = box_key(&lists[0].index);
    match sent(&mut t, &rows, "children").as_slice() {
        [UpdateKind::Patch(ops)] => assert!(matches!(ops.as_slice(), [PatchOp::Append { .. }]), "{ops:?}"),
        other => panic!("one appended row, got {other:?}"),
    }
    t.set(part("task-content", &new), "value", "Water the plants").await?;
    assert_eq!(stored(t.get("lists", "data").await)[0].tasks[3].content, "Water the plants");

    let a = lists[0].tasks[0].index.clone();
    t.set(part("task-del", &a), "n_clicks", 1).await?;
    let lists = stored(t.get("lists", "data").await);
    assert_eq!(lists[0].tasks.iter().map(|t| t.content.as_str()).collect::<Vec<_>>(), ["Task B", "Task C", "Water the plants"]);
    match sent(&mut t, &rows, "children").as_slice() {
        [UpdateKind::Patch(ops)] => assert!(matches!(ops.as_slice(), [PatchOp::Delete { .. }]), "{ops:?}"),
        other => panic!("one deleted row, got {other:?}"),
    }
    assert_eq!(rows_of(&t, &lists[0].index).await.as_array().map(Vec::len), Some(3));
    Ok(())
}

#[tokio::test]
async fn lists_are_added_switched_renamed_and_deleted_after_confirmation() -> deskdash::Result<()> {
    let mut t = TestApp::start(app()).await?;
    t.set("new-list", "n_clicks", 1).await?;
    let lists = stored(t.get("lists", "data").await);
    assert_eq!(lists.len(), 3);
    assert_eq!(t.get("current", "data").await, json!(lists[2].index), "the new list is shown");
    assert_eq!(t.get("list-title", "value").await, json!("New list"));
    assert_eq!(rows_of(&t, &lists[2].index).await, json!([]));

    t.set("list-title", "value", "Holidays").await?;
    assert_eq!(stored(t.get("lists", "data").await)[2].title, "Holidays");

    let shopping = lists[1].index.clone();
    t.set(json!({"type": "list-button", "index": shopping}), "n_clicks", 1).await?;
    assert_eq!(t.get("current", "data").await, json!(shopping));
    assert_eq!(t.get("list-title", "value").await, json!("Shopping list"));

    t.set("del-list", "n_clicks", 1).await?;
    assert_eq!(t.get("del-list-modal", "opened").await, json!(true), "delete asks first");
    t.set("del-list-cancel", "n_clicks", 1).await?;
    assert_eq!(t.get("del-list-modal", "opened").await, json!(false));
    assert_eq!(stored(t.get("lists", "data").await).len(), 3, "cancel deletes nothing");

    t.set("del-list", "n_clicks", 2).await?;
    t.set("del-list-confirm", "n_clicks", 1).await?;
    assert_eq!(t.get("del-list-modal", "opened").await, json!(false));
    let lists = stored(t.get("lists", "data").await);
    assert_eq!(lists.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(), ["My Tasks", "Holidays"]);
    assert_eq!(t.get("current", "data").await, json!(lists[0].index), "the first list is shown again");
    Ok(())
}

#[tokio::test]
async fn deleting_the_last_list_leaves_an_empty_state() -> deskdash::Result<()> {
    let mut t = TestApp::start(app()).await?;
    for n in 1..=2 {
        t.set("del-list", "n_clicks", n).await?;
        t.set("del-list-confirm", "n_clicks", n).await?;
    }
    assert_eq!(t.get("lists", "data").await, json!([]));
    assert_eq!(t.get("list-summary", "children").await, json!("No list yet: start one with New list."));
    assert_eq!(t.get("new-task", "disabled").await, json!(true), "no list to add a task to");
    t.set("new-task", "n_clicks", 1).await?;
    let errors = t.take_errors();
    assert!(errors.is_empty(), "adding to no list does nothing, quietly: {errors:?}");
    Ok(())
}

#[tokio::test]
async fn an_edit_in_another_window_redraws_this_windows_list_and_title_and_its_own_edits_do_not() -> deskdash::Result<()> {
    let spec = app().build()?;
    let stores = Stores::in_memory();
    let mut here = TestApp::start_in(spec.clone(), stores.clone(), "main").await?;
    let mut there = TestApp::start_in(spec, stores, "window-2").await?;
    let b = stored(here.get("lists", "data").await)[0].tasks[1].index.clone();
    here.take_batches();
    there.take_batches();

    // Checked in the other window: this window's rows are redrawn with B checked.
    there.set(part("task-checked", &b), "checked", true).await?;
    assert!(sent(&mut there, "tasks", "children").is_empty(), "the window that checked it redraws nothing");
    here.settle().await;
    assert_eq!(here.get("list-summary", "children").await, json!("2 of 3 done"));
    match sent(&mut here, "tasks", "children").as_slice() {
        [UpdateKind::Patch(ops)] => {
            assert!(matches!(ops.as_slice(), [PatchOp::Delete { .. }, PatchOp::Append { .. }]), "redrawn once: {ops:?}")
        }
        other => panic!("the list is drawn again once, got {other:?}"),
    }
    assert_eq!(here.get(part("task-checked", &b), "checked").await, json!(true), "the row shows the other window's check");

    // An edit made here is not drawn again when the stores tell this window about it.
    let c = stored(here.get("lists", "data").await)[0].tasks[2].index.clone();
    here.set(part("task-content", &c), "value", "Task C, edited here").await?;
    here.settle().await;
    assert!(sent(&mut here, "tasks", "children").is_empty(), "a local edit redraws no row");
    there.settle().await;
    assert_eq!(there.get(part("task-content", &c), "value").await, json!("Task C, edited here"));

    // Renamed in the other window: this window's title field follows, and its own rename
    // reaches the other window's field and not its own twice.
    here.take_batches();
    there.set("list-title", "value", "My Chores").await?;
    here.settle().await;
    assert_eq!(here.get("list-title", "value").await, json!("My Chores"), "the title follows a rename made elsewhere");
    assert!(sent(&mut here, "tasks", "children").is_empty(), "a rename redraws no rows");
    assert_eq!(stored(here.get("lists", "data").await)[0].title, "My Chores");
    here.set("list-title", "value", "Chores").await?;
    there.settle().await;
    assert_eq!(there.get("list-title", "value").await, json!("Chores"));
    let errors = [here.take_errors(), there.take_errors()].concat();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}

#[tokio::test]
async fn a_window_keeps_a_bounded_number_of_lists_drawn_and_draws_a_dropped_one_again() -> deskdash::Result<()> {
    let mut t = TestApp::start(app()).await?;
    let mine = stored(t.get("lists", "data").await)[0].index.clone();
    // Each new list is shown, so drawn: My Tasks and then one box per new list, up to the bound.
    for n in 1..=lists::KEPT_LISTS as u64 {
        t.set("new-list", "n_clicks", n).await?;
    }
    assert_eq!(boxes(&t).await, lists::KEPT_LISTS, "no more boxes than the window keeps");
    assert_eq!(t.get(view::list_tasks_id(&mine), "hidden").await, Value::Null, "the list shown longest ago was dropped");
    let first_new = stored(t.get("lists", "data").await)[2].index.clone();
    assert_eq!(t.get(view::list_tasks_id(&first_new), "hidden").await, json!(true), "a list shown since is kept");

    // Shown again, it is drawn anew, and the next oldest makes room.
    t.set(json!({"type": "list-button", "index": mine}), "n_clicks", 1).await?;
    assert_eq!(boxes(&t).await, lists::KEPT_LISTS);
    assert_eq!(rows_of(&t, &mine).await.as_array().map(Vec::len), Some(3), "its three tasks are drawn again");
    assert_eq!(t.get(view::list_tasks_id(&mine), "hidden").await, json!(false));
    assert_eq!(t.get(view::list_tasks_id(&first_new), "hidden").await, Value::Null, "the next shown longest ago goes");
    let errors = t.take_errors();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}
