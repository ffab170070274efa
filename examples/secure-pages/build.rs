//! Generates this app's Tauri context from the `tauri.conf.json` beside `Cargo.toml` (its
//! identifier, window, CSP and bundle) and resolves `capabilities/` against the permissions
//! of the plugins it uses (deskdash's among them).

fn main() {
    tauri_build::build();
}
