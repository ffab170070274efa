//! The seeds' to-do tutorial (parts 1 and 2) as a desktop app: several lists in a sidebar with
//! their progress, tasks added, checked, edited and deleted under pattern-matching ids, lists
//! added and deleted (after a confirmation), everything in local stores (SQLite beside the
//! app, so a restart keeps it). A list's rows are drawn the first time a window shows it, and
//! kept (hidden while another list is shown) until another window of the app edits it or the
//! window has shown `lists::KEPT_LISTS` others since; every
//! change made here is a `Patch` of the one row and the one stored value it touches, so it
//! stays instant at 1,000 tasks. Run: `cargo run -p todo`.

mod lists;
mod view;

use deskdash::engine::id::ScalarKey;
use deskdash::prelude::*;
use lists::{Drawn, Edit, Task, TodoList};
use serde::Deserialize;

type Out<T> = Update<T>;

/// The stored index carried by a pattern-matching id (`{"type": ..., "index": ...}`).
fn index_of(id: &ComponentId) -> Option<String> {
    match id {
        ComponentId::Map(m) => match m.get("index") {
            Some(ScalarKey::Str(s)) => Some(s.clone()),
            _ => None,
        },
        ComponentId::Str(_) => None,
    }
}

fn current_list<'a>(lists: &'a [TodoList], current: &str) -> Option<&'a TodoList> {
    lists.iter().find(|l| l.index == current)
}

/// The lists this window keeps drawn follow the stored ones. On a switch (or the load) the
/// current list is drawn, unless this window drew it before and its rows are still up to
/// date: then only which list is visible changes (`show_current`). A list deleted, or edited
/// in another window (its edit token is not the one this window's rows are at), is dropped,
/// and drawn again when it is shown; so is the one shown longest ago when a window would
/// keep more than `lists::KEPT_LISTS`. The window's own edits patch their row and record their
/// token, so they redraw nothing. The stored lists are read in place (`Serverside<Value>`
/// shares the store's data instead of copying it), and only the current list is decoded.
fn show_list(
    current: Option<String>,
    lists: Serverside<Value>,
    drawn: Option<Vec<Drawn>>,
) -> Result<(Out<Vec<Component>>, bool, Vec<Drawn>), CallbackError> {
    let current = current.unwrap_or_default();
    let all = lists.as_array().map(Vec::as_slice).unwrap_or_default();
    let stored = all.iter().filter_map(|l| Some((l["index"].as_str()?, l["edit"].as_str().unwrap_or_default())));
    let before = drawn.unwrap_or_default();
    let plan = lists::redraw(stored, before.clone(), &current);
    let shown = all.iter().find(|l| l["index"] == current.as_str());
    let mut boxes = Patch::new();
    for at in &plan.drop {
        boxes = boxes.delete([*at]);
    }
    if plan.draw_current {
        let list = shown
            .and_then(|l| TodoList::deserialize(l).ok())
            .ok_or_else(|| CallbackError::msg("the current list is not readable"))?;
        boxes = boxes.append(Vec::<PathSeg>::new(), view::list_tasks(&list, true));
    }
    if boxes.ops.is_empty() && plan.drawn == before && shown.is_some() {
        return Err(PreventUpdate.into());
    }
    let boxes = if boxes.ops.is_empty() { Update::NoUpdate } else { Update::Patch(boxes) };
    Ok((boxes, shown.is_none(), plan.drawn))
}

/// Only the current list's rows are visible; the other lists this window keeps drawn are
/// hidden. It follows what `show_list` drew in the same wave, and sends only the flags that
/// change.
fn show_current(current: Option<String>, _drawn: Option<Value>, hidden: Vec<Option<bool>>, ctx: Ctx) -> Vec<Out<bool>> {
    flags_by_list(&ctx, &current.unwrap_or_default(), hidden, false)
}

/// The current list's box of rows gets `patch`; the other lists' boxes are left alone.
fn patch_current_box(ctx: &Ctx, output: usize, current: &str, patch: Patch) -> Vec<Out<Vec<Component>>> {
    let boxes = ctx.outputs_list().get(output).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut patch = Some(patch);
    boxes
        .iter()
        .map(
            |b| if b["id"]["index"] == current { patch.take().map_or(Update::NoUpdate, Update::Patch) } else { Update::NoUpdate },
        )
        .collect()
}

