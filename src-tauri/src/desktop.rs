//! Acts on callbacks' requests to the desktop (`DesktopRequest`): another window of the app,
//! the OS's open-file and save dialogs (tauri-plugin-dialog, from Rust only: the webview is
//! granted none of the dialog plugin's commands). A dialog's answer goes back into the
//! window's session as the app's own change.
//!
//! `DESKDASH_DIALOG_ANSWER`, when set, is the path both dialogs answer with, without showing
//! themselves: a native GTK dialog cannot be driven through WebDriver, so the end-to-end tests
//! feed the same path the dialog would.

use crate::codec;
use crate::protocol::{Notice, ToWindow};
use crate::windows::Windows;
use deskdash_engine::desktop::AnswerTo;
use deskdash_engine::{Change, DesktopRequest, PickedFile, SavedFile};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::{AppHandle, Manager, Runtime, WebviewWindowBuilder};
use tauri_plugin_dialog::DialogExt;

/// The path the dialogs answer with instead of showing themselves (tests, scripted runs).
pub const DIALOG_ANSWER_ENV: &str = "DESKDASH_DIALOG_ANSWER";

/// Acts on one request of the session of window `label`, whose Channel is `channel`. Returns
/// at once: a dialog waits for the user on its own task.
pub fn handle<R: Runtime>(app: &AppHandle<R>, label: &str, request: DesktopRequest, channel: &Channel<InvokeResponseBody>) {
    match request {
        DesktopRequest::OpenWindow => open_window(app),
        DesktopRequest::SetTitle { title } => {
            if let Some(window) = app.get_webview_window(label) {
                if let Err(e) = window.set_title(&title) {
                    tracing::warn!(window = %label, "could not set the window title: {e}");
                }
            }
        }
        DesktopRequest::PickFile { title, extensions, answer } => {
            let reply = Reply { app: app.clone(), label: label.to_string(), channel: channel.clone(), answer };
            pick_file(app, &title, &extensions, move |path| reply.picked(path));
        }
        DesktopRequest::SaveFile { suggested_name, contents, answer } => {
            let reply = Reply { app: app.clone(), label: label.to_string(), channel: channel.clone(), answer };
            save_file(app, &suggested_name, move |path| reply.save(path, contents));
        }
    }
}

/// Opens another window like the app's first one (its size and options from the app's
/// `tauri.conf.json`), under the next free label, a little offset so both are seen.
pub fn open_window<R: Runtime>(app: &AppHandle<R>) {
    let mut config = app.config().app.windows.first().cloned().unwrap_or_default();
    let taken = app.webview_windows();
    let n = (2..).find(|n| !taken.contains_key(&format!("window-{n}"))).unwrap_or(2);
    config.label = format!("window-{n}");
    let offset = 32.0 * f64::from(u32::try_from(n - 1).unwrap_or(1) % 8);
    config.x = config.x.map(|x| x + offset);
    config.y = config.y.map(|y| y + offset);
    match WebviewWindowBuilder::from_config(app, &config).and_then(|b| b.build()) {
        Ok(_) => tracing::info!(window = %config.label, "window opened"),
        Err(e) => tracing::error!(window = %config.label, "could not open a window: {e}"),
    }
}

fn test_answer() -> Option<PathBuf> {
    std::env::var_os(DIALOG_ANSWER_ENV).map(PathBuf::from)
}

fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    extensions: &[String],
    then: impl FnOnce(Option<PathBuf>) + Send + 'static,
) {
    if let Some(path) = test_answer() {
        return then(Some(path));
    }
    let mut dialog = app.dialog().file().set_title(title);
    if !extensions.is_empty() {
        let exts: Vec<&str> = extensions.iter().map(String::as_str).collect();
        dialog = dialog.add_filter(extensions.join(", "), &exts);
    }
    dialog.pick_file(move |picked| then(picked.and_then(|p| p.into_path().ok())));
}

fn save_file<R: Runtime>(app: &AppHandle<R>, suggested_name: &str, then: impl FnOnce(Option<PathBuf>) + Send + 'static) {
    if let Some(path) = test_answer() {
        return then(Some(path));
    }
    app.dialog().file().set_file_name(suggested_name).save_file(move |chosen| then(chosen.and_then(|p| p.into_path().ok())));
}

/// Where a dialog's answer goes: a property of one window's session.
struct Reply<R: Runtime> {
    app: AppHandle<R>,
    label: String,
    channel: Channel<InvokeResponseBody>,
    answer: AnswerTo,
}

impl<R: Runtime> Reply<R> {
    fn picked(self, path: Option<PathBuf>) {
        let value = match path.map(PickedFile::at) {
            None => Value::Null,
            Some(Ok(file)) => serde_json::to_value(file).unwrap_or(Value::Null),
            Some(Err(e)) => return self.notice(format!("The picked file could not be read: {e}")),
        };
        self.set(value);
    }

    fn save(self, path: Option<PathBuf>, contents: Arc<[u8]>) {
        let Some(path) = path else { return self.set(Value::Null) };
        tauri::async_runtime::spawn(async move {
            let target = path.clone();
            let written =
                tauri::async_runtime::spawn_blocking(move || std::fs::write(&target, &contents).map(|()| contents.len()))
                    .await
                    .map_err(|e| std::io::Error::other(e.to_string()))
                    .and_then(|r| r);
            match written {
                Ok(bytes) => {
                    tracing::info!(window = %self.label, path = %path.display(), bytes, "file saved");
                    let saved = SavedFile { path, bytes: u64::try_from(bytes).unwrap_or(u64::MAX) };
                    self.set(serde_json::to_value(saved).unwrap_or(Value::Null));
                }
                Err(e) => self.notice(format!("{} could not be saved: {e}", path.display())),
            }
        });
    }

    fn notice(self, message: String) {
        tracing::warn!(window = %self.label, "{message}");
        let _ = self.channel.send(codec::encode(&ToWindow::Notice(Notice::file(message))));
    }

    /// Sets the answer as the app's own change; a quick wave's batch goes straight out.
    fn set(self, value: Value) {
        tauri::async_runtime::spawn(async move {
            let Some(session) = self.app.state::<Windows>().get(&self.label) else { return };
            let change = Change { id: self.answer.id.to_json(), prop: self.answer.prop.clone(), value };
            match session.apply_as_app(vec![change]).await {
                Ok(Some(batch)) => {
                    let _ = self.channel.send(codec::encode(&ToWindow::Batch { batch }));
                }
                Ok(None) => {}
                Err(e) => tracing::error!(window = %self.label, "a dialog's answer was refused: {e}"),
            }
        });
    }
}
