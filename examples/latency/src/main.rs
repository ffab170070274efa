//! The same component ids and callbacks as the Dash reference app used by the bench
//! (`../shared/bench/dash/app.py`), so both can be measured side by side:
//! `#btn -> #out` (one callback), `#chain-btn -> #c1..#c5` (a chain of 5), `#fan-btn ->
//! #f0..#f49` (50 callbacks on one input), `#fig-n + #fig-btn -> #fig` (scattergl of N
//! points), and `#big-btn -> #big-out` reading a 100,000-row (5 MB) store as State. Beside
//! it, `#small-btn -> #small-out` reads a 100-row (5 KB) store the same way: a store's data
//! stays in Rust and is read in place, so both cost the same. `#push-btn` starts a flood of
//! pushes to `#push-out` for `#push-secs` seconds (the push path's sustained rate, coalesced),
//! then writes how many values were pushed to `#push-done`.
//! Run: `cargo run -p latency`.

use deskdash::prelude::*;
use plotly::common::{Marker, Mode};
use plotly::{Layout, Plot, Scatter};
use rand::SeedableRng;
use rand_distr::{Distribution, StandardNormal};

fn rows(n: u64) -> Vec<Value> {
    (0..n).map(|i| json!({"id": i, "label": format!("item-{i:06}"), "value": ((i * 7919 % 100_000) as f64 / 1000.0)})).collect()
}

fn one(n: u64) -> String {
    format!("clicks {n}")
}

fn c1(n: u64) -> String {
    n.to_string()
}

fn ci(v: Value) -> Value {
    v
}

fn fi(n: u64) -> String {
    n.to_string()
}

fn fig(_n: u64, points: f64) -> CallbackResult<Value> {
    if !(1.0..=5_000_000.0).contains(&points) {
        return Err(CallbackError::msg(format!("fig-n must be between 1 and 5,000,000, got {points}")));
    }
    let mut rng = rand::rngs::StdRng::seed_from_u64(0);
    let mut draw = || -> Vec<f64> { (0..points as usize).map(|_| StandardNormal.sample(&mut rng)).collect() };
    let (x, y) = (draw(), draw());
    let mut plot = Plot::new();
    plot.add_trace(Scatter::new(x, y).mode(Mode::Markers).web_gl_mode(true).marker(Marker::new().size(2)));
    plot.set_layout(Layout::new().title(format!("{points} points")));
    Ok(figure(&plot))
}

/// Dash's `len(data)`: the store's rows, read in place (`Serverside<Value>`: no copy).
fn big(n: u64, rows: Serverside<Value>) -> String {
    format!("big {n} rows {}", rows.as_array().map_or(0, Vec::len))
}

fn small(n: u64, rows: Serverside<Value>) -> String {
    format!("small {n} rows {}", rows.as_array().map_or(0, Vec::len))
}

/// Pushes a counter to `#push-out` as fast as the task can for `secs` seconds, then reports
/// the count in `#push-done` (the window sees at most one delivery per push interval).
fn flood(_n: u64, secs: Option<f64>, push: Pusher) -> &'static str {
    let until = std::time::Instant::now() + std::time::Duration::from_secs_f64(secs.unwrap_or(10.0).clamp(0.1, 600.0));
    tokio::spawn(async move {
        let mut n = 0u64;
        while std::time::Instant::now() < until {
            n += 1;
            if push.set("push-out", "children", n).is_err() {
                return;
            }
            if n % 256 == 0 {
                tokio::task::yield_now().await;
            }
        }
        let _ = push.set("push-done", "children", format!("pushed {n}"));
    });
    "pushing"
}

fn layout() -> Component {
    let mut kids = vec![button("go").id("btn"), div(id("out")), button("chain").id("chain-btn")];
    kids.extend((1..=5).map(|i| div(id(format!("c{i}")))));
    kids.push(button("fan").id("fan-btn"));
    kids.extend((0..50).map(|i| div(id(format!("f{i}")))));
    kids.push(input("fig-n").input_type("number").value(1000));
    kids.push(button("fig").id("fig-btn"));
    kids.push(graph("fig").height(420));
    kids.push(store("big-store").data(rows(100_000)));
    kids.push(button("big").id("big-btn"));
    kids.push(div(id("big-out")));
    kids.push(store("small-store").data(rows(100)));
    kids.push(button("small").id("small-btn"));
    kids.push(div(id("small-out")));
    kids.push(input("push-secs").input_type("number").value(10));
    kids.push(button("push").id("push-btn"));
    kids.push(div(id("push-out")));
    kids.push(div(id("push-done")));
    div(kids).style(json!({"padding": 16}))
}

fn main() -> deskdash::Result<()> {
    App::new("deskdash latency")
        .layout(layout())
        .prevent_initial_callbacks(true)
        .callback(Input::new("btn", "n_clicks"), Output::new("out", "children"), one)
        .callback(Input::new("chain-btn", "n_clicks"), Output::new("c1", "children"), c1)
        .callbacks((2..=5).map(|i| (Input::new(format!("c{}", i - 1), "children"), Output::new(format!("c{i}"), "children"), ci)))
        .callbacks((0..50).map(|i| (Input::new("fan-btn", "n_clicks"), Output::new(format!("f{i}"), "children"), fi)))
        .callback((Input::new("fig-btn", "n_clicks"), State::new("fig-n", "value")), Output::new("fig", "figure"), fig)
        .callback((Input::new("big-btn", "n_clicks"), State::new("big-store", "data")), Output::new("big-out", "children"), big)
        .callback(
            (Input::new("small-btn", "n_clicks"), State::new("small-store", "data")),
            Output::new("small-out", "children"),
            small,
        )
        .callback(
            (Input::new("push-btn", "n_clicks"), State::new("push-secs", "value")),
            Output::new("push-done", "children"),
            flood,
        )
        .run(tauri::generate_context!())
}
