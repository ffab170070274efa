//! The renderer's files, embedded in the binary by the build script and served to every
//! window of the app in place of the app's own (empty) frontend.

use std::borrow::Cow;
use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{Assets, Runtime};

static FILES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/renderer_assets.rs"));

/// Shown when the binary was built before the renderer was.
const NOT_BUILT: &[u8] = b"<!doctype html><meta charset=utf-8><title>deskdash</title>\
<p style=\"font:16px sans-serif;padding:32px\">The deskdash renderer was not built when this app was compiled. \
Build it (<code>./run test</code>, or <code>npm run build</code> in <code>ui/</code>) and rebuild the app.</p>";

/// The embedded renderer as Tauri's asset provider.
pub struct Renderer;

impl Renderer {
    fn find(path: &str) -> Option<&'static [u8]> {
        FILES.binary_search_by(|(p, _)| (*p).cmp(path)).ok().map(|i| FILES[i].1)
    }
}

impl<R: Runtime> Assets<R> for Renderer {
    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        match Self::find(key.as_ref()) {
            Some(bytes) => Some(Cow::Borrowed(bytes)),
            None if FILES.is_empty() && key.as_ref() == "/index.html" => Some(Cow::Borrowed(NOT_BUILT)),
            None => None,
        }
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(FILES.iter().map(|(path, bytes)| (Cow::Borrowed(*path), Cow::Borrowed(*bytes))))
    }

    /// The built page has no inline script or style to allow by hash: Vite emits files.
    fn csp_hashes(&self, _html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_so_lookups_find_every_file() {
        assert!(FILES.windows(2).all(|w| w[0].0 < w[1].0));
        for (path, bytes) in FILES {
            assert_eq!(Renderer::find(path), Some(*bytes));
        }
    }

    #[test]
    fn the_built_renderer_is_embedded() {
        let index = Renderer::find("/index.html").map(String::from_utf8_lossy).unwrap_or_default();
        assert!(index.contains("<script"), "index.html is embedded and loads the renderer: {index}");
    }
}
