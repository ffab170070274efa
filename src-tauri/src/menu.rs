//! The File menu of an app that asks for one (`App::window_menu`): New Window, Close Window
//! and Quit. Each window gets its own copy, whose Close Window names that window: a menu event
//! carries only its item's id, and GTK has no predefined Close Window or Quit item (muda's
//! are inert there), so all three are the app's own items.

use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Manager, Runtime, Window};

const NEW_WINDOW: &str = "deskdash-new-window";
const CLOSE_WINDOW: &str = "deskdash-close-window:";
const QUIT: &str = "deskdash-quit";

/// Gives `window` its File menu.
pub fn attach<R: Runtime>(window: &Window<R>) {
    let built = file_menu(window.app_handle(), window.label()).and_then(|menu| window.set_menu(menu).map(|_| ()));
    if let Err(e) = built {
        tracing::warn!(window = %window.label(), "the File menu could not be added: {e}");
    }
}

fn file_menu<R: Runtime>(app: &AppHandle<R>, label: &str) -> tauri::Result<Menu<R>> {
    let new_window = MenuItem::with_id(app, NEW_WINDOW, "New Window", true, Some("CmdOrCtrl+N"))?;
    let close_window = MenuItem::with_id(app, format!("{CLOSE_WINDOW}{label}"), "Close Window", true, Some("CmdOrCtrl+W"))?;
    let quit = MenuItem::with_id(app, QUIT, "Quit", true, Some("CmdOrCtrl+Q"))?;
    let file =
        Submenu::with_items(app, "File", true, &[&new_window, &close_window, &PredefinedMenuItem::separator(app)?, &quit])?;
    Menu::with_items(app, &[&file])
}

/// Acts on a File menu item; other menus' events are left alone.
pub fn handle<R: Runtime>(app: &AppHandle<R>, event: &MenuEvent) {
    let id = event.id().as_ref();
    if id == NEW_WINDOW {
        crate::desktop::open_window(app);
    } else if id == QUIT {
        tracing::info!("Quit chosen in the File menu");
        app.exit(0);
    } else if let Some(label) = id.strip_prefix(CLOSE_WINDOW) {
        // Closed as the window manager's close button would: the window's state is recorded,
        // and the app ends with its last window.
        match app.get_webview_window(label).map(|w| w.close()) {
            Some(Ok(())) => tracing::info!(window = %label, "Close Window chosen in the File menu"),
            Some(Err(e)) => tracing::warn!(window = %label, "could not close the window: {e}"),
            None => tracing::warn!(window = %label, "Close Window for a window that is gone"),
        }
    }
}
