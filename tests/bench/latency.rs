//! deskdash against Dash, side by side in one run: the `latency` example (release build) in a
//! real window, driven through WebDriver with the same in-page probe the Dash bench uses, then
//! `../shared/bench/dash/run_dash.py` in headless Chromium. Prints a table and, last, one JSON
//! object with every figure and ratio. Run through `./run bench`.

#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

#[path = "proc.rs"]
mod proc;

use harness::Window;
use proc::{epoch_ms, process_start_ms, pss_mb};
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use std::time::Duration;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/dash")
}

fn stats(sorted: &[f64]) -> Value {
    let n = sorted.len().max(1);
    let p50 = sorted.get(n / 2).copied().unwrap_or(0.0);
    let p90 = sorted.get(n * 9 / 10).copied().unwrap_or(0.0);
    let mean = sorted.iter().sum::<f64>() / n as f64;
    json!({"p50": p50, "p90": p90, "mean": (mean * 100.0).round() / 100.0, "n": sorted.len()})
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

const FIG_PROBE: &str = r#"
const done = arguments[arguments.length - 1];
const gd = document.getElementById('fig');
const t0 = performance.now();
gd.once('plotly_afterplot', () => {
  const t = performance.now() - t0;
  requestAnimationFrame(() => requestAnimationFrame(() => done([t, performance.now() - t0, gd._fullData[0] && gd._fullData[0]._length])));
});
document.getElementById('fig-btn').click();
"#;

async fn measure_deskdash() -> Map<String, Value> {
    let mut out = Map::new();
    let before = epoch_ms();
    let w = Window::launch_raw("latency").await;
    w.wait_js("return !!window.__deskdashFirstPaint", 60).await;
    let painted = w.js("return window.__deskdashFirstPaint").await.as_f64().unwrap_or(0.0);
    let started = process_start_ms("/latency").unwrap_or(before);
    out.insert("startup_ms".into(), json!((painted - started).round()));
    tokio::time::sleep(Duration::from_secs(5)).await;
    out.insert("idle_pss_mb".into(), json!((pss_mb("/latency") * 10.0).round() / 10.0));
    // The floor under every click: one invoke that fires nothing, to Rust and back. WebKit's
    // clock counts whole milliseconds, so the mean of many in a row gives the figure.
    let ipc = w
        .js_async(
            "const done = arguments[arguments.length - 1];
             const body = new TextEncoder().encode(JSON.stringify({changes: []}));
             (async () => {
               const n = 500, t0 = performance.now();
               for (let i = 0; i < n; i++) await window.__TAURI_INTERNALS__.invoke('plugin:deskdash|apply_changes', body);
               done((performance.now() - t0) / n);
             })();",
        )
        .await;
    out.insert("ipc_round_trip_ms".into(), json!((ipc.as_f64().unwrap_or(f64::NAN) * 1000.0).round() / 1000.0));

    let probe = std::fs::read_to_string(shared().join("measure.js")).expect("../shared/bench/dash/measure.js");
    for (name, button, target, runs) in [
        ("one", "btn", "out", 200),
        ("chain5", "chain-btn", "c5", 100),
        ("fan50", "fan-btn", "f49", 50),
        ("big_state", "big-btn", "big-out", 30),
        ("small_state", "small-btn", "small-out", 30),
    ] {
        w.js("window.__deskdashWaves = []; return true").await;
        let lat = w.js_async_with(&probe, vec![json!(button), json!(target), json!(runs)]).await;
        let lat: Vec<f64> = lat.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
        let rust: Vec<f64> = w
            .js("return window.__deskdashWaves || []")
            .await
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_f64).collect())
            .unwrap_or_default();
        let mut s = stats(&lat);
        s["rust_wave_p50_us"] = json!(median(rust));
        out.insert(name.into(), s);
    }
    for n in [100_000u64, 1_000_000] {
        w.type_into("fig-n", &n.to_string()).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let r = w.js_async(FIG_PROBE).await;
        assert_eq!(r[2].as_u64(), Some(n), "plotly drew {r}");
        out.insert(format!("fig{n}"), json!({"ms": r[0], "paint_ms": r[1]}));
    }
    tokio::time::sleep(Duration::from_secs(5)).await;
    out.insert("after_figures_pss_mb".into(), json!((pss_mb("/latency") * 10.0).round() / 10.0));
    w.close().await;
    out
}

fn run_dash() -> Value {
    let out = std::env::temp_dir().join("deskdash-dash-bench.json");
    let status = std::process::Command::new("python3")
        .arg(shared().join("run_dash.py"))
        .arg(&out)
        // Adds Dash's 5 MB store read as State by a button (its other figures are taken with
        // that store in the page, as deskdash's are).
        .arg("--big-state")
        .current_dir(shared())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("python3");
    assert!(status.success(), "the Dash bench failed");
    serde_json::from_str(&std::fs::read_to_string(&out).expect("Dash results")).expect("Dash JSON")
}

