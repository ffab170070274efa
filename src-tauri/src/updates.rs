//! Updates: an app whose `tauri.conf.json` has a `plugins.updater` section (its public key,
//! built in, and its endpoints) checks them at start. A newer version is downloaded, its
//! signature verified against the built-in key, installed (a .deb or .rpm through the system's
//! package tools) and the app restarted in it, whose windows then say it was updated. Anything
//! refused is logged naming why, and the installed version goes on running; an update that
//! was found but refused (a bad signature, a changed byte, an install that failed) is also
//! told in every window. An endpoint that does not answer is only logged: offline is normal.

use crate::protocol::Notice;
use crate::windows::Windows;
use tauri::{AppHandle, Manager, Runtime};
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

/// Says in every window that the app was updated, when the version that ran last is older
/// than this one; then checks for an update in the background and installs it. Returns at
/// once.
pub fn check_in_background<R: Runtime>(app: &AppHandle<R>) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let running = app.package_info().version.to_string();
        if let Some(before) = crate::window_state::swap_last_version(&app, &running) {
            if is_older(&before, &app.package_info().version) {
                tracing::info!(from = %before, to = %running, "running an updated version");
                tell_windows(
                    &app,
                    Notice::updated(format!("{} was updated from {before} to {running}.", app.package_info().name)),
                );
            }
        }
        match update(&app).await {
            Ok(None) => tracing::info!(version = %running, "no update: this is the newest version"),
            Ok(Some(version)) => {
                tracing::info!(from = %running, to = %version, "update installed: restarting");
                app.restart();
            }
            // Being offline is normal for a desktop app: no update was found, none was refused.
            Err(UpdateFailure::Check(e)) => {
                tracing::warn!(version = %running, "no update check: the update endpoint gave no usable answer ({e}); the installed version goes on")
            }
            Err(UpdateFailure::Install { version, error }) => {
                tracing::error!(version = %running, found = %version, "update refused, the installed version goes on: {error}");
                tell_windows(
                    &app,
                    Notice::update_refused(format!(
                        "Version {version} was found but not installed: {error}. This version ({running}) goes on working."
                    )),
                );
            }
        }
    });
}

fn is_older(before: &str, running: &semver::Version) -> bool {
    semver::Version::parse(before).is_ok_and(|before| &before < running)
}

fn tell_windows<R: Runtime>(app: &AppHandle<R>, notice: Notice) {
    match app.try_state::<Windows>() {
        Some(windows) => windows.notify(notice),
        None => tracing::warn!("no window to tell: {}", notice.message),
    }
}

/// Why no update was installed: the check itself failed (no answer, a bad manifest), or a
/// version was found and then refused.
enum UpdateFailure {
    Check(tauri_plugin_updater::Error),
    Install { version: String, error: tauri_plugin_updater::Error },
}

async fn update<R: Runtime>(app: &AppHandle<R>) -> Result<Option<String>, UpdateFailure> {
    let checked = async { app.updater()?.check().await };
    let Some(update) = checked.await.map_err(UpdateFailure::Check)? else {
        return Ok(None);
    };
    tracing::info!(version = %update.version, "an update was found: downloading and verifying it");
    match update.download_and_install(|_, _| {}, || {}).await {
        Ok(()) => Ok(Some(update.version)),
        Err(error) => Err(UpdateFailure::Install { version: update.version, error }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_newer_version_than_the_last_run_is_an_update() -> Result<(), semver::Error> {
        let running = semver::Version::parse("0.1.1")?;
        assert!(is_older("0.1.0", &running));
        assert!(!is_older("0.1.1", &running), "the same version again");
        assert!(!is_older("0.2.0", &running), "a downgrade is no update");
        assert!(!is_older("not a version", &running));
        Ok(())
    }
}
