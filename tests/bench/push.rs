//! The push path's sustained rate in a real window: the `latency` example (release) floods
//! `#push-out` from a background task for `DESKDASH_PUSH_SECONDS` (60 unless set) while the
//! page counts its repaints; the app's and WebKit's memory is sampled as it runs. Prints the
//! values pushed, the updates the window painted per second, and the memory at the start and
//! end; the last line is one JSON object. Run by `./run bench`.

#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "proc.rs"]
#[allow(dead_code)]
mod proc;

use harness::Window;
use proc::pss_mb;
use serde_json::json;
use std::time::Duration;

async fn measure(secs: u64) -> serde_json::Value {
    let w = Window::launch_raw("latency").await;
    w.wait_js("return !!document.getElementById('push-btn')", 60).await;
    w.js(
        "window.__painted = 0; const out = document.getElementById('push-out');
         new MutationObserver(() => { window.__painted += 1; }).observe(out, {subtree: true, childList: true, characterData: true});
         return true;",
    )
    .await;
    w.type_into("push-secs", &secs.to_string()).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let start_mb = pss_mb("/latency");
    w.click("push-btn").await;
    let mut samples = Vec::new();
    for _ in 0..secs.div_ceil(5) {
        tokio::time::sleep(Duration::from_secs(5)).await;
        samples.push((pss_mb("/latency") * 10.0).round() / 10.0);
    }
    w.wait_js("return (document.getElementById('push-done').textContent || '').startsWith('pushed');", 30).await;
    let done = w.js("return document.getElementById('push-done').textContent;").await;
    let pushed: f64 = done.as_str().and_then(|t| t.strip_prefix("pushed ")).and_then(|n| n.parse().ok()).unwrap_or(0.0);
    let painted = w.js("return window.__painted;").await.as_f64().unwrap_or(0.0);
    let end_mb = pss_mb("/latency");
    w.close().await;
    json!({
        "seconds": secs,
        "values_pushed": pushed,
        "values_pushed_per_s": (pushed / secs as f64).round(),
        "updates_painted_per_s": ((painted / secs as f64) * 10.0).round() / 10.0,
        "pss_mb_start": (start_mb * 10.0).round() / 10.0,
        "pss_mb_every_5s": samples,
        "pss_mb_end": (end_mb * 10.0).round() / 10.0,
    })
}

fn main() {
    let secs: u64 = std::env::var("DESKDASH_PUSH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let out = rt.block_on(measure(secs));
    println!(
        "push: {} values pushed in {secs} s ({} a second), {} updates painted a second; memory {} MB at the start, {} MB at the end",
        out["values_pushed"], out["values_pushed_per_s"], out["updates_painted_per_s"], out["pss_mb_start"], out["pss_mb_end"]
    );
    println!("{out}");
}
