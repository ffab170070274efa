//! Generates this app's Tauri context from the `tauri.conf.json` beside `Cargo.toml` (its
//! identifier, window, CSP and bundle) and resolves `capabilities/` against the permissions
//! of the plugins it uses (deskdash's among them). Embeds the app's own component bundle
//! (`components/dist/components.js`, built by `./run`), or, when it was not built, a script
//! that says so in the window.

use std::path::PathBuf;

const NOT_BUILT: &str = "window.deskdash.reportError('The gallery\\'s own components were not built when this app was compiled: \
run ./run test (or, in ui/, DESKDASH_COMPONENTS=../examples/gallery/components npm run build:components) and rebuild.');\n";

fn embed_components() -> Result<(), Box<dyn std::error::Error>> {
    let built = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("components/dist/components.js");
    println!("cargo:rerun-if-changed={}", built.display());
    let script = match std::fs::read_to_string(&built) {
        Ok(script) => script,
        Err(_) => {
            println!(
                "cargo:warning=the gallery's components are not built ({} is missing): the window will say so",
                built.display()
            );
            NOT_BUILT.to_string()
        }
    };
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR")?).join("components.js"), script)?;
    Ok(())
}

fn main() {
    if let Err(e) = embed_components() {
        println!("cargo:warning=could not embed the gallery's components: {e}");
    }
    tauri_build::build();
}
