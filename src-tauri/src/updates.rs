//! Updates: an app whose `tauri.conf.json` has a `plugins.updater` section (its public key,
//! built in, and its endpoints) checks them at start. A newer version is downloaded, its
//! signature verified against the built-in key, installed (a .deb or .rpm through the system's
//! package tools) and the app restarted in it. Anything refused (no answer, a bad signature, a
//! changed byte) is logged naming why, and the installed version goes on running.

use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::UpdaterExt;

/// Whether the app's config asks for updates.
pub fn configured<R: Runtime>(context: &tauri::Context<R>) -> bool {
    context
        .config()
        .plugins
        .0
        .get("updater")
        .is_some_and(|u| u.get("pubkey").is_some_and(|k| k.as_str().is_some_and(|k| !k.is_empty())))
}

/// tauri-plugin-updater, registered only for an app whose config has an updater section
/// (without its public key the plugin refuses to start).
pub fn plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R, tauri_plugin_updater::Config> {
    tauri_plugin_updater::Builder::new().build()
}

/// Checks for an update in the background and installs it; returns at once.
pub fn check_in_background<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let running = app.package_info().version.to_string();
        match update(&app).await {
            Ok(Some(version)) => {
                tracing::info!(from = %running, to = %version, "update installed: restarting");
                app.restart();
            }
            Ok(None) => tracing::info!(version = %running, "no update: this is the newest version"),
            Err(e) => tracing::error!(version = %running, "update refused, the installed version goes on: {e}"),
        }
    });
}

async fn update<R: Runtime>(app: &AppHandle<R>) -> Result<Option<String>, tauri_plugin_updater::Error> {
    let Some(update) = app.updater()?.check().await? else {
        return Ok(None);
    };
    tracing::info!(version = %update.version, "an update was found: downloading and verifying it");
    update.download_and_install(|_, _| {}, || {}).await?;
    Ok(Some(update.version))
}
