//! Figures for `graph` components, built with the `plotly` crate. Trace types the crate lacks
//! (histogram2d, histogram2dcontour) are typed here; anything else can ride as raw JSON
//! beside typed traces with [`RawTrace`].

use serde::Serialize;
use serde_json::Value;

/// Any trace as plotly.js JSON, added to a `plotly::Plot` next to typed traces.
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct RawTrace(pub Value);

impl RawTrace {
    pub fn new(trace: Value) -> Box<Self> {
        Box::new(RawTrace(trace))
    }
}

impl plotly::Trace for RawTrace {
    fn to_json(&self) -> String {
        self.0.to_string()
    }
}

macro_rules! density_trace {
    ($name:ident, $kind:literal, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Serialize, Default)]
        pub struct $name {
            #[serde(rename = "type")]
            kind: &'static str,
            x: Vec<f64>,
            y: Vec<f64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            nbinsx: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            nbinsy: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            colorscale: Option<Value>,
            #[serde(skip_serializing_if = "Option::is_none")]
            showscale: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            reversescale: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            ncontours: Option<u32>,
            #[serde(skip_serializing_if = "Option::is_none")]
            xaxis: Option<String>,
            #[serde(skip_serializing_if = "Option::is_none")]
            yaxis: Option<String>,
        }

        impl $name {
            pub fn new(x: Vec<f64>, y: Vec<f64>) -> Box<Self> {
                Box::new($name { kind: $kind, x, y, ..Default::default() })
            }
            pub fn name(mut self: Box<Self>, name: &str) -> Box<Self> {
                self.name = Some(name.to_string());
                self
            }
            pub fn nbins(mut self: Box<Self>, x: u32, y: u32) -> Box<Self> {
                self.nbinsx = Some(x);
                self.nbinsy = Some(y);
                self
            }
            /// A plotly colorscale name ("Blues") or a list of `[position, colour]` pairs.
            pub fn colorscale(mut self: Box<Self>, scale: impl Serialize) -> Box<Self> {
                self.colorscale = serde_json::to_value(scale).ok();
                self
            }
            pub fn show_scale(mut self: Box<Self>, show: bool) -> Box<Self> {
                self.showscale = Some(show);
                self
            }
            pub fn reverse_scale(mut self: Box<Self>, reverse: bool) -> Box<Self> {
                self.reversescale = Some(reverse);
                self
            }
            pub fn contours(mut self: Box<Self>, n: u32) -> Box<Self> {
                self.ncontours = Some(n);
                self
            }
        }

        impl plotly::Trace for $name {
            fn to_json(&self) -> String {
                serde_json::to_string(self).unwrap_or_default()
            }
        }
    };
}

density_trace!(Histogram2d, "histogram2d", "A 2D histogram (point density as a heat map).");
density_trace!(Histogram2dContour, "histogram2dcontour", "A 2D histogram drawn as contours.");

/// The JSON a `graph`'s `figure` property takes, from a `plotly::Plot`.
pub fn figure(plot: &plotly::Plot) -> Value {
    let mut v = serde_json::to_value(plot).unwrap_or(Value::Null);
    // The window's renderer owns the config (offline, no logo link); keep data and layout.
    if let Value::Object(m) = &mut v {
        m.remove("config");
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn typed_and_raw_traces_sit_beside_plotly_traces() {
        let mut plot = plotly::Plot::new();
        plot.add_trace(plotly::Scatter::new(vec![1.0, 2.0], vec![3.0, 4.0]).name("s"));
        plot.add_trace(Histogram2d::new(vec![1.0], vec![2.0]).nbins(10, 20).colorscale("Blues"));
        plot.add_trace(Histogram2dContour::new(vec![1.0], vec![2.0]).contours(8));
        plot.add_trace(RawTrace::new(json!({"type": "violin", "y": [1, 2]})));
        let fig = figure(&plot);
        let kinds: Vec<&str> = fig["data"].as_array().into_iter().flatten().filter_map(|t| t["type"].as_str()).collect();
        assert_eq!(kinds, vec!["scatter", "histogram2d", "histogram2dcontour", "violin"]);
        assert_eq!(fig["data"][1]["nbinsy"], json!(20));
        assert!(fig.get("config").is_none());
    }
}
