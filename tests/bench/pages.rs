//! Page switch latency, deskdash against Dash side by side in one run: the secure-pages
//! example (release build, on the system keychain: run it inside `tests/with-keyring`) signed
//! in, switching between its Home and Service pages through the menu's links, then the same
//! two pages in a Dash `use_pages` app (`dash_pages.py`) in headless Chromium. Both are timed
//! by one in-page probe (`page_switch.js`): click to the new page in the page and painted.
//! Prints a line per figure and, last, one JSON object. Run through `./run bench`.

#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use harness::Window;
use serde_json::{json, Value};
use std::path::PathBuf;

const RUNS: u64 = 60;
const PASSWORD: &str = "bench-password-1";

fn here() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench")
}

fn p50(sorted: &[f64]) -> f64 {
    sorted.get(sorted.len() / 2).copied().unwrap_or(f64::NAN)
}

fn p90(sorted: &[f64]) -> f64 {
    sorted.get(sorted.len() * 9 / 10).copied().unwrap_or(f64::NAN)
}

/// Signs the window in: the first-run form on a fresh keychain, the sign-in form otherwise.
async fn sign_in(w: &Window) {
    w.click("nav-service").await;
    w.wait_js("return !!(document.getElementById('_auth_create_user') || document.getElementById('_auth_login_user'))", 60).await;
    if w.js("return !!document.getElementById('_auth_create_user')").await == true {
        w.type_into("_auth_create_user", "bench").await;
        w.type_into("_auth_create_password", PASSWORD).await;
        w.type_into("_auth_create_confirm", PASSWORD).await;
        w.click("_auth_create_submit").await;
    } else {
        w.type_into("_auth_login_user", "bench").await;
        w.type_into("_auth_login_password", PASSWORD).await;
        w.click("_auth_login_submit").await;
    }
    w.wait_js("return !!document.getElementById('check-key')", 60).await;
    w.click("nav-home").await;
    w.wait_js("return !!document.getElementById('clicker')", 60).await;
}

async fn measure_deskdash() -> Vec<f64> {
    let w = Window::launch("secure-pages", "bench-pages").await;
    sign_in(&w).await;
    let probe = std::fs::read_to_string(here().join("page_switch.js")).expect("tests/bench/page_switch.js");
    let lat = w.js_async_with(&probe, vec![json!("nav-home,nav-service"), json!("clicker,check-key"), json!(RUNS)]).await;
    w.close().await;
    lat.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default()
}

fn measure_dash() -> Value {
    let shared = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/bench/dash");
    let out = std::process::Command::new("python3")
        .arg(here().join("dash_pages.py"))
        .arg(&shared)
        .arg(RUNS.to_string())
        .output()
        .expect("python3");
    assert!(out.status.success(), "the Dash pages bench failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.lines().last().unwrap_or_default()).expect("the Dash pages bench's JSON")
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let desk = rt.block_on(measure_deskdash());
    let dash = measure_dash();
    let (d50, d90) = (p50(&desk), p90(&desk));
    let (k50, k90) = (dash["p50"].as_f64().unwrap_or(f64::NAN), dash["p90"].as_f64().unwrap_or(f64::NAN));
    println!("{:<24} {:>12} {:>12} {:>8}", "page switch", "deskdash", "Dash", "ratio");
    println!("{:<24} {d50:>10.1}ms {k50:>10.1}ms {:>8.3}", "p50", d50 / k50);
    println!("{:<24} {d90:>10.1}ms {k90:>10.1}ms {:>8.3}", "p90", d90 / k90);
    println!(
        "{}",
        json!({
            "page_switch_p50_ms": d50, "page_switch_p90_ms": d90, "page_switch_n": desk.len(),
            "dash_page_switch_p50_ms": k50, "dash_page_switch_p90_ms": k90,
            "page_switch_p50_ratio": ((d50 / k50) * 1000.0).round() / 1000.0,
        })
    );
}
