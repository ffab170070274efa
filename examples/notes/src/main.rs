//! A notes app whose data outlives the window: saved notes are a local store (SQLite beside
//! the app: still there after a restart, and pushed live to the other window), the draft is a
//! session store (it survives a reload of the window, not a restart), and the category
//! dropdown remembers the user's last choice (`persistence`). The app opens two windows on the
//! same notes. Run: `cargo run -p notes`.

use deskdash::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Clone)]
struct Note {
    category: String,
    text: String,
}

fn save_note(
    _n: u64,
    text: Option<String>,
    category: Option<String>,
    notes: Option<Vec<Note>>,
) -> (Update<Vec<Note>>, &'static str) {
    let text = text.unwrap_or_default();
    if text.trim().is_empty() {
        return (Update::NoUpdate, "");
    }
    let mut notes = notes.unwrap_or_default();
    notes.push(Note { category: category.unwrap_or_else(|| "Ideas".into()), text: text.trim().to_string() });
    (Update::Set(notes), "")
}

fn show_notes(notes: Option<Vec<Note>>) -> (Vec<Component>, String) {
    let notes = notes.unwrap_or_default();
    let items = notes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            card(group((text(n.category.as_str()).size("sm").dimmed().weight(600), text(n.text.as_str()))).gap("sm"))
                .id(format!("note-{i}"))
                .with_border()
                .padding("sm")
        })
        .collect();
    let count = match notes.len() {
        0 => "No notes saved yet".to_string(),
        1 => "1 note saved".to_string(),
        n => format!("{n} notes saved"),
    };
    (items, count)
}

fn keep_draft(draft: Option<String>) -> Option<String> {
    draft
}

fn show_draft(draft: Option<String>) -> String {
    match draft.as_deref().map(str::trim) {
        None | Some("") => "No draft in this session".into(),
        Some(d) => format!("Draft kept for this session: {d}"),
    }
}

fn clear_notes(_n: u64) -> bool {
    true
}

fn layout() -> Component {
    stack((
        h1("Notes"),
        text("Saved notes are kept in SQLite beside the app: they are here after a restart, and both windows show every change at once.")
            .dimmed(),
        group((
            dropdown("category").options(["Ideas", "Errands", "Reading"]).value("Ideas").persistence(true).clearable(false),
            input("note").placeholder("Write a note").style(json!({"flex": 1})),
            button("Save").id("save"),
        ))
        .align("flex-end"),
        group((span(id("count")).style(json!({"fontWeight": 600})), button("Clear all").id("clear").variant("subtle").color("red")))
            .justify("space-between"),
        stack(id("saved")).gap("xs"),
        // The draft's text comes back after a reload too: a session-long persisted value.
        textarea("draft").placeholder("A draft, kept while the app runs").label("Draft").persistence(true).persistence_type(Storage::Session),
        text(id("draft-shown")).size("sm").dimmed(),
        store("notes").storage(Storage::Local),
        store("draft-store").storage(Storage::Session),
    ))
    .gap("md")
    .style(json!({"maxWidth": 640, "margin": "0 auto", "padding": 32}))
}

fn main() -> deskdash::Result<()> {
    App::new("Notes")
        .layout(layout())
        .callback(
            (
                Input::new("save", "n_clicks"),
                State::new("note", "value"),
                State::new("category", "value"),
                State::new("notes", "data"),
            ),
            (Output::new("notes", "data"), Output::new("note", "value")),
            save_note,
        )
        .prevent_initial_call()
        .callback(Input::new("notes", "data"), (Output::new("saved", "children"), Output::new("count", "children")), show_notes)
        .callback(Input::new("draft", "value"), Output::new("draft-store", "data"), keep_draft)
        .prevent_initial_call()
        .callback(Input::new("draft-store", "data"), Output::new("draft-shown", "children"), show_draft)
        .callback(Input::new("clear", "n_clicks"), Output::new("notes", "clear_data"), clear_notes)
        .prevent_initial_call()
        .run(tauri::generate_context!())
}
