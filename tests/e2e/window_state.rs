//! What the app remembers of its windows across a restart (tauri-plugin-store,
//! `window-state.json` in the app data directory): the light/dark theme and a window's size.

use super::{app_data_dir, identifier_of};
use crate::harness::Window;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_theme_and_the_window_size_come_back_after_a_restart() {
    let dir = app_data_dir(&identifier_of("hello"));
    let _ = std::fs::remove_file(dir.join("window-state.json"));
    let w = Window::launch("hello", "window-state").await;
    let scheme = "return document.documentElement.getAttribute('data-mantine-color-scheme')";
    assert_eq!(w.js(scheme).await, "light", "a first start is light");
    w.click("dd-scheme-toggle").await;
    w.wait_js(&format!("{scheme} === 'dark'"), 10).await;
    w.client.set_window_size(1000, 720).await.expect("resize the window");
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    let before = w.js("return [window.innerWidth, window.innerHeight]").await;
    let configured = serde_json::json!([960, 700]);
    assert_ne!(before, configured, "the window was resized away from its configured size");
    w.close().await;

    let saved = std::fs::read_to_string(dir.join("window-state.json")).expect("window-state.json written");
    assert!(saved.contains("\"theme\"") && saved.contains("dark"), "{saved}");
    let w = Window::launch("hello", "window-state").await;
    w.wait_js(&format!("{scheme} === 'dark'"), 10).await;
    let after = w.js("return [window.innerWidth, window.innerHeight]").await;
    assert_eq!(after, before, "the window opens at the size it was closed at ({saved})");
    w.screenshot("dark-after-restart").await;
    w.click("dd-scheme-toggle").await;
    w.wait_js(&format!("{scheme} === 'light'"), 10).await;
    w.close().await;
}
