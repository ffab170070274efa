//! A notes app whose data outlives the window: saved notes are a local store (SQLite beside
//! the app: still there after a restart, and pushed live to the other window), the draft is a
//! session store (it survives a reload of the window, not a restart), and the category
//! dropdown remembers the user's last choice (`persistence`). The app opens two windows on the
//! same notes, and opens more from its File menu or the New window button. Notes are imported
//! from a text file picked in the OS's open dialog (read as a stream in Rust, so a file of
//! hundreds of megabytes works) and exported through the save dialog, written from Rust.
//! Run: `cargo run -p notes`.

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

/// The most lines one import turns into notes; the rest of the file is still read and counted.
const IMPORT_LIMIT: usize = 500;

fn open_window(_n: u64, desktop: Desktop) {
    desktop.open_window();
}

fn ask_import(_n: u64, desktop: Desktop) -> Result<(), CallbackError> {
    desktop.pick_file("Import notes", &["txt", "md"], "picked", "data")
}

fn ask_export(_n: u64, notes: Option<Vec<Note>>, desktop: Desktop) -> Result<(), CallbackError> {
    let text: String = notes.unwrap_or_default().iter().map(|n| format!("{}\t{}\n", n.category, n.text)).collect();
    desktop.save_file("notes.txt", text.into_bytes(), "exported", "data")
}

/// Reads the picked file line by line (never whole into memory): each non-empty line up to
/// `IMPORT_LIMIT` becomes a note in the chosen category.
fn import_notes(
    picked: Option<PickedFile>,
    category: Option<String>,
    notes: Option<Vec<Note>>,
) -> Result<(Update<Vec<Note>>, String), CallbackError> {
    use std::io::BufRead;
    let Some(file) = picked else { return Ok((Update::NoUpdate, "Import cancelled.".into())) };
    let category = category.unwrap_or_else(|| "Ideas".into());
    let mut notes = notes.unwrap_or_default();
    let (mut lines, mut added, mut bytes) = (0u64, 0usize, 0u64);
    let mut reader = file.open().map_err(|e| CallbackError::msg(format!("{} could not be opened: {e}", file.name)))?;
    let mut line = Vec::new();
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| CallbackError::msg(format!("{} could not be read: {e}", file.name)))?;
        if n == 0 {
            break;
        }
        bytes += n as u64;
        lines += 1;
        let text = String::from_utf8_lossy(&line);
        if added < IMPORT_LIMIT && !text.trim().is_empty() {
            notes.push(Note { category: category.clone(), text: text.trim().to_string() });
            added += 1;
        }
    }
    let status = format!("Read {}: {bytes} bytes, {lines} lines; {added} notes added.", file.name);
    Ok((if added > 0 { Update::Set(notes) } else { Update::NoUpdate }, status))
}

fn show_export(saved: Option<SavedFile>) -> String {
    match saved {
        Some(s) => format!("Exported {} bytes to {}.", s.bytes, s.path.display()),
        None => "Export cancelled.".into(),
    }
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
        group((
            button("New window").id("new-window").variant("default"),
            button("Import…").id("import").variant("default"),
            button("Export…").id("export").variant("default"),
            text(id("file-status")).size("sm").dimmed(),
        )),
        store("picked"),
        store("exported"),
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
        .callback(Input::new("new-window", "n_clicks"), (), open_window)
        .prevent_initial_call()
        .callback(Input::new("import", "n_clicks"), (), ask_import)
        .prevent_initial_call()
        .callback((Input::new("export", "n_clicks"), State::new("notes", "data")), (), ask_export)
        .prevent_initial_call()
        .callback(
            (Input::new("picked", "data"), State::new("category", "value"), State::new("notes", "data")),
            (Output::new("notes", "data").allow_duplicate(), Output::new("file-status", "children")),
            import_notes,
        )
        .prevent_initial_call()
        .callback(Input::new("exported", "data"), Output::new("file-status", "children").allow_duplicate(), show_export)
        .prevent_initial_call()
        .window_menu()
        .run(tauri::generate_context!())
}
