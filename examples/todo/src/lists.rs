//! The to-do data as the `lists` store keeps it, and the edits the callbacks make to it. Each
//! edit is a `Patch` of the one place that changed, so a check at 1,000 tasks writes one bool
//! and never the whole list.

use deskdash::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub index: String,
    pub content: String,
    pub checked: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TodoList {
    pub index: String,
    pub title: String,
    pub tasks: Vec<Task>,
    /// A token of the last edit of this list's tasks or title (empty before the first): a
    /// window whose rows are at another edit was changed elsewhere and redraws the list.
    #[serde(default)]
    pub edit: String,
}

/// How many lists a window keeps drawn. Switching among them sends no rows; drawing one more
/// drops the one shown longest ago, whose rows are drawn again when it is shown. Each kept
/// list of 1,000 tasks holds 5,000 components in the window's layout.
pub const KEPT_LISTS: usize = 6;

/// A list a window keeps drawn, the edit its rows are at, and when the window last showed
/// it (a count of the window's switches). A per-window memory store holds them, in the
/// order of the boxes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Drawn {
    pub list: String,
    pub edit: String,
    #[serde(default)]
    pub shown: u64,
}

/// A fresh id for a list or a task (the tutorial's `uuid4().hex`).
pub fn new_index() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

impl Task {
    pub fn new(content: &str, checked: bool) -> Self {
        Task { index: new_index(), content: content.to_string(), checked }
    }
}

impl TodoList {
    pub fn new(title: &str, tasks: Vec<Task>) -> Self {
        TodoList { index: new_index(), title: title.to_string(), tasks, edit: String::new() }
    }

    /// The share of checked tasks, 0 to 100 (an empty list is at 0).
    pub fn progress(&self) -> f64 {
        if self.tasks.is_empty() {
            return 0.0;
        }
        let done = self.tasks.iter().filter(|t| t.checked).count();
        done as f64 * 100.0 / self.tasks.len() as f64
    }

    pub fn task_position(&self, task: &str) -> Option<usize> {
        self.tasks.iter().position(|t| t.index == task)
    }
}

/// What a first start shows: the tutorial's two lists.
pub fn sample() -> Vec<TodoList> {
    vec![
        TodoList::new("My Tasks", vec![Task::new("Task A", true), Task::new("Task B", false), Task::new("Task C", false)]),
        TodoList::new("Shopping list", Vec::new()),
    ]
}

pub fn list_position(lists: &[TodoList], list: &str) -> Option<usize> {
    lists.iter().position(|l| l.index == list)
}

/// Where one task of one list sits: (list position, task position).
pub fn locate(lists: &[TodoList], list: &str, task: &str) -> Option<(usize, usize)> {
    let l = list_position(lists, list)?;
    Some((l, lists[l].task_position(task)?))
}

/// A list edited in this window: the token its patch stores and the window's rows are at.
pub struct Edit {
    pub list: usize,
    pub token: String,
}

impl Edit {
    pub fn of(list: usize) -> Self {
        Edit { list, token: new_index() }
    }

    /// The patch that stores this edit's token, to which the edit's own operations are added.
    fn patch(&self) -> Patch {
        Patch::new().assign([PathSeg::from(self.list), "edit".into()], self.token.as_str())
    }

    /// What the window that made the edit keeps drawn afterwards: the edited list's rows at
    /// this edit, the other lists as they were.
    pub fn drawn(&self, lists: &[TodoList], drawn: Vec<Drawn>) -> Vec<Drawn> {
        let edited = lists.get(self.list).map(|l| l.index.as_str());
        drawn
            .into_iter()
            .map(|d| if Some(d.list.as_str()) == edited { Drawn { edit: self.token.clone(), ..d } } else { d })
            .collect()
    }
}

/// What a window does to the lists it keeps drawn when the stored lists or the current one
/// change: drop each whose rows are out of date (deleted, or edited in another window), draw
/// the current list unless its rows are kept and up to date, and keep at most `KEPT_LISTS`
/// by dropping those shown longest ago.
#[derive(Debug, PartialEq)]
pub struct Redraw {
    /// Positions among the drawn lists, highest first, so each stays valid as those after it go.
    pub drop: Vec<usize>,
    pub draw_current: bool,
    /// What is drawn afterwards, in the order the window holds it.
    pub drawn: Vec<Drawn>,
}

