//! deskdash is composed into each app as a Tauri plugin: this lists its IPC commands (each
//! gets an `allow-<command>` permission; `permissions/default.toml` groups them as
//! `deskdash:default`, which an app's capability grants), and embeds the renderer.
//!
//! The renderer (`ui/dist`) is embedded here, in a build script, rather than by the app's
//! `generate_context!`: every app shares it, and a build script reruns whenever the built
//! renderer changes, so no binary ever serves a stale one.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const COMMANDS: &[&str] = &["connect", "apply_changes", "clientside_result"];

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files_under(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Writes `renderer_assets.rs`: a sorted table of `(url path, bytes)` for every built file.
fn embed_renderer() -> Result<(), Box<dyn std::error::Error>> {
    let dist = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../ui/dist");
    println!("cargo:rerun-if-changed={}", dist.display());
    let mut files = Vec::new();
    if dist.join("index.html").exists() {
        files_under(&dist, &mut files)?;
    } else {
        println!("cargo:warning=the renderer is not built ({} is missing): windows will say so. Run `./run test` or `cd ui && npm run build`.", dist.display());
    }
    files.sort();
    let mut table = String::from("&[\n");
    for file in &files {
        let url = file.strip_prefix(&dist)?.to_string_lossy().replace('\\', "/");
        writeln!(table, "    ({:?}, include_bytes!({:?})),", format!("/{url}"), file.canonicalize()?)?;
    }
    table.push(']');
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("renderer_assets.rs");
    std::fs::write(out, table)?;
    Ok(())
}

fn main() {
    tauri_plugin::Builder::new(COMMANDS).build();
    if let Err(e) = embed_renderer() {
        eprintln!("embedding the renderer failed: {e}");
        std::process::exit(1);
    }
}
