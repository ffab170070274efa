//! Push updates in a real window: the monitor's background task sets the figures ten times a
//! second, and the window shows them with no input at all.

use crate::harness::Window;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn values_pushed_from_a_background_task_appear_with_no_input() {
    let w = Window::launch("monitor", "push").await;
    let samples = "return Number(document.getElementById('samples')?.textContent ?? 0);";
    w.wait_js(&format!("return (() => {{ {samples} }})() >= 5;"), 20).await;
    let first = w.js(samples).await.as_f64().unwrap_or(0.0);
    // Still arriving, a second later, with nothing done in the window.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let later = w.js(samples).await.as_f64().unwrap_or(0.0);
    assert!(later >= first + 5.0, "samples went from {first} to {later} in a second (ten a second are pushed)");
    w.wait_js("return /%$/.test(document.getElementById('cpu-now')?.textContent ?? '');", 10).await;
    w.wait_js("const g = document.getElementById('history'); return !!g && !!g.querySelector('.scatterlayer .trace');", 20).await;
    let overlay = w.js("return !!document.getElementById('dd-error-overlay');").await;
    assert_eq!(overlay, serde_json::Value::Bool(false), "no error in the overlay");
    w.screenshot("live").await;
    w.close().await;
}