/// `stored` is each stored list's `(index, edit)`.
pub fn redraw<'a>(stored: impl Iterator<Item = (&'a str, &'a str)>, drawn: Vec<Drawn>, current: &str) -> Redraw {
    let stored: std::collections::HashMap<&str, &str> = stored.collect();
    let latest = drawn.iter().map(|d| d.shown).max().unwrap_or(0);
    let mut drop = Vec::new();
    // Each kept list with its position among the boxes.
    let mut kept = Vec::new();
    for (at, d) in drawn.into_iter().enumerate() {
        if stored.get(d.list.as_str()) == Some(&d.edit.as_str()) {
            kept.push((at, d));
        } else {
            drop.push(at);
        }
    }
    let draw_current = stored.contains_key(current) && !kept.iter().any(|(_, d)| d.list == current);
    if draw_current {
        while kept.len() >= KEPT_LISTS {
            let Some(oldest) = kept.iter().enumerate().min_by_key(|(_, (_, d))| d.shown).map(|(i, _)| i) else { break };
            drop.push(kept.remove(oldest).0);
        }
    }
    drop.sort_unstable_by(|a, b| b.cmp(a));
    let mut drawn: Vec<Drawn> = kept.into_iter().map(|(_, d)| d).collect();
    match stored.get(current) {
        Some(edit) if draw_current => drawn.push(Drawn { list: current.to_string(), edit: edit.to_string(), shown: latest + 1 }),
        // Shown again: it is the most recent (unless it already was).
        _ => {
            let others_latest = drawn.iter().filter(|d| d.list != current).map(|d| d.shown).max().unwrap_or(0);
            if let Some(d) = drawn.iter_mut().find(|d| d.list == current && d.shown <= others_latest) {
                d.shown = latest + 1;
            }
        }
    }
    Redraw { drop, draw_current, drawn }
}

/// The store patch that appends `task` to the edited list.
pub fn add_task(edit: &Edit, task: &Task) -> Patch {
    edit.patch().append([PathSeg::from(edit.list), "tasks".into()], task)
}

/// The store patch that sets one task's checked state and content.
pub fn set_task(edit: &Edit, task: usize, checked: bool, content: &str) -> Patch {
    let at = |field: &str| [PathSeg::from(edit.list), "tasks".into(), task.into(), field.into()];
    edit.patch().assign(at("checked"), checked).assign(at("content"), content)
}

pub fn delete_task(edit: &Edit, task: usize) -> Patch {
    edit.patch().delete([PathSeg::from(edit.list), "tasks".into(), task.into()])
}

/// A rename leaves the list's edit token alone: its rows are unchanged, so no window redraws
/// them (the title field and the sidebar follow the title itself).
pub fn rename_list(list: usize, title: &str) -> Patch {
    Patch::new().assign([PathSeg::from(list), "title".into()], title)
}

pub fn add_list(list: &TodoList) -> Patch {
    Patch::new().append(Vec::<PathSeg>::new(), list)
}

