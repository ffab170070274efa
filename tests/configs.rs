//! Every example is its own app, started from the root template: its own identifier and
//! product name, the template's security settings (CSP and all), and a capability that
//! grants the window deskdash's commands and nothing else.

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn examples() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .map(|d| d.flatten().map(|e| e.path()).filter(|p| p.join("Cargo.toml").exists()).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs
}

#[test]
fn every_example_has_its_own_identity_and_the_templates_security() {
    let template = json(&root().join("tauri.conf.json"));
    let examples = examples();
    assert!(examples.len() >= 3, "the examples are found: {examples:?}");
    let mut identifiers = Vec::new();
    for dir in &examples {
        let config = json(&dir.join("tauri.conf.json"));
        let name = dir.display();
        let identifier = config["identifier"].as_str().unwrap_or_default().to_string();
        assert!(identifier.starts_with("dev.deskdash."), "{name}: identifier {identifier:?}");
        assert_ne!(config["productName"], template["productName"], "{name} has its own product name");
        assert_eq!(config["app"]["security"], template["app"]["security"], "{name} keeps the template's security settings");
        assert!(config["build"]["frontendDist"].is_null(), "{name}: deskdash serves the renderer");
        assert!(dir.join("build.rs").exists() && dir.join("icons/icon.png").exists(), "{name} has its build script and icon");
        let capability = json(&dir.join("capabilities/default.json"));
        assert_eq!(capability["permissions"], serde_json::json!(["deskdash:default"]), "{name} grants deskdash's commands only");
        identifiers.push(identifier);
    }
    let mut unique = identifiers.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), identifiers.len(), "no two examples share an identifier: {identifiers:?}");
}
