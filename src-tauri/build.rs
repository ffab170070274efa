//! Lists deskdash's IPC commands (each gets an `allow-<command>` permission that the
//! capabilities in `capabilities/` grant), reads the demo config at the repository root, and
//! embeds the renderer (`ui/dist`) here rather than in `generate_context!`: a build script
//! reruns when the renderer is rebuilt, a macro only when this crate's Rust changes, which
//! would leave a binary serving a stale renderer.

fn main() {
    let attributes = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .app_manifest(tauri_build::AppManifest::new().commands(&["connect", "apply_changes", "clientside_result"]))
        .codegen(tauri_build::CodegenContext::new());
    if let Err(e) = tauri_build::try_build(attributes) {
        eprintln!("tauri build step failed: {e:#}");
        std::process::exit(1);
    }
}
