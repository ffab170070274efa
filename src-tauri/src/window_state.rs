//! Each window's size, position and maximized state, the app's light/dark theme and the
//! version that ran last, kept with tauri-plugin-store in `window-state.json` in the app's data directory: recorded as the user
//! moves, resizes and closes windows or flips the theme, and restored when a window opens.

use crate::error::{Result, ShellError};
use crate::protocol::Theme;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::sync::Arc;
use tauri::{AppHandle, Manager, PhysicalPosition, PhysicalSize, Runtime, Window, WindowEvent};
use tauri_plugin_store::{Store, StoreExt};

/// The file in the app data directory.
pub const FILE: &str = "window-state.json";
const THEME: &str = "theme";
const LAST_VERSION: &str = "last-version";

/// The smallest size restored: anything smaller is a window the user could not find.
const MIN_SIDE: u32 = 200;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Geometry {
    pub width: u32,
    pub height: u32,
    pub x: i32,
    pub y: i32,
    pub maximized: bool,
}

fn key(label: &str) -> String {
    format!("window.{label}")
}

/// The app's state file, or None (logged) when tauri-plugin-store is not registered or the
/// file cannot be opened: the app runs on with its windows' configured sizes.
fn state_file<R: Runtime>(app: &AppHandle<R>) -> Option<Arc<Store<R>>> {
    // `store()` panics when the plugin is missing (it looks up the plugin's state): that must
    // not take a window down, only its remembered geometry.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| app.store(FILE))) {
        Ok(Ok(store)) => Some(store),
        Ok(Err(e)) => {
            tracing::warn!("{FILE} cannot be opened; window sizes and the theme are not remembered: {e}");
            None
        }
        Err(_) => {
            tracing::warn!("tauri-plugin-store is not registered (add tauri_plugin_store::Builder::new().build() to the builder); window sizes and the theme are not remembered");
            None
        }
    }
}

/// Gives a window its remembered geometry, if it still fits on a monitor.
pub fn restore<R: Runtime>(window: &Window<R>) {
    let Some(file) = state_file(window.app_handle()) else { return };
    let Some(saved) = file.get(key(window.label())).and_then(|v| serde_json::from_value::<Geometry>(v).ok()) else { return };
    if saved.width >= MIN_SIDE && saved.height >= MIN_SIDE {
        if let Err(e) = window.set_size(PhysicalSize::new(saved.width, saved.height)) {
            tracing::warn!(window = %window.label(), "could not restore the window size: {e}");
        }
    }
    let on_a_monitor = window.available_monitors().unwrap_or_default().iter().any(|m| {
        let (p, s) = (m.position(), m.size());
        saved.x >= p.x
            && saved.y >= p.y
            && i64::from(saved.x) < i64::from(p.x) + i64::from(s.width)
            && i64::from(saved.y) < i64::from(p.y) + i64::from(s.height)
    });
    if on_a_monitor {
        if let Err(e) = window.set_position(PhysicalPosition::new(saved.x, saved.y)) {
            tracing::warn!(window = %window.label(), "could not restore the window position: {e}");
        }
    }
    if saved.maximized {
        let _ = window.maximize();
    }
}

/// Records a window's geometry as it changes; a maximized window keeps the size it had before,
/// so un-maximizing after a restart gives that size back.
pub fn record<R: Runtime>(window: &Window<R>, event: &WindowEvent) {
    if !matches!(event, WindowEvent::Resized(_) | WindowEvent::Moved(_) | WindowEvent::CloseRequested { .. }) {
        return;
    }
    let Some(file) = state_file(window.app_handle()) else { return };
    let maximized = window.is_maximized().unwrap_or(false);
    let previous = file.get(key(window.label())).and_then(|v| serde_json::from_value::<Geometry>(v).ok());
    let geometry = match (maximized, previous, window.inner_size(), window.outer_position()) {
        (true, Some(before), _, _) => Geometry { maximized: true, ..before },
        (_, _, Ok(size), Ok(at)) => Geometry { width: size.width, height: size.height, x: at.x, y: at.y, maximized },
        _ => return,
    };
    file.set(key(window.label()), serde_json::to_value(geometry).unwrap_or(Value::Null));
    if matches!(event, WindowEvent::CloseRequested { .. }) {
        if let Err(e) = file.save() {
            tracing::warn!(window = %window.label(), "window state not saved: {e}");
        }
    }
}

/// The theme the user chose last, if any.
pub fn theme<R: Runtime>(app: &AppHandle<R>) -> Option<Theme> {
    state_file(app)?.get(THEME).and_then(|v| serde_json::from_value(v).ok())
}

/// Saves the user's theme at once.
pub fn remember_theme<R: Runtime>(app: &AppHandle<R>, theme: Theme) -> Result<()> {
    let file = state_file(app)
        .ok_or_else(|| ShellError::WindowState(format!("{FILE} is not available; the theme is not remembered")))?;
    file.set(THEME, serde_json::to_value(theme).unwrap_or(Value::Null));
    file.save().map_err(|e| ShellError::WindowState(format!("{FILE}: the theme could not be saved: {e}")))
}

/// Records `running` as the version that ran last and returns the one recorded before it
/// (None on a first run, or when the state file is not available).
pub fn swap_last_version<R: Runtime>(app: &AppHandle<R>, running: &str) -> Option<String> {
    let file = state_file(app)?;
    let before = file.get(LAST_VERSION).and_then(|v| v.as_str().map(String::from));
    if before.as_deref() != Some(running) {
        file.set(LAST_VERSION, Value::String(running.to_string()));
        if let Err(e) = file.save() {
            tracing::warn!("{FILE}: the running version could not be recorded: {e}");
        }
    }
    before
}
