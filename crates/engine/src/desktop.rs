//! What a callback may ask of the desktop around its window: another window of the app, the
//! OS's open-file dialog, its save dialog. A callback takes a [`Desktop`] argument and asks;
//! the session hands the request to the shell (a `SessionEvent::Desktop`), which shows the
//! dialog and answers by setting a property as the app's own change, so the callbacks that
//! read it run as after any other change. The engine shows nothing itself.
//!
//! A picked file reaches callbacks as a [`PickedFile`] (its path, name and size, never its
//! bytes): a callback reads it as a stream with [`PickedFile::open`], so a 200 MB file never
//! crosses the webview. Answers go into a property the window cannot set (a store's `data`),
//! so no message from the webview can point a callback at a file the user did not pick.

use crate::component::IdArg;
use crate::error::CallbackError;
use crate::id::ComponentId;
use crate::session::Command;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::mpsc::WeakUnboundedSender;

/// Where the shell writes a dialog's answer: a property, usually a store's `data`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AnswerTo {
    pub id: ComponentId,
    pub prop: String,
}

/// One request of a callback to the shell.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "request", rename_all = "snake_case")]
pub enum DesktopRequest {
    /// Another window of the app, with a session of its own.
    OpenWindow,
    /// The window's title (the page's, as the window moves between pages).
    SetTitle { title: String },
    /// The open-file dialog; the answer is a [`PickedFile`] (or `null` when cancelled).
    PickFile {
        title: String,
        /// File name extensions offered, without dots; empty offers every file.
        extensions: Vec<String>,
        answer: AnswerTo,
    },
    /// The save dialog; the shell writes `contents` to the chosen path and answers with a
    /// [`SavedFile`] (or `null` when cancelled).
    SaveFile {
        suggested_name: String,
        #[serde(skip)]
        #[cfg_attr(feature = "ts", ts(skip))]
        contents: Arc<[u8]>,
        answer: AnswerTo,
    },
}

/// A file the user picked in the open-file dialog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PickedFile {
    pub path: PathBuf,
    pub name: String,
    pub size: u64,
}

impl PickedFile {
    /// Describes the file at `path` (the shell calls it with the dialog's answer).
    pub fn at(path: PathBuf) -> std::io::Result<PickedFile> {
        let size = std::fs::metadata(&path)?.len();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(PickedFile { path, name, size })
    }

    /// The file's bytes as a stream: read it in pieces, never whole into memory.
    pub fn open(&self) -> std::io::Result<std::io::BufReader<std::fs::File>> {
        Ok(std::io::BufReader::new(std::fs::File::open(&self.path)?))
    }
}

/// Where the save dialog wrote a callback's bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedFile {
    pub path: PathBuf,
    pub bytes: u64,
}

/// A callback argument that asks the desktop for a window or a dialog (it takes no Input
/// value). A request goes out as it is made, while the callback still runs.
#[derive(Clone)]
pub struct Desktop {
    session: WeakUnboundedSender<Command>,
}

impl Desktop {
    fn ask(&self, request: DesktopRequest) {
        if let Some(session) = self.session.upgrade() {
            let _ = session.send(Command::Desktop(request));
        }
    }

    /// Opens another window of the app (Dash has no such thing: a browser tab would share
    /// nothing). Each window is a session of its own; local stores stay in sync between them.
    pub fn open_window(&self) {
        self.ask(DesktopRequest::OpenWindow);
    }

    /// Sets the window's title.
    pub fn set_title(&self, title: &str) {
        self.ask(DesktopRequest::SetTitle { title: title.to_string() });
    }

    /// Shows the open-file dialog; the picked file (a [`PickedFile`]) or `null` is set into
    /// `id.prop` (a store's `data`).
    pub fn pick_file(&self, title: &str, extensions: &[&str], id: impl Into<IdArg>, prop: &str) -> Result<(), CallbackError> {
        let answer = answer_to(id, prop)?;
        let extensions = extensions.iter().map(|e| e.trim_start_matches('.').to_string()).collect();
        self.ask(DesktopRequest::PickFile { title: title.to_string(), extensions, answer });
        Ok(())
    }

    /// Shows the save dialog with `suggested_name`; the shell writes `contents` to the chosen
    /// path and sets a [`SavedFile`] (or `null`) into `id.prop`.
    pub fn save_file(
        &self,
        suggested_name: &str,
        contents: impl Into<Arc<[u8]>>,
        id: impl Into<IdArg>,
        prop: &str,
    ) -> Result<(), CallbackError> {
        let answer = answer_to(id, prop)?;
        self.ask(DesktopRequest::SaveFile { suggested_name: suggested_name.to_string(), contents: contents.into(), answer });
        Ok(())
    }
}

fn answer_to(id: impl Into<IdArg>, prop: &str) -> Result<AnswerTo, CallbackError> {
    let id = ComponentId::from_json(&id.into().into_json())
        .map_err(|e| CallbackError::msg(format!("a dialog's answer needs a component id: {e}")))?;
    Ok(AnswerTo { id, prop: prop.to_string() })
}

impl crate::handler::FromCallArg for Desktop {
    const TAKES_VALUE: bool = false;
    fn from_call(cursor: &mut crate::handler::ArgCursor) -> std::result::Result<Self, crate::error::CallbackError> {
        Ok(Desktop { session: cursor.ctx().0.session.clone() })
    }
}