/// The title field and the list's name, owned by one callback so neither feeds the other (the
/// engine does not fire a callback with its own output): typing renames the current list, and
/// any other change (a switch, a load, a rename stored by another window) brings the field to
/// the stored title. Only the current list's title is read, in place.
fn title_and_rename(
    typed: Option<String>,
    current: Option<String>,
    lists: Serverside<Value>,
    ctx: Ctx,
) -> Result<(Out<String>, Out<Vec<TodoList>>), CallbackError> {
    let current = current.unwrap_or_default();
    let all = lists.as_array().map(Vec::as_slice).unwrap_or_default();
    let at = all.iter().position(|l| l["index"] == current.as_str());
    let stored = at.and_then(|i| all[i]["title"].as_str()).unwrap_or_default();
    let typed = typed.unwrap_or_default();
    let renamed = ctx.triggered_prop_ids().contains_key("list-title.value");
    match at {
        Some(at) if renamed && typed != stored => Ok((Update::NoUpdate, Update::Patch(lists::rename_list(at, &typed)))),
        _ if renamed || typed == stored => Err(PreventUpdate.into()),
        _ => Ok((Update::Set(stored.to_string()), Update::NoUpdate)),
    }
}

/// The current list's summary, after any change to the lists.
fn show_summary(lists: Option<Vec<TodoList>>, current: Option<String>) -> String {
    let lists = lists.unwrap_or_default();
    match current_list(&lists, &current.unwrap_or_default()) {
        None if lists.is_empty() => "No list yet: start one with New list.".to_string(),
        None => "Pick a list on the left.".to_string(),
        Some(l) if l.tasks.is_empty() => "No tasks yet.".to_string(),
        Some(l) => format!("{} of {} done", l.tasks.iter().filter(|t| t.checked).count(), l.tasks.len()),
    }
}

/// What the sidebar draws apart from the progress bars and which list is current: each
/// list's index and title in order.
fn sidebar_shape(lists: &[TodoList]) -> Value {
    json!(lists.iter().map(|l| [l.index.as_str(), l.title.as_str()]).collect::<Vec<_>>())
}

/// The sidebar, drawn when a list is added, deleted or renamed (a per-window memory store
/// keeps what it shows); a check only moves a progress bar (`show_progress`) and a switch only
/// moves the highlight (`show_active`), so neither redraws the sidebar nor inserts components.
fn show_sidebar(
    lists: Option<Vec<TodoList>>,
    current: Option<String>,
    drawn: Option<Value>,
) -> Result<(Vec<Component>, Value), CallbackError> {
    let lists = lists.unwrap_or_default();
    let shape = sidebar_shape(&lists);
    if drawn.as_ref() == Some(&shape) {
        return Err(PreventUpdate.into());
    }
    Ok((view::sidebar(&lists, &current.unwrap_or_default()), shape))
}

/// The sidebar highlights the current list. It waits for `show_sidebar` (its `nav-drawn`
/// input), and sends only the flags that change.
fn show_active(current: Option<String>, _sidebar: Option<Value>, active: Vec<Option<bool>>, ctx: Ctx) -> Vec<Out<bool>> {
    flags_by_list(&ctx, &current.unwrap_or_default(), active, true)
}

/// One flag per component of a callback's `ALL` output: `at_current` where the component
/// belongs to the current list, the opposite elsewhere. Only the flags that change are sent.
fn flags_by_list(ctx: &Ctx, current: &str, was: Vec<Option<bool>>, at_current: bool) -> Vec<Out<bool>> {
    let outputs = ctx.outputs_list().first().and_then(Value::as_array).cloned().unwrap_or_default();
    outputs
        .iter()
        .zip(was)
        .map(|(o, was)| {
            let now = (o["id"]["index"] == current) == at_current;
            if was == Some(now) {
                Update::NoUpdate
            } else {
                Update::Set(now)
            }
        })
        .collect()
}

/// Each progress bar of the sidebar follows its list: its share done, green when all are. It
/// waits for `show_sidebar` (its `nav-drawn` input), so a sidebar redrawn in the same wave is
/// the one whose bars it sets.
fn show_progress(lists: Option<Vec<TodoList>>, _sidebar: Option<Value>, ctx: Ctx) -> (Vec<f64>, Vec<&'static str>) {
    let lists = lists.unwrap_or_default();
    let bars = ctx.outputs_list().first().and_then(Value::as_array).cloned().unwrap_or_default();
    bars.iter()
        .map(|bar| {
            let list = lists.iter().find(|l| bar["id"]["index"] == l.index.as_str());
            let progress = list.map_or(0.0, TodoList::progress);
            (progress, view::progress_color(progress))
        })
        .unzip()
}

fn switch_list(_clicks: Vec<Option<u64>>, ctx: Ctx) -> Result<String, CallbackError> {
    let id = ctx.triggered_id().ok_or(PreventUpdate)?;
    let clicked = ctx.input(id, "n_clicks").and_then(Value::as_u64).unwrap_or(0) > 0;
    if !clicked {
        return Err(PreventUpdate.into());
    }
    index_of(id).ok_or_else(|| CallbackError::msg(format!("{id} carries no list index")))
}

