//! What the window shows: the sidebar of lists, the current list's tasks, the confirmation
//! modal. Tasks and lists are addressed by pattern-matching ids (`{"type": ..., "index": ...}`)
//! carrying their stored index, as in the tutorial.

use crate::lists::{Task, TodoList};
use deskdash::prelude::*;

/// The id of one of a task's parts (`task-checked`, `task-content`, `task-del`).
pub fn task_part(part: &str, task: &str) -> Value {
    json!({"type": part, "index": task})
}

/// How a task's text looks: a done task fades.
pub fn content_style(checked: bool) -> Value {
    if checked {
        json!({"opacity": 0.5})
    } else {
        json!({})
    }
}

/// One task: its checkbox, its text (edited in place) and its delete button.
pub fn task_row(task: &Task) -> Component {
    dmc::group((
        dmc::checkbox(task_part("task-checked", &task.index)).checked(task.checked),
        dmc::text_input(task_part("task-content", &task.index))
            .value(task.content.as_str())
            .placeholder("A new task")
            .variant("unstyled")
            .debounce(true)
            .style(content_style(task.checked))
            .prop("flex", 1),
        dmc::action_icon(dmc::icon("tabler:x").width(18))
            .id(task_part("task-del", &task.index))
            .variant("transparent")
            .prop("color", "gray")
            .prop("title", "Delete task"),
    ))
    .id(task_part("task-row", &task.index))
    .gap("sm")
    .prop("wrap", "nowrap")
}

/// A row's height in px with the list's gap, before the window has drawn it.
const ROW_HEIGHT: f64 = 38.0;

/// The id of the box holding one list's rows.
pub fn list_tasks_id(list: &str) -> Value {
    json!({"type": "list-tasks", "index": list})
}

/// One list's rows. A window keeps the lists it showed last drawn (`lists::KEPT_LISTS`),
/// hidden while another is current, so switching back costs a flag and not 1,000 rows; only the rows in view are
/// drawn, and every row stays in the layout.
pub fn list_tasks(list: &TodoList, current: bool) -> Component {
    dmc::virtual_stack(list.tasks.iter().map(task_row).collect::<Vec<_>>())
        .id(list_tasks_id(&list.index))
        .gap(2)
        .prop("estimateSize", ROW_HEIGHT)
        .prop("hidden", !current)
}

/// A progress bar's colour: green when the list is done.
pub fn progress_color(progress: f64) -> &'static str {
    if progress >= 100.0 {
        "green"
    } else {
        "blue"
    }
}

/// One list in the sidebar: its title and how far along it is (green when done).
pub fn list_link(list: &TodoList, current: bool) -> Component {
    let progress = list.progress();
    let color = progress_color(progress);
    dmc::nav_link(json!({"type": "list-button", "index": list.index}))
        .prop("label", dmc::text(list.title.as_str()).weight(600).size("sm").mb(6))
        .description(dmc::progress(json!({"type": "list-progress", "index": list.index})).value(progress).color(color))
        .active(current)
        .variant("light")
}

pub fn sidebar(lists: &[TodoList], current: &str) -> Vec<Component> {
    lists.iter().map(|l| list_link(l, l.index == current)).collect()
}

fn delete_modal() -> Component {
    dmc::modal("del-list-modal")
        .title("Delete this list?")
        .children(dmc::stack((
            dmc::text("The list and all its tasks are deleted. This cannot be undone.").size("sm"),
            dmc::group((
                dmc::button("Cancel").id("del-list-cancel").variant("default"),
                dmc::button("Delete").id("del-list-confirm").prop("color", "red"),
            ))
            .justify("flex-end"),
        )))
        .opened(false)
        .centered(true)
}

pub fn layout(sample: &[TodoList]) -> Component {
    let first = sample.first().map(|l| l.index.clone()).unwrap_or_default();
    dmc::container((
        dmc::grid((
            dmc::grid_col(dmc::stack((
                dmc::button("New list").id("new-list").left_section(dmc::icon("tabler:plus")).full_width(true).mt("md"),
                dmc::stack(()).id("list-nav").gap(4),
            )))
            .span(4),
            dmc::grid_col(
                dmc::paper(dmc::stack((
                    dmc::group((
                        dmc::text_input("list-title").variant("unstyled").size("xl").debounce(true).prop("flex", 1),
                        dmc::action_icon(dmc::icon("tabler:trash").width(20))
                            .id("del-list")
                            .variant("subtle")
                            .prop("color", "red")
                            .prop("title", "Delete list"),
                    ))
                    .prop("wrap", "nowrap"),
                    dmc::text("").id("list-summary").size("sm").c("dimmed"),
                    // The lists this window has shown (`list_tasks`), the current one visible.
                    dmc::stack(()).id("tasks").gap(0),
                    dmc::button("Add a new task").id("new-task").variant("outline").prop("color", "gray").full_width(true),
                )))
                // A border, not a shadow: WebKitGTK paints a box shadow around the whole
                // list (38,000 px tall at 1,000 tasks) on each repaint that touches it, which
                // cost a row added or a list switched about 130 ms in the window.
                .prop("withBorder", true)
                .p("md")
                .mt("md")
                .radius("sm"),
            )
            .span("auto"),
        ))
        .prop("gutter", "xl"),
        delete_modal(),
        // The data lives in SQLite beside the app; the first start shows the tutorial's lists.
        store("lists").storage(Storage::Local).data(sample),
        store("current").storage(Storage::Local).data(first),
        // This window's own: the lists it keeps drawn and the edit each one's rows are at,
        // and what its sidebar shows.
        store("drawn").storage(Storage::Memory),
        store("nav-drawn").storage(Storage::Memory),
    ))
    .prop("size", 860)
    .py("md")
}
