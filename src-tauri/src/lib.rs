//! deskdash: Dash-style data apps as desktop apps. This crate is the public facade
//! (`App::new(..).layout(..).callback(..).run(tauri::generate_context!())`, [`prelude`]) and
//! the shell: a Tauri plugin that maps windows to engine sessions, carries changes in and
//! patch batches out, and serves the embedded renderer.
//!
//! Each app owns its identity: its crate holds the Tauri config (identifier, product name,
//! window, CSP, bundle), its build script and its capabilities, and generates the Tauri
//! context itself. deskdash is composed into the app's own `tauri::Builder` as the
//! `deskdash` plugin, so an app can add any other plugin beside it.

mod codec;
mod commands;
mod desktop;
mod error;
pub mod figure;
#[cfg(test)]
mod fuzz;
mod keychain;
mod logging;
mod menu;
mod navigation;
mod protocol;
mod renderer;
mod scripts;
mod storage;
mod updates;
mod window_state;
mod windows;

pub use deskdash_engine as engine;
pub use error::{Result, ShellError};
pub use plotly;
pub use tauri;

use tauri::plugin::TauriPlugin;
use tauri::{Manager, Runtime};

/// Everything an app author needs: `use deskdash::prelude::*;`.
pub mod prelude {
    pub use crate::figure::{figure, Histogram2d, Histogram2dContour, RawTrace};
    pub use crate::{Result, Run};
    pub use deskdash_engine::table::{FilterQuery, SortBy};
    pub use deskdash_engine::testing::TestApp;
    pub use deskdash_engine::*;
    pub use plotly;
    pub use serde_json::{json, Value};
}

/// Runs an app as a desktop window: `app.run(tauri::generate_context!())`, the context
/// generated in the app's own crate from the `tauri.conf.json` beside its `Cargo.toml`.
pub trait Run {
    fn run(self, context: tauri::Context) -> Result<()>;
}

impl Run for deskdash_engine::App {
    fn run(self, context: tauri::Context) -> Result<()> {
        let mut builder = tauri::Builder::default().plugin(store_plugin()).plugin(dialog_plugin()).plugin(plugin(self)?);
        if updates::configured(&context) {
            builder = builder.plugin(updates::plugin()).setup(|app| {
                updates::check_in_background(app.handle());
                Ok(())
            });
        }
        builder.run(with_renderer(context))?;
        Ok(())
    }
}

/// WebKitGTK's DMA-BUF renderer makes every IPC round trip wait on the compositor; measured
/// here, one click's round trip halves without it (the usual Tauri-on-Linux setting). Runs
/// before GTK starts and any thread exists, and leaves a value the user set alone.
fn prefer_fast_webkit_paths() {
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_DMABUF_RENDERER").is_none() {
        std::env::set_var("WEBKIT_DISABLE_DMABUF_RENDERER", "1");
    }
}

/// The deskdash plugin for an app's own `tauri::Builder` (registration errors are returned
/// here, naming what is wrong). Pair it with [`with_renderer`] on the context:
///
/// ```no_run
/// # use deskdash::prelude::*;
/// # fn main() -> deskdash::Result<()> {
/// # let app = App::new("x").layout(div(()));
/// # let context: deskdash::tauri::Context = unimplemented!();
/// deskdash::tauri::Builder::default()
///     .plugin(deskdash::store_plugin())
///     .plugin(deskdash::dialog_plugin())
///     .plugin(deskdash::plugin(app)?)
///     // .plugin(any_other_tauri_plugin::init())
///     .run(deskdash::with_renderer(context))?;
/// # Ok(())
/// # }
/// ```
/// Call it before the builder runs: it sets WebKit's environment before GTK starts.
pub fn plugin<R: Runtime>(app: deskdash_engine::App) -> Result<TauriPlugin<R>> {
    let spec = app.build().map_err(ShellError::Registration)?;
    prefer_fast_webkit_paths();
    let title = spec.name.clone();
    let window_menu = spec.window_menu;
    let scripts = spec.clone();
    Ok(tauri::plugin::Builder::new("deskdash")
        .invoke_handler(tauri::generate_handler![
            commands::connect,
            commands::apply_changes,
            commands::clientside_result,
            commands::remember_theme
        ])
        .setup(move |app, _api| {
            logging::init(app.path().app_log_dir().ok().as_deref());
            tracing::info!(identifier = %app.config().identifier, version = %app.package_info().version, data = ?app.path().app_data_dir().ok(), "{} started", spec.name);
            let stores = storage::open(app.path().app_data_dir().ok().as_deref(), spec.max_store_bytes);
            if let Some(auth) = &spec.auth {
                auth.connect(keychain::open(&app.config().identifier));
            }
            if spec.window_menu {
                app.on_menu_event(|app, event| menu::handle(app, &event));
            }
            app.manage(windows::Windows::new(spec, stores));
            Ok(())
        })
        .on_navigation(|_webview, url| navigation::on_navigation(url))
        .register_uri_scheme_protocol(scripts::SCHEME, move |_ctx, request| scripts::respond(&scripts, request.uri().path()))
        .on_window_ready(move |window| {
            if let Err(e) = window.set_title(&title) {
                tracing::warn!(window = %window.label(), "could not set the window title: {e}");
            }
            window_state::restore(&window);
            if window_menu {
                menu::attach(&window);
            }
        })
        .on_event(|app, event| {
            if let tauri::RunEvent::WindowEvent { label, event, .. } = event {
                if let Some(window) = app.get_webview_window(label) {
                    window_state::record(&window.as_ref().window(), event);
                }
            }
        })
        .build())
}

/// tauri-plugin-dialog, which shows the file dialogs a callback asks for through its
/// `Desktop` argument (from Rust only: no capability grants the webview its commands):
/// register it beside [`plugin`].
pub fn dialog_plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_dialog::init()
}

/// tauri-plugin-store, which keeps each window's size and position and the theme
/// (`window-state.json` in the app data directory): register it beside [`plugin`].
pub fn store_plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_store::Builder::new().build()
}

/// The app's context with deskdash's embedded renderer as its frontend (the app's config
/// names no `frontendDist`: every deskdash app draws with the same renderer).
pub fn with_renderer<R: Runtime>(mut context: tauri::Context<R>) -> tauri::Context<R> {
    context.set_assets(Box::new(renderer::assets()));
    context
}