/// What an edit made here sends: the stored lists' patch, and the edits the drawn lists'
/// rows are now at.
type Edited = (Out<Vec<TodoList>>, Vec<Drawn>);

/// An edit that adds or removes a row: the stored lists' patch, the row's patch (to the
/// current list's box), and the edits the drawn lists' rows are now at.
type RowEdited = (Out<Vec<TodoList>>, Vec<Out<Vec<Component>>>, Vec<Drawn>);

fn add_task(
    _clicks: u64,
    lists: Option<Vec<TodoList>>,
    current: Option<String>,
    drawn: Option<Vec<Drawn>>,
    ctx: Ctx,
) -> Result<RowEdited, CallbackError> {
    let lists = lists.unwrap_or_default();
    let current = current.unwrap_or_default();
    let edit = Edit::of(lists::list_position(&lists, &current).ok_or(PreventUpdate)?);
    let task = Task::new("", false);
    let row = Patch::new().append(Vec::<PathSeg>::new(), view::task_row(&task));
    let rows = patch_current_box(&ctx, 1, &current, row);
    Ok((Update::Patch(lists::add_task(&edit, &task)), rows, edit.drawn(&lists, drawn.unwrap_or_default())))
}

/// A task's checkbox or text changed: the stored task follows.
fn update_task(
    _checked: Vec<Option<bool>>,
    _contents: Vec<Option<String>>,
    lists: Option<Vec<TodoList>>,
    current: Option<String>,
    drawn: Option<Vec<Drawn>>,
    ctx: Ctx,
) -> Result<Edited, CallbackError> {
    let id = ctx.triggered_id().ok_or(PreventUpdate)?;
    let task = index_of(id).ok_or(PreventUpdate)?;
    let lists = lists.unwrap_or_default();
    let (l, t) = lists::locate(&lists, &current.unwrap_or_default(), &task).ok_or(PreventUpdate)?;
    let stored = &lists[l].tasks[t];
    let checked_id = ComponentId::from_json(&view::task_part("task-checked", &task)).map_err(CallbackError::msg)?;
    let content_id = ComponentId::from_json(&view::task_part("task-content", &task)).map_err(CallbackError::msg)?;
    let checked = ctx.input(&checked_id, "checked").and_then(Value::as_bool).unwrap_or(stored.checked);
    let content = ctx.input(&content_id, "value").and_then(Value::as_str).map(String::from).unwrap_or_default();
    if checked == stored.checked && content == stored.content {
        return Err(PreventUpdate.into());
    }
    let edit = Edit::of(l);
    Ok((Update::Patch(lists::set_task(&edit, t, checked, &content)), edit.drawn(&lists, drawn.unwrap_or_default())))
}

/// A done task fades; only the row that changed is touched.
fn fade_done(checked: Option<bool>) -> Value {
    view::content_style(checked.unwrap_or(false))
}

fn delete_task(
    _clicks: Vec<Option<u64>>,
    lists: Option<Vec<TodoList>>,
    current: Option<String>,
    drawn: Option<Vec<Drawn>>,
    ctx: Ctx,
) -> Result<RowEdited, CallbackError> {
    let id = ctx.triggered_id().ok_or(PreventUpdate)?;
    if ctx.input(id, "n_clicks").and_then(Value::as_u64).unwrap_or(0) == 0 {
        return Err(PreventUpdate.into());
    }
    let task = index_of(id).ok_or(PreventUpdate)?;
    let lists = lists.unwrap_or_default();
    let current = current.unwrap_or_default();
    let (l, t) = lists::locate(&lists, &current, &task).ok_or(PreventUpdate)?;
    let edit = Edit::of(l);
    let rows = patch_current_box(&ctx, 1, &current, Patch::new().delete([t]));
    Ok((Update::Patch(lists::delete_task(&edit, t)), rows, edit.drawn(&lists, drawn.unwrap_or_default())))
}

fn add_list(_clicks: u64) -> (Out<Vec<TodoList>>, String) {
    let list = TodoList::new("New list", Vec::new());
    (Update::Patch(lists::add_list(&list)), list.index)
}

/// Delete asks first: the trash button opens the modal, Cancel and Delete close it.
fn confirm_delete(_delete: Option<u64>, _confirm: Option<u64>, _cancel: Option<u64>, ctx: Ctx) -> bool {
    ctx.triggered_id() == Some(&ComponentId::Str("del-list".into()))
}

