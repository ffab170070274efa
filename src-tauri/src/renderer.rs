//! The renderer's files, embedded in the binary by the build script (compressed, as Tauri
//! embeds a frontend) and served to every window of the app in place of the app's own
//! frontend, which its config leaves empty.

use tauri::utils::assets::EmbeddedAssets;

/// The embedded renderer, as Tauri's asset provider.
pub fn assets() -> EmbeddedAssets {
    include!(concat!(env!("OUT_DIR"), "/renderer_assets.rs"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tauri::utils::assets::AssetKey;

    #[test]
    fn the_built_renderer_is_embedded_and_decompresses() {
        let assets = assets();
        let index =
            assets.get(&AssetKey::from("/index.html")).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        assert!(index.contains("<script"), "index.html is embedded and loads the renderer: {index}");
        let scripts: Vec<String> = assets.iter().map(|(path, _)| path.into_owned()).filter(|p| p.ends_with(".js")).collect();
        assert!(scripts.iter().any(|p| p.contains("plotly")), "plotly.js ships inside: {scripts:?}");
    }
}
