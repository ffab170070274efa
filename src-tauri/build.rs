//! Lists deskdash's IPC commands (each gets an `allow-<command>` permission that the
//! capabilities in `capabilities/` grant) and reads the demo config at the repository root.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(&["connect", "apply_changes"]));
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