fn delete_list(
    _confirm: u64,
    lists: Option<Vec<TodoList>>,
    current: Option<String>,
) -> Result<(Out<Vec<TodoList>>, String), CallbackError> {
    let lists = lists.unwrap_or_default();
    let at = lists::list_position(&lists, &current.unwrap_or_default()).ok_or(PreventUpdate)?;
    let next = lists.iter().enumerate().find(|(i, _)| *i != at).map(|(_, l)| l.index.clone()).unwrap_or_default();
    Ok((Update::Patch(lists::delete_list(at)), next))
}

fn task_input(part: &str, prop: &str) -> Input {
    Input::new(json!({"type": part, "index": ALL}), prop)
}

fn app() -> App {
    let lists_out = || Output::new("lists", "data").allow_duplicate();
    let current_out = || Output::new("current", "data").allow_duplicate();
    let rows_out = || Output::new(json!({"type": "list-tasks", "index": ALL}), "children").allow_duplicate();
    let drawn_out = || Output::new("drawn", "data").allow_duplicate();
    let (lists_state, current_state) = (|| State::new("lists", "data"), || State::new("current", "data"));
    let drawn_state = || State::new("drawn", "data");
    App::new("To-do")
        .layout(view::layout(&lists::sample()))
        // File > New Window: another window on the same lists, each redrawn when the other edits.
        .window_menu()
        .callback(
            (Input::new("current", "data"), Input::new("lists", "data"), State::new("drawn", "data")),
            (Output::new("tasks", "children"), Output::new("new-task", "disabled"), Output::new("drawn", "data")),
            show_list,
        )
        .callback(
            (
                Input::new("current", "data"),
                Input::new("drawn", "data"),
                State::new(json!({"type": "list-tasks", "index": ALL}), "hidden"),
            ),
            Output::new(json!({"type": "list-tasks", "index": ALL}), "hidden"),
            show_current,
        )
        .callback(
            (Input::new("list-title", "value"), Input::new("current", "data"), Input::new("lists", "data")),
            // The one writer of the stored lists that runs on load (to fill the field), so
            // the one without `allow_duplicate`; every other writer has it.
            (Output::new("list-title", "value"), Output::new("lists", "data")),
            title_and_rename,
        )
        .callback(
            (Input::new("lists", "data"), State::new("current", "data"), State::new("nav-drawn", "data")),
            (Output::new("list-nav", "children"), Output::new("nav-drawn", "data")),
            show_sidebar,
        )
        .callback(
            (
                Input::new("current", "data"),
                Input::new("nav-drawn", "data"),
                State::new(json!({"type": "list-button", "index": ALL}), "active"),
            ),
            Output::new(json!({"type": "list-button", "index": ALL}), "active"),
            show_active,
        )
        .callback(
            (Input::new("lists", "data"), Input::new("nav-drawn", "data")),
            (
                Output::new(json!({"type": "list-progress", "index": ALL}), "value"),
                Output::new(json!({"type": "list-progress", "index": ALL}), "color"),
            ),
            show_progress,
        )
        .callback(
            (Input::new("lists", "data"), Input::new("current", "data")),
            Output::new("list-summary", "children"),
            show_summary,
        )
        .callback(task_input("list-button", "n_clicks"), current_out(), switch_list)
        .prevent_initial_call()
        .callback(
            (Input::new("new-task", "n_clicks"), lists_state(), current_state(), drawn_state()),
            (lists_out(), rows_out(), drawn_out()),
            add_task,
        )
        .prevent_initial_call()
        .callback(
            (
                task_input("task-checked", "checked"),
                task_input("task-content", "value"),
                lists_state(),
                current_state(),
                drawn_state(),
            ),
            (lists_out(), drawn_out()),
            update_task,
        )
        .prevent_initial_call()
        .callback(
            Input::new(json!({"type": "task-checked", "index": MATCH}), "checked"),
            Output::new(json!({"type": "task-content", "index": MATCH}), "style"),
            fade_done,
        )
        .prevent_initial_call()
        .callback(
            (task_input("task-del", "n_clicks"), lists_state(), current_state(), drawn_state()),
            (lists_out(), rows_out(), drawn_out()),
            delete_task,
        )
        .prevent_initial_call()
        .callback(Input::new("new-list", "n_clicks"), (lists_out(), current_out()), add_list)
        .prevent_initial_call()
        .callback(
            (
                Input::new("del-list", "n_clicks"),
                Input::new("del-list-confirm", "n_clicks"),
                Input::new("del-list-cancel", "n_clicks"),
            ),
            Output::new("del-list-modal", "opened"),
            confirm_delete,
        )
        .prevent_initial_call()
        .callback(
            (Input::new("del-list-confirm", "n_clicks"), lists_state(), current_state()),
            (lists_out(), current_out()),
            delete_list,
        )
        .prevent_initial_call()
}

fn main() -> deskdash::Result<()> {
    app().run(tauri::generate_context!())
}

#[cfg(test)]
mod tests;