fn num(v: &Value, path: &[&str]) -> f64 {
    path.iter().fold(v, |v, k| &v[*k]).as_f64().unwrap_or(f64::NAN)
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let desk = Value::Object(rt.block_on(measure_deskdash()));
    let dash = run_dash();
    let binary = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/release/latency");
    let binary_mb = std::fs::metadata(&binary).map(|m| m.len() as f64 / 1_048_576.0).unwrap_or(0.0);
    // Dash's figures are taken as its bench takes them: after page load, and idle at the end
    // (after drawing the figures).
    let dash_mem_load =
        num(&dash, &["mem_after_page_load", "server_pss_mb"]) + num(&dash, &["mem_after_page_load", "chromium_pss_sum_mb"]);
    let dash_mem =
        num(&dash, &["mem_idle_after_load", "server_pss_mb"]) + num(&dash, &["mem_idle_after_load", "chromium_pss_sum_mb"]);

    let mut summary = Map::new();
    println!("{:<28} {:>12} {:>12} {:>8}", "figure", "deskdash", "Dash", "ratio");
    for (key, d, k) in [
        ("one_p50", num(&desk, &["one", "p50"]), num(&dash, &["one", "p50"])),
        ("one_p90", num(&desk, &["one", "p90"]), num(&dash, &["one", "p90"])),
        ("chain5_p50", num(&desk, &["chain5", "p50"]), num(&dash, &["chain5", "p50"])),
        ("chain5_p90", num(&desk, &["chain5", "p90"]), num(&dash, &["chain5", "p90"])),
        ("fan50_p50", num(&desk, &["fan50", "p50"]), num(&dash, &["fan50", "p50"])),
        ("fan50_p90", num(&desk, &["fan50", "p90"]), num(&dash, &["fan50", "p90"])),
        ("fig100k", num(&desk, &["fig100000", "ms"]), num(&dash, &["fig100000", "ms"])),
        ("fig100k_paint", num(&desk, &["fig100000", "paint_ms"]), num(&dash, &["fig100000_paint", "ms"])),
        ("fig1m", num(&desk, &["fig1000000", "ms"]), num(&dash, &["fig1000000", "ms"])),
        ("fig1m_paint", num(&desk, &["fig1000000", "paint_ms"]), num(&dash, &["fig1000000_paint", "ms"])),
        ("big_state_p50", num(&desk, &["big_state", "p50"]), num(&dash, &["big_state", "p50"])),
    ] {
        let ratio = d / k;
        println!("{key:<28} {d:>10.1}ms {k:>10.1}ms {ratio:>8.3}");
        summary.insert(format!("{key}_ms"), json!(d));
        summary.insert(format!("{key}_dash_ms"), json!(k));
        summary.insert(format!("{key}_ratio"), json!((ratio * 1000.0).round() / 1000.0));
    }
    for (key, path) in [
        ("one_mean_ms", ["one", "mean"]),
        ("chain5_mean_ms", ["chain5", "mean"]),
        ("fan50_mean_ms", ["fan50", "mean"]),
        ("big_state_mean_ms", ["big_state", "mean"]),
        ("small_state_p50_ms", ["small_state", "p50"]),
        ("small_state_mean_ms", ["small_state", "mean"]),
    ] {
        summary.insert(key.into(), json!(num(&desk, &path)));
    }
    let (big, small) = (num(&desk, &["big_state", "mean"]), num(&desk, &["small_state", "mean"]));
    println!("State of a 5 MB store vs a 5 KB one (deskdash, mean): {big:.2} ms vs {small:.2} ms");
    for (key, name) in [("one_rust_us", "one"), ("chain5_rust_us", "chain5"), ("fan50_rust_us", "fan50")] {
        summary.insert(key.into(), json!(num(&desk, &[name, "rust_wave_p50_us"])));
    }
    summary.insert("ipc_round_trip_ms".into(), desk["ipc_round_trip_ms"].clone());
    summary.insert("startup_ms".into(), desk["startup_ms"].clone());
    summary.insert("idle_rss_mb".into(), desk["idle_pss_mb"].clone());
    summary.insert("dash_idle_mb".into(), json!(dash_mem_load));
    summary.insert("after_figures_mb".into(), desk["after_figures_pss_mb"].clone());
    summary.insert("dash_after_figures_mb".into(), json!(dash_mem));
    summary.insert("binary_mb".into(), json!((binary_mb * 10.0).round() / 10.0));
    println!("one invoke to Rust and back (no callback): {} ms mean", desk["ipc_round_trip_ms"]);
    println!(
        "startup to first paint: {} ms; memory (PSS, app + WebKit) idle after load {} MB vs Dash {dash_mem_load:.0} MB, after the figures {} MB vs Dash {dash_mem:.0} MB; release binary {binary_mb:.1} MB",
        desk["startup_ms"], desk["idle_pss_mb"], desk["after_figures_pss_mb"]
    );
    println!("{}", Value::Object(summary));
}
