//! Startup to first paint of small apps (release builds): each app in `DESKDASH_STARTUP_APPS`
//! (comma-separated binary names under target/release, or absolute paths such as an
//! installed package's `/usr/bin/hello-deskdash`; `hello` unless set) is started
//! `DESKDASH_STARTUP_ROUNDS` times (7 unless set), the apps taking turns so a noisy moment
//! hits all of them. Prints each app's median and, last, one JSON object. Run by `./run bench`.

#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "proc.rs"]
#[allow(dead_code)]
mod proc;

use harness::Window;
use proc::{epoch_ms, process_start_ms};
use serde_json::{json, Map, Value};

/// Starts `app` once and returns ms from its process start to the layout's first paint.
async fn first_paint_ms(app: &str) -> f64 {
    let before = epoch_ms();
    let binary = std::path::Path::new(app);
    let w = if binary.is_absolute() { Window::launch_binary(binary, "startup").await } else { Window::launch_raw(app).await };
    w.wait_js("return !!window.__deskdashFirstPaint", 60).await;
    let painted = w.js("return window.__deskdashFirstPaint").await.as_f64().unwrap_or(0.0);
    let name = binary.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let started = process_start_ms(&format!("/{name}")).unwrap_or(before);
    w.close().await;
    painted - started
}

fn main() {
    let apps: Vec<String> = std::env::var("DESKDASH_STARTUP_APPS")
        .unwrap_or_else(|_| "hello".into())
        .split(',')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(String::from)
        .collect();
    let rounds: usize = std::env::var("DESKDASH_STARTUP_ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(7);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let mut samples: Map<String, Value> = Map::new();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); apps.len()];
    rt.block_on(async {
        for _ in 0..rounds {
            for (app, seen) in apps.iter().zip(times.iter_mut()) {
                seen.push(first_paint_ms(app).await.round());
            }
        }
    });
    for (app, mut seen) in apps.iter().zip(times) {
        seen.sort_by(f64::total_cmp);
        let median = seen.get(seen.len() / 2).copied().unwrap_or(0.0);
        println!("{app}: startup to first paint, median {median} ms of {} (all: {seen:?})", seen.len());
        samples.insert(app.clone(), json!({"median_ms": median, "samples_ms": seen}));
    }
    println!("{}", Value::Object(samples));
}
