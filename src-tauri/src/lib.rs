//! deskdash: Dash-style data apps as desktop apps. This crate is the public facade
//! (`App::new(..).layout(..).callback(..).run()`, [`prelude`]) and the Tauri shell that maps
//! windows to engine sessions, carries changes in and patch batches out, and embeds the
//! renderer.

mod codec;
mod commands;
mod error;
pub mod figure;
mod logging;
mod windows;

pub use deskdash_engine as engine;
pub use error::{Result, ShellError};
pub use plotly;

use tauri::Manager;

/// Everything an app author needs: `use deskdash::prelude::*;`.
pub mod prelude {
    pub use crate::figure::{figure, Histogram2d, Histogram2dContour, RawTrace};
    pub use crate::{Result, Run};
    pub use deskdash_engine::testing::TestApp;
    pub use deskdash_engine::*;
    pub use plotly;
    pub use serde_json::{json, Value};
}

/// Runs an app as a desktop window (`App::new(..)...run()`).
pub trait Run {
    fn run(self) -> Result<()>;
}

impl Run for deskdash_engine::App {
    fn run(self) -> Result<()> {
        run_app(self)
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

/// Builds the app (registration errors are returned, naming what is wrong) and runs the
/// window until it is closed.
pub fn run_app(app: deskdash_engine::App) -> Result<()> {
    let spec = app.build().map_err(ShellError::Registration)?;
    prefer_fast_webkit_paths();
    let title = spec.name.clone();
    tauri::Builder::default()
        .manage(windows::Windows::new(spec))
        .setup(move |app| {
            logging::init(app.path().app_log_dir().ok().as_deref());
            if let Some(window) = app.get_webview_window("main") {
                window.set_title(&title)?;
            }
            tracing::info!("{title} started");
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![commands::connect, commands::apply_changes, commands::clientside_result])
        .run(tauri::tauri_build_context!())?;
    Ok(())
}
