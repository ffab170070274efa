//! Startup to first paint of small apps (release builds): each app in `DESKDASH_STARTUP_APPS`
//! (comma-separated binary names under target/release, or absolute paths such as an
//! installed package's `/usr/bin/hello-deskdash`; `hello` unless set) is started
//! `DESKDASH_STARTUP_ROUNDS` times (7 unless set), the apps taking turns so a noisy moment
//! hits all of them. With `DESKDASH_STARTUP_DROP_CACHES=1` (as root: it empties the whole
//! machine's page cache), the same rounds again, each start right after the kernel's page
//! cache was dropped, so the binary, WebKit and its libraries are read from disk again, as in
//! the first start after a boot. Prints each app's medians and, last, one
//! JSON object. Run by `./run bench`.

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

/// Drops the kernel's page cache (after writing dirty pages out); false when not asked for or
/// not allowed.
fn drop_page_cache() -> bool {
    if std::env::var_os("DESKDASH_STARTUP_DROP_CACHES").is_none_or(|v| v != "1") {
        return false;
    }
    let synced = std::process::Command::new("sync").status().is_ok_and(|s| s.success());
    synced && std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

fn median(seen: &mut [f64]) -> f64 {
    seen.sort_by(f64::total_cmp);
    seen.get(seen.len() / 2).copied().unwrap_or(0.0)
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
    let mut warm: Vec<Vec<f64>> = vec![Vec::new(); apps.len()];
    let mut cold: Vec<Vec<f64>> = vec![Vec::new(); apps.len()];
    rt.block_on(async {
        for _ in 0..rounds {
            for (app, seen) in apps.iter().zip(warm.iter_mut()) {
                seen.push(first_paint_ms(app).await.round());
            }
        }
        // Apart from the others: a start right after a drop slows the next ones while the
        // rest of the machine reads its files back in.
        for _ in 0..rounds {
            for (app, seen) in apps.iter().zip(cold.iter_mut()) {
                if drop_page_cache() {
                    seen.push(first_paint_ms(app).await.round());
                }
            }
        }
    });
    for ((app, mut warm), mut cold) in apps.iter().zip(warm).zip(cold) {
        let warm_median = median(&mut warm);
        println!("{app}: startup to first paint, median {warm_median} ms of {} (all: {warm:?})", warm.len());
        let mut figures = Map::new();
        figures.insert("median_ms".into(), json!(warm_median));
        figures.insert("samples_ms".into(), json!(warm));
        if !cold.is_empty() {
            let cold_median = median(&mut cold);
            println!("{app}: with the page cache dropped first, median {cold_median} ms of {} (all: {cold:?})", cold.len());
            figures.insert("page_cache_dropped_median_ms".into(), json!(cold_median));
            figures.insert("page_cache_dropped_samples_ms".into(), json!(cold));
        }
        samples.insert(app.clone(), Value::Object(figures));
    }
    println!("{}", Value::Object(samples));
}