pub fn delete_list(list: usize) -> Patch {
    Patch::new().delete([list])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Applies a patch to the lists as the session applies it to the store's value.
    fn patched(lists: &[TodoList], patch: Patch) -> Vec<TodoList> {
        let mut value = serde_json::to_value(lists).unwrap_or_default();
        assert!(!patch.ops.is_empty(), "the patch has operations");
        patch::apply_ops(&mut value, &patch.ops).unwrap_or_else(|e| panic!("patch failed: {e:?}"));
        serde_json::from_value(value).unwrap_or_default()
    }

    #[test]
    fn progress_counts_checked_tasks() {
        let lists = sample();
        assert!((lists[0].progress() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(lists[1].progress(), 0.0, "an empty list is at 0");
    }

    #[test]
    fn each_edit_touches_only_its_place() {
        let lists = sample();
        let b = lists[0].tasks[1].index.clone();
        let (l, t) = locate(&lists, &lists[0].index, &b).unwrap_or((9, 9));
        assert_eq!((l, t), (0, 1));

        let edit = Edit::of(l);
        let checked = patched(&lists, set_task(&edit, t, true, "Task B, done"));
        assert!(checked[0].tasks[1].checked);
        assert_eq!(checked[0].tasks[1].content, "Task B, done");
        assert_eq!(checked[0].tasks[0], lists[0].tasks[0], "the other tasks are untouched");
        assert_eq!(checked[0].edit, edit.token, "the list carries the edit's token");
        assert_eq!(checked[1], lists[1], "the other list is untouched");
        let other = Drawn { list: lists[1].index.clone(), edit: String::new(), shown: 1 };
        let before = vec![Drawn { list: lists[0].index.clone(), edit: String::new(), shown: 2 }, other.clone()];
        assert_eq!(
            edit.drawn(&checked, before),
            [Drawn { list: lists[0].index.clone(), edit: edit.token.clone(), shown: 2 }, other],
            "the edited list's rows are at the edit, the other list's as they were"
        );

        let milk = Task::new("Milk", false);
        let added = patched(&lists, add_task(&Edit::of(1), &milk));
        assert_eq!(added[1].tasks, vec![milk]);

        let deleted = patched(&lists, delete_task(&Edit::of(0), 1));
        assert_eq!(deleted[0].tasks.iter().map(|t| t.content.as_str()).collect::<Vec<_>>(), ["Task A", "Task C"]);

        let renamed = patched(&lists, rename_list(1, "Groceries"));
        assert_eq!(renamed[1].title, "Groceries");
        assert_eq!(renamed[1].edit, lists[1].edit, "a rename redraws no rows");

        let third = TodoList::new("New list", Vec::new());
        let grown = patched(&lists, add_list(&third));
        assert_eq!(grown.len(), 3);
        assert_eq!(grown[2], third);

        let shrunk = patched(&lists, delete_list(0));
        assert_eq!(shrunk.iter().map(|l| l.title.as_str()).collect::<Vec<_>>(), ["Shopping list"]);
    }

    fn at(list: &str, edit: &str, shown: u64) -> Drawn {
        Drawn { list: list.into(), edit: edit.into(), shown }
    }

    #[test]
    fn a_window_keeps_the_lists_it_drew_until_they_change_elsewhere() {
        let stored = || [("a", "1"), ("b", "2"), ("c", "3")].into_iter();
        let first = redraw(stored(), Vec::new(), "a");
        assert_eq!(first, Redraw { drop: vec![], draw_current: true, drawn: vec![at("a", "1", 1)] }, "the first list is drawn");
        let back = redraw(stored(), vec![at("a", "1", 1), at("b", "2", 2)], "a");
        assert_eq!(back, Redraw { drop: vec![], draw_current: false, drawn: vec![at("a", "1", 3), at("b", "2", 2)] }, "kept");
        let again = redraw(stored(), vec![at("a", "1", 3), at("b", "2", 2)], "a");
        assert_eq!(again.drawn, vec![at("a", "1", 3), at("b", "2", 2)], "already the most recent: unchanged");
        let changed = redraw(stored(), vec![at("a", "0", 1), at("b", "2", 2), at("gone", "9", 3), at("c", "0", 4)], "b");
        assert_eq!(
            changed,
            Redraw { drop: vec![3, 2, 0], draw_current: false, drawn: vec![at("b", "2", 2)] },
            "lists edited elsewhere or deleted are dropped, highest position first"
        );
        let stale_current = redraw(stored(), vec![at("a", "0", 1)], "a");
        assert_eq!(stale_current, Redraw { drop: vec![0], draw_current: true, drawn: vec![at("a", "1", 2)] }, "redrawn");
        let none = redraw(stored(), vec![at("a", "1", 1)], "missing");
        assert_eq!(none, Redraw { drop: vec![], draw_current: false, drawn: vec![at("a", "1", 1)] }, "no list to draw");
    }

    #[test]
    fn drawing_one_list_more_than_a_window_keeps_drops_the_one_shown_longest_ago() {
        let names: Vec<String> = (0..=KEPT_LISTS).map(|i| format!("l{i}")).collect();
        let stored = || names.iter().map(|n| (n.as_str(), "e"));
        // Kept in box order l0..l5; l2 was shown longest ago, l0 most recently.
        let kept: Vec<Drawn> = names[..KEPT_LISTS].iter().enumerate().map(|(i, n)| at(n, "e", [9, 5, 1, 4, 6, 7][i])).collect();
        let plan = redraw(stored(), kept.clone(), &names[KEPT_LISTS]);
        assert!(plan.draw_current);
        assert_eq!(plan.drop, vec![2], "the list shown longest ago makes room");
        assert_eq!(plan.drawn.len(), KEPT_LISTS);
        assert_eq!(plan.drawn.last(), Some(&at(&names[KEPT_LISTS], "e", 10)), "the new list is the most recent");
        // Showing a kept list drops nothing.
        let shown = redraw(stored(), kept, "l2");
        assert_eq!((shown.drop, shown.draw_current, shown.drawn[2].shown), (vec![], false, 10));
    }

    #[test]
    fn unknown_ids_are_found_nowhere() {
        let lists = sample();
        assert_eq!(locate(&lists, "nope", "nope"), None);
        assert_eq!(locate(&lists, &lists[0].index, "nope"), None);
    }
}
