//! The app's theme, set from Rust: Mantine's theme overrides (primary colour, font, radius,
//! spacing, any other key of Mantine's theme object) and the colour scheme a window starts in.
//! A user's own choice of light or dark (the window's toggle) is remembered over it.

use serde::Serialize;
use serde_json::{Map, Value};

/// The colour scheme a window starts in before the user picks one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum ColorScheme {
    #[default]
    Light,
    Dark,
    /// The desktop's light or dark preference.
    Auto,
}

/// Mantine theme overrides, merged over deskdash's default theme (Inter, indigo, an 8 px
/// spacing scale): `Theme::new().primary_color("teal").default_radius("sm")`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Theme {
    overrides: Map<String, Value>,
    color_scheme: ColorScheme,
}

impl Theme {
    pub fn new() -> Self {
        Self::default()
    }

    /// One of Mantine's colours ("teal", "grape", ...) or one the theme defines in `colors`.
    pub fn primary_color(self, color: &str) -> Self {
        self.set("primaryColor", color)
    }

    /// The font of text and headings; it must be installed or bundled (Inter is).
    pub fn font_family(self, family: &str) -> Self {
        let with_headings = self.set("fontFamily", family);
        with_headings.set("headings", serde_json::json!({ "fontFamily": family }))
    }

    /// The radius components use unless told otherwise: "xs" to "xl", or a CSS length.
    pub fn default_radius(self, radius: &str) -> Self {
        self.set("defaultRadius", radius)
    }

    /// The spacing scale, "xs" to "xl", as CSS lengths.
    pub fn spacing(self, scale: [&str; 5]) -> Self {
        let keys = ["xs", "sm", "md", "lg", "xl"];
        let scale: Map<String, Value> = keys.iter().zip(scale).map(|(k, v)| (k.to_string(), Value::from(v))).collect();
        self.set("spacing", Value::Object(scale))
    }

    pub fn color_scheme(mut self, scheme: ColorScheme) -> Self {
        self.color_scheme = scheme;
        self
    }

    /// Any key of Mantine's theme object (`colors`, `fontSizes`, `black`, ...).
    pub fn set(mut self, key: &str, value: impl Serialize) -> Self {
        self.overrides.insert(key.to_string(), serde_json::to_value(value).unwrap_or(Value::Null));
        self
    }

    /// The overrides as the renderer merges them into its theme.
    pub fn overrides(&self) -> Value {
        Value::Object(self.overrides.clone())
    }

    pub fn scheme(&self) -> ColorScheme {
        self.color_scheme
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn builders_write_mantines_theme_keys() {
        let theme = Theme::new().primary_color("teal").font_family("Inter").default_radius("sm").color_scheme(ColorScheme::Auto);
        assert_eq!(
            theme.overrides(),
            json!({"primaryColor": "teal", "fontFamily": "Inter", "headings": {"fontFamily": "Inter"}, "defaultRadius": "sm"})
        );
        assert_eq!(theme.scheme(), ColorScheme::Auto);
        assert_eq!(serde_json::to_value(ColorScheme::Auto).unwrap(), json!("auto"));
    }
}
