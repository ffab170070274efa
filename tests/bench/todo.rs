//! The to-do app (release) at 10, 200 and 1,000 tasks in one list, in a real window: click to
//! repaint for adding a task, checking one, and switching to that list from another; then the
//! load time (process start to the 1,000 rows painted) after a restart, and the first switch
//! to that list in a window that has not drawn it yet. Each figure is the median of its runs. Prints one line per size and, last, one JSON object. Run by
//! `./run bench`. `DESKDASH_TODO_SIZES=10,200` measures other sizes.

#[path = "../e2e/harness.rs"]
#[allow(dead_code)]
mod harness;
#[path = "proc.rs"]
#[allow(dead_code)]
mod proc;

use harness::Window;
use proc::{epoch_ms, process_start_ms};
use serde_json::{json, Map, Value};
use std::time::Duration;

/// In-page: brings `arguments[0]` (a CSS selector) into view as a user would, clicks it, and
/// resolves with the ms until the page painted (two animation frames) after `arguments[1]`
/// holds: `{rows: n}` (the list shown holds n rows; with `drawn: true` a row of it is drawn,
/// with `last: true` the last one) or `{changed: [id, text]}` (the element no longer reads
/// `text`).
/// The page may not compile a script from a string (its CSP), so the conditions are data.
const CLICK_UNTIL: &str = r#"
const [selector, want, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const list = () => document.querySelector('#tasks [data-rows]:not([hidden])');
const until = () => want.rows !== undefined
  ? !!list() && list().dataset.rows === String(want.rows)
    && (!want.drawn || !!list().querySelector('[data-index]'))
    && (!want.last || !!list().querySelector(`[data-index="${want.rows - 1}"]`))
  : document.getElementById(want.changed[0]).textContent !== want.changed[1];
const el = document.querySelector(selector);
if (!el) { done(-1); return; }
el.scrollIntoView({block: 'center'});
// The scroll settles (the list draws the rows now in view) before the clock starts.
requestAnimationFrame(() => requestAnimationFrame(() => {
  const t0 = performance.now();
  const check = () => {
    if (!until()) return false;
    // When the page first showed it: what follows is the browser's layout and paint.
    const shown = performance.now() - t0;
    requestAnimationFrame(() => requestAnimationFrame(() => {
      (window.__benchShown ??= []).push(shown);
      // How much of it came before the answer from Rust arrived (input, IPC and the wave).
      const a = window.__deskdashLastAnswer;
      (window.__benchAnswered ??= []).push(a && a.sent >= t0 ? a.answered - t0 : null);
      // The batches it brought: their time in the window's store, and until React drew them.
      const applied = (window.__deskdashApply || []).filter((b) => b.at >= t0);
      const sum = (f) => applied.reduce((s, b) => s + f(b), 0);
      (window.__benchApplied ??= []).push([sum((b) => b.store), sum((b) => b.drawn)]);
      done(performance.now() - t0);
    }));
    return true;
  };
  const obs = new MutationObserver(() => { if (check()) obs.disconnect(); });
  obs.observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true});
  el.click();
}));
"#;

/// The rows the list holds (its data: only the rows in view are drawn).
const ROWS: &str = "Number(document.querySelector('#tasks [data-rows]:not([hidden])')?.dataset.rows ?? 0)";

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().map_or(f64::NAN, |m| (m * 10.0).round() / 10.0)
}

async fn click_until(w: &Window, selector: &str, until: Value) -> f64 {
    let ms = w.js_async_with(CLICK_UNTIL, vec![json!(selector), until]).await;
    let ms = ms.as_f64().unwrap_or(f64::NAN);
    assert!(ms >= 0.0, "nothing matches {selector}");
    ms
}

/// The median of the Rust-side wave times (µs) since the last call, in ms.
async fn rust_ms(w: &Window) -> f64 {
    let waves = w.js("const w = window.__deskdashWaves || []; window.__deskdashWaves = []; return w;").await;
    let waves: Vec<f64> =
        waves.as_array().map(|a| a.iter().filter_map(Value::as_f64).map(|us| us / 1000.0).collect()).unwrap_or_default();
    median(waves)
}

/// The median, since the last call, of the ms from a click to its answer from Rust arriving
/// (what comes after is the renderer's: applying the batch, drawing, two frames).
async fn answered_ms(w: &Window) -> f64 {
    let times = w.js("const a = window.__benchAnswered || []; window.__benchAnswered = []; return a;").await;
    median(times.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default())
}

/// The median, since the last call, of the ms from a click until the page showed its result
/// (what comes after is the browser's layout and paint, and the two frames).
async fn shown_ms(w: &Window) -> f64 {
    let times = w.js("const a = window.__benchShown || []; window.__benchShown = []; return a;").await;
    median(times.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default())
}

