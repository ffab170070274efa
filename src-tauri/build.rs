//! deskdash is composed into each app as a Tauri plugin: this lists its IPC commands (each
//! gets an `allow-<command>` permission; `permissions/default.toml` groups them as
//! `deskdash:default`, which an app's capability grants), and embeds the renderer.
//!
//! The renderer (`ui/dist`) is embedded here, in a build script, rather than by the app's
//! `generate_context!`: every app shares it, and a build script reruns whenever the built
//! renderer changes, so no binary ever serves a stale one.

use std::path::PathBuf;
use tauri_codegen::embedded_assets::{AssetOptions, EmbeddedAssets};

const COMMANDS: &[&str] = &["connect", "apply_changes", "clientside_result", "remember_theme"];

/// Shown when the binary was built before the renderer was.
const NOT_BUILT: &str = "<!doctype html><meta charset=utf-8><title>deskdash</title>\
<p style=\"font:16px sans-serif;padding:32px\">The deskdash renderer was not built when this app was compiled. \
Build it (<code>./run test</code>, or <code>npm run build</code> in <code>ui/</code>) and rebuild the app.</p>";

/// Writes `renderer_assets.rs`: the built renderer, brotli-compressed the way Tauri embeds a
/// frontend (the runtime decompresses on request), as an `EmbeddedAssets` expression.
fn embed_renderer() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = PathBuf::from(std::env::var("OUT_DIR")?);
    let dist = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../ui/dist");
    println!("cargo:rerun-if-changed={}", dist.display());
    let source = if dist.join("index.html").exists() {
        dist
    } else {
        println!("cargo:warning=the renderer is not built ({} is missing): windows will say so. Run `./run test` or `cd ui && npm run build`.", dist.display());
        let fallback = out_dir.join("renderer-not-built");
        std::fs::create_dir_all(&fallback)?;
        std::fs::write(fallback.join("index.html"), NOT_BUILT)?;
        fallback
    };
    let assets = EmbeddedAssets::new(source, &AssetOptions::default(), |_, _, _, _| Ok(()))?;
    std::fs::write(out_dir.join("renderer_assets.rs"), quote::ToTokens::to_token_stream(&assets).to_string())?;
    Ok(())
}

fn main() {
    tauri_plugin::Builder::new(COMMANDS).build();
    if let Err(e) = embed_renderer() {
        eprintln!("embedding the renderer failed: {e}");
        std::process::exit(1);
    }
}
