//! Where a window may go: it stays on the app's own pages; a link to the web opens in the
//! system browser instead of replacing the app inside its window; anything else is refused.

use tauri::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Navigation {
    /// The app's own renderer (`tauri://localhost`, or `http://tauri.localhost` on some
    /// platforms).
    Stay,
    /// A web or mail link: handed to the system's browser or mail client.
    OpenOutside,
    /// Anything else (`file:`, `javascript:`, a custom scheme).
    Refuse,
}

pub fn decide(url: &Url) -> Navigation {
    match (url.scheme(), url.host_str()) {
        ("tauri", Some("localhost")) | ("http" | "https", Some("tauri.localhost")) => Navigation::Stay,
        ("http" | "https" | "mailto", _) => Navigation::OpenOutside,
        _ => Navigation::Refuse,
    }
}

/// The plugin's navigation hook: true lets the webview go on.
pub fn on_navigation(url: &Url) -> bool {
    match decide(url) {
        Navigation::Stay => true,
        Navigation::OpenOutside => {
            tracing::info!(url = %url, "opening outside the app");
            if let Err(e) = open::that_detached(url.as_str()) {
                tracing::warn!(url = %url, "could not open it: {e}");
            }
            false
        }
        Navigation::Refuse => {
            tracing::warn!(url = %url, "navigation refused");
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decided(url: &str) -> Navigation {
        Url::parse(url).map(|u| decide(&u)).unwrap_or(Navigation::Refuse)
    }

    #[test]
    fn the_app_stays_and_the_web_opens_outside() {
        assert_eq!(decided("tauri://localhost/index.html"), Navigation::Stay);
        assert_eq!(decided("http://tauri.localhost/report"), Navigation::Stay);
        assert_eq!(decided("https://plotly.com/dash/"), Navigation::OpenOutside);
        assert_eq!(decided("mailto:team@example.com"), Navigation::OpenOutside);
        assert_eq!(decided("file:///etc/passwd"), Navigation::Refuse);
        assert_eq!(decided("javascript:alert(1)"), Navigation::Refuse);
        assert_eq!(decided("https://localhost.evil.example/"), Navigation::OpenOutside);
    }
}