/// The medians, since the last call, of the ms the clicks' batches spent in the window's
/// store and until React had drawn them.
async fn applied_ms(w: &Window) -> (f64, f64) {
    let v = w.js("const a = window.__benchApplied || []; window.__benchApplied = []; return a;").await;
    let pairs: Vec<(f64, f64)> = v
        .as_array()
        .map(|a| a.iter().filter_map(|p| Some((p.get(0)?.as_f64()?, p.get(1)?.as_f64()?))).collect())
        .unwrap_or_default();
    (median(pairs.iter().map(|p| p.0).collect()), median(pairs.iter().map(|p| p.1).collect()))
}

/// Drops the figures recorded so far, so the next reading holds only what follows.
async fn forget_figures(w: &Window) {
    rust_ms(w).await;
    answered_ms(w).await;
    shown_ms(w).await;
    applied_ms(w).await;
}

async fn rows(w: &Window) -> u64 {
    w.js(&format!("return {ROWS};")).await.as_u64().unwrap_or(0)
}

/// Adds tasks until the list holds `n`; each add is timed.
async fn grow_to(w: &Window, n: u64) -> Vec<f64> {
    let mut times = Vec::new();
    loop {
        let have = rows(w).await;
        if have >= n {
            return times;
        }
        times.push(click_until(w, "#new-task", json!({"rows": have + 1, "last": true})).await);
    }
}

fn nav(title: &str) -> String {
    format!("[...document.querySelectorAll('#list-nav a, #list-nav button')].find(e => e.textContent.trim() === {title:?})")
}

async fn measure_size(w: &Window, n: u64) -> Value {
    grow_to(w, n.saturating_sub(20)).await;
    forget_figures(w).await;
    let adds = grow_to(w, n).await;
    let add_rust = rust_ms(w).await;
    let add_answered = answered_ms(w).await;
    let add_shown = shown_ms(w).await;
    let (add_store, add_drawn) = applied_ms(w).await;
    // Back to the top of the list, where the checked rows are.
    w.js("window.scrollTo(0, 0); return true;").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut checks = Vec::new();
    for i in 0..20u64 {
        let before = w.js("return document.getElementById('list-summary').textContent;").await;
        let pick = format!("#tasks [data-rows]:not([hidden]) [data-index='{}'] input[type=checkbox]", i % n);
        checks.push(click_until(w, &pick, json!({"changed": ["list-summary", before]})).await);
    }
    let check_rust = rust_ms(w).await;
    let check_answered = answered_ms(w).await;
    let check_shown = shown_ms(w).await;
    let (check_store, check_drawn) = applied_ms(w).await;
    forget_figures(w).await;
    let mut switches = Vec::new();
    let (mut switch_rust, mut switch_answered, mut switch_shown) = (vec![], vec![], vec![]);
    let (mut switch_store, mut switch_drawn) = (vec![], vec![]);
    for _ in 0..5 {
        w.js(&format!("{}.click(); return true;", nav("Shopping list"))).await;
        w.wait_js(&format!("return {ROWS} === 0 && document.getElementById('list-title').value === 'Shopping list';"), 30).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        w.js(&format!("{}.id = 'bench-nav-target'; return true;", nav("My Tasks"))).await;
        // Only the timed switch's figures count: drop those of the switch away.
        forget_figures(w).await;
        switches.push(click_until(w, "#bench-nav-target", json!({"rows": n, "drawn": true})).await);
        switch_rust.push(rust_ms(w).await);
        switch_answered.push(answered_ms(w).await);
        switch_shown.push(shown_ms(w).await);
        let (store, drawn) = applied_ms(w).await;
        switch_store.push(store);
        switch_drawn.push(drawn);
    }
    let out = json!({
        "tasks": n,
        "add_ms": median(adds),
        "add_rust_wave_ms": add_rust,
        "add_answered_ms": add_answered,
        "add_shown_ms": add_shown,
        "add_store_ms": add_store,
        "add_drawn_ms": add_drawn,
        "check_ms": median(checks),
        "check_rust_wave_ms": check_rust,
        "check_answered_ms": check_answered,
        "check_shown_ms": check_shown,
        "check_store_ms": check_store,
        "check_drawn_ms": check_drawn,
        "switch_ms": median(switches),
        "switch_rust_wave_ms": median(switch_rust),
        "switch_answered_ms": median(switch_answered),
        "switch_shown_ms": median(switch_shown),
        "switch_store_ms": median(switch_store),
        "switch_drawn_ms": median(switch_drawn),
    });
    println!(
        "todo at {n} tasks: add {}, check {}, switch to the list {} (medians)",
        split(&out, "add"),
        split(&out, "check"),
        split(&out, "switch")
    );
    out
}

