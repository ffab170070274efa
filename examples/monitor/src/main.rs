//! This machine's CPU and memory, live: a background task samples /proc ten times a second
//! and pushes the figures to the window (`App::task`), with no `interval` and no polling from
//! the page. The chart shows the last 30 seconds. Run: `cargo run -p monitor`.

mod sample;

use deskdash::prelude::*;
use sample::{History, Sampler};
use std::time::Duration;

/// How often the task samples and pushes.
const PERIOD: Duration = Duration::from_millis(100);

fn figure(history: &History) -> Value {
    let trace = |name: &str, values: &[f64], color: &str| {
        json!({"type": "scatter", "mode": "lines", "name": name, "x": history.seconds(), "y": values,
               "line": {"color": color, "width": 2}, "hovertemplate": "%{y:.1f}%<extra>%{fullData.name}</extra>"})
    };
    json!({
        "data": [trace("CPU", history.cpu(), "#4c6ef5"), trace("Memory", history.memory(), "#20c997")],
        "layout": {"yaxis": {"range": [0, 100], "ticksuffix": "%"}, "xaxis": {"title": {"text": "seconds ago"}, "autorange": "reversed"},
                   "margin": {"t": 16}, "legend": {"orientation": "h"}, "uirevision": "keep"}
    })
}

fn percent(v: f64) -> String {
    format!("{v:.1}%")
}

/// Samples /proc every PERIOD and pushes the figures, until the window closes.
async fn watch(push: Pusher) {
    let mut sampler = Sampler::new();
    let mut history = History::new(300);
    let mut ticks = tokio::time::interval(PERIOD);
    loop {
        ticks.tick().await;
        match sampler.sample() {
            Ok(now) => {
                history.push(now);
                let sent = push
                    .set("cpu-now", "children", percent(now.cpu))
                    .and_then(|()| push.set("memory-now", "children", percent(now.memory)))
                    .and_then(|()| push.set("samples", "children", history.len()))
                    .and_then(|()| push.set("history", "figure", figure(&history)));
                if sent.is_err() {
                    return;
                }
            }
            Err(reason) => {
                let _ = push.set("status", "children", format!("No figures: {reason}"));
                return;
            }
        }
    }
}

fn stat(label: &str, id: &str, color: &str) -> Component {
    dmc::card((dmc::text(label).size("sm").c("dimmed"), dmc::title(2, "—").id(id).c(color))).with_border()
}

fn layout() -> Component {
    dmc::container(dmc::stack((
        dmc::group((dmc::icon("tabler:activity").width(28), dmc::title(2, "This machine"))).gap("sm"),
        dmc::text("Pushed from Rust ten times a second by a background task: no interval, no polling.").c("dimmed"),
        dmc::simple_grid((
            stat("CPU", "cpu-now", "indigo"),
            stat("Memory", "memory-now", "teal"),
            dmc::card((dmc::text("Samples shown").size("sm").c("dimmed"), dmc::title(2, "0").id("samples"))).with_border(),
        ))
        .cols(3),
        dmc::card(graph("history").figure(json!({"data": [], "layout": {}})).height(360)).with_border(),
        dmc::text("").id("status").c("red"),
    )))
    .prop("size", 860)
    .py("lg")
}

fn app() -> App {
    App::new("Monitor").layout(layout()).task(watch)
}

fn main() -> deskdash::Result<()> {
    app().run(tauri::generate_context!())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_task_fills_the_figures_with_no_input() -> deskdash::Result<()> {
        let t = TestApp::start(app()).await?;
        let mut shown = Value::Null;
        for _ in 0..50 {
            tokio::time::sleep(PERIOD).await;
            shown = t.get("samples", "children").await;
            if shown.as_u64().is_some_and(|n| n >= 3) {
                break;
            }
        }
        assert!(shown.as_u64().is_some_and(|n| n >= 3), "samples pushed: {shown}");
        let cpu = t.get("cpu-now", "children").await;
        assert!(cpu.as_str().is_some_and(|s| s.ends_with('%')), "{cpu}");
        let figure = t.get("history", "figure").await;
        assert_eq!(figure["data"][0]["name"], json!("CPU"));
        Ok(())
    }
}