/// One action's figures in `out` (`{action}_ms`, `{action}_rust_wave_ms`, ...) as one phrase.
fn split(out: &Value, action: &str) -> String {
    format!(
        "{} ms ({} in Rust, answered after {}, then {} in the store, drawn {} after the answer, shown after {})",
        out[format!("{action}_ms")],
        out[format!("{action}_rust_wave_ms")],
        out[format!("{action}_answered_ms")],
        out[format!("{action}_store_ms")],
        out[format!("{action}_drawn_ms")],
        out[format!("{action}_shown_ms")],
    )
}

/// Process start to the paint after the list's rows arrived, over `rounds` restarts.
async fn load_ms(n: u64, rounds: usize) -> f64 {
    let mut times = Vec::new();
    for _ in 0..rounds {
        let before = epoch_ms();
        let w = Window::launch_raw("todo").await;
        w.wait_js(&format!("return {ROWS} === {n} && !!window.__deskdashFirstPaint;"), 60).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let painted = w.js("return Math.max(window.__deskdashFirstPaint || 0, window.__deskdashBatchPaint || 0);").await;
        let started = process_start_ms("/todo").unwrap_or(before);
        times.push(painted.as_f64().unwrap_or(f64::NAN) - started);
        w.close().await;
    }
    median(times)
}

/// Shows the list `title` and waits until the window has it.
async fn show_list(w: &Window, title: &str, rows: u64) {
    w.js(&format!("{}.click(); return true;", nav(title))).await;
    w.wait_js(&format!("return {ROWS} === {rows} && document.getElementById('list-title').value === {title:?};"), 30).await;
}

/// The first switch to the list of `n` in a window that has not drawn it yet (a window keeps
/// each list it has shown drawn, so only the first switch draws the rows): each round starts
/// the app on the other list, as it was left, and switches. The medians of the click to
/// repaint and of its parts, as `measure_size` splits the other actions.
async fn first_switch(n: u64, rounds: usize) -> Value {
    let w = Window::launch_raw("todo").await;
    w.wait_js(&format!("return {ROWS} === {n};"), 60).await;
    show_list(&w, "Shopping list", 0).await;
    w.close().await;
    let (mut times, mut rust, mut answered, mut shown) = (vec![], vec![], vec![], vec![]);
    let (mut store, mut drawn) = (vec![], vec![]);
    for _ in 0..rounds {
        let w = Window::launch_raw("todo").await;
        w.wait_js(&format!("return {ROWS} === 0 && document.getElementById('list-title')?.value === 'Shopping list';"), 60).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        w.js(&format!("{}.id = 'bench-nav-target'; return true;", nav("My Tasks"))).await;
        forget_figures(&w).await;
        times.push(click_until(&w, "#bench-nav-target", json!({"rows": n, "drawn": true})).await);
        rust.push(rust_ms(&w).await);
        answered.push(answered_ms(&w).await);
        shown.push(shown_ms(&w).await);
        let (in_store, until_drawn) = applied_ms(&w).await;
        store.push(in_store);
        drawn.push(until_drawn);
        // The next start is on the other list again.
        show_list(&w, "Shopping list", 0).await;
        w.close().await;
    }
    json!({
        "first_switch_ms": median(times),
        "first_switch_rust_wave_ms": median(rust),
        "first_switch_answered_ms": median(answered),
        "first_switch_shown_ms": median(shown),
        "first_switch_store_ms": median(store),
        "first_switch_drawn_ms": median(drawn),
    })
}

fn main() {
    let data = std::env::var_os("HOME").map(std::path::PathBuf::from).unwrap_or_default();
    let _ = std::fs::remove_dir_all(data.join(".local/share/dev.deskdash.todo"));
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().expect("runtime");
    let out = rt.block_on(async {
        let w = Window::launch_raw("todo").await;
        w.wait_js("return document.getElementById('list-summary')?.textContent === '1 of 3 done';", 60).await;
        let mut sizes = Map::new();
        let sizes_wanted: Vec<u64> = std::env::var("DESKDASH_TODO_SIZES")
            .ok()
            .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
            .unwrap_or_else(|| vec![10, 200, 1000]);
        let largest = sizes_wanted.iter().copied().max().unwrap_or(1000);
        for n in sizes_wanted {
            sizes.insert(n.to_string(), measure_size(&w, n).await);
        }
        w.close().await;
        let load = load_ms(largest, 5).await;
        println!("todo load at {largest} tasks: {load} ms from process start to the rows painted (median of 5)");
        let first = first_switch(largest, 5).await;
        println!(
            "todo first switch to the list of {largest} in a window (its rows drawn there for the first time): {}",
            split(&first, "first_switch")
        );
        json!({
            "todo": sizes,
            "todo_load_tasks": largest,
            "todo_load_ms": load,
            "todo_first_switch": first,
        })
    });
    println!("{out}");
}
