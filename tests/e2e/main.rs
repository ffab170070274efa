//! End-to-end tests: the examples in real windows (Xvfb), driven through WebDriver.
//! Run by `./run test`, which builds the binaries and provides a display and a D-Bus session.

mod harness;
mod chat;
mod desktop;
mod gallery;
mod monitor;
mod secure_pages;
mod stores;
mod todo;
mod window_state;
use harness::Window;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hello_echoes_what_is_typed() {
    let w = Window::launch("hello", "hello").await;
    w.wait_text("greeting", "Hello, world!", 20).await;
    w.type_into("name", "deskdash").await;
    w.wait_text("greeting", "Hello, deskdash!", 20).await;
    w.screenshot("typed").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clientside_callback_feeds_a_rust_callback_in_the_same_wave() {
    let w = Window::launch("hello", "clientside").await;
    w.wait_text("initials-line", "W is your initial", 20).await;
    // The clientside function came as a script of its own: the page itself may not eval.
    let eval = w.js("try { new Function('return 1')(); return 'allowed'; } catch (e) { return 'refused: ' + e.name; }").await;
    assert!(eval.as_str().is_some_and(|s| s.starts_with("refused")), "the CSP allows eval: {eval}");
    // Record every state the line shows: Rust's count must never lag behind the initials.
    w.js("window.__seen = []; new MutationObserver(() => window.__seen.push(document.getElementById('initials-line').textContent))
            .observe(document.getElementById('initials-line'), {subtree: true, childList: true, characterData: true}); return true;")
        .await;
    w.type_into("name", "Ada King Lovelace").await;
    w.wait_text("initials-line", "AKL are your 3 initials", 20).await;
    let seen = w.js("return window.__seen;").await;
    let states: Vec<&str> = seen.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    let consistent = |s: &&str| {
        let (initials, count) = s.split_once(' ').unwrap_or((s, ""));
        match initials.chars().count() {
            _ if *s == "No initials yet" => true,
            1 => count == "is your initial",
            n => count == format!("are your {n} initials"),
        }
    };
    assert!(states.iter().all(consistent), "the line showed a half-updated state: {states:?}");
    w.screenshot("initials").await;
    w.close().await;
}

const GRAPHS: [&str; 4] = ["scatter", "daily", "density", "contour"];

async fn graph_state(w: &Window) -> Vec<(u64, u64)> {
    let mut out = Vec::new();
    for g in GRAPHS {
        let v = w.js(&format!("const e = document.getElementById('{g}'); return [Number(e.dataset.revision || 0), Number(e.dataset.points || 0)];")).await;
        out.push((v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0)));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crossfilter_dropdown_redraws_all_four_graphs_with_new_data() {
    let w = Window::launch("crossfilter", "crossfilter").await;
    let drawn = GRAPHS
        .iter()
        .map(|g| format!("Number(document.getElementById('{g}').dataset.revision || 0) >= 1"))
        .collect::<Vec<_>>()
        .join(" && ");
    w.wait_js(&format!("return {drawn};"), 120).await;
    let before = graph_state(&w).await;
    assert_eq!(before[0].1, 50_000, "the scatter starts with every order");
    w.screenshot("all-regions").await;

    w.click("region").await;
    w.wait_js("return [...document.querySelectorAll('[role=option]')].some(o => o.textContent === 'North');", 20).await;
    w.js("[...document.querySelectorAll('[role=option]')].find(o => o.textContent === 'North').click(); return true;").await;
    let redrawn = GRAPHS
        .iter()
        .zip(&before)
        .map(|(g, (rev, _))| format!("Number(document.getElementById('{g}').dataset.revision || 0) > {rev}"))
        .collect::<Vec<_>>()
        .join(" && ");
    w.wait_js(&format!("return {redrawn};"), 120).await;
    let after = graph_state(&w).await;
    assert!(after[0].1 > 0 && after[0].1 < before[0].1, "the scatter shows only North's orders: {after:?}");
    assert_eq!(after[2].1, after[0].1, "the density chart got the same filtered data");
    w.screenshot("north").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_orders_table_filters_and_sorts_in_rust_with_dashs_query_language() {
    let w = Window::launch("crossfilter", "orders-table").await;
    w.wait_text("orders-count", "First 200 of 50,000 matching orders", 60).await;
    // The Region cell of the table's filter row (AG Grid's floating filter), tagged so
    // WebDriver can type into it as a person would.
    let tag = "const col = document.querySelector('#orders .ag-header-cell[col-id=\"region\"]')?.getAttribute('aria-colindex');
               const input = document.querySelector(`#orders .ag-floating-filter[aria-colindex=\"${col}\"] input`);
               if (!input) return false;
               input.id = 'orders-filter-region'; input.scrollIntoView({block: 'center'}); return true;";
    w.wait_js(tag, 20).await;
    w.type_into("orders-filter-region", "West").await;
    let west = "const m = /^First 200 of ([0-9,]+) matching orders$/.exec(document.getElementById('orders-count').textContent);
                const matched = m ? Number(m[1].replace(/,/g, '')) : 0;
                const cells = [...document.querySelectorAll('#orders .ag-row .ag-cell[col-id=\"region\"]')].map(c => c.textContent);
                return matched > 10000 && matched < 50000
                  && cells.length > 0 && cells.every(c => c === 'West');";
    w.wait_js(west, 30).await;
    // Sorting by price (a click on its header) is done in Rust too: the cheapest West orders first (West prices centre on 42).
    w.js("document.querySelector('#orders .ag-header-cell[col-id=\"price\"] .ag-header-cell-label').click(); return true;").await;
    let sorted = "const prices = [...document.querySelectorAll('#orders .ag-row')]
                    .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
                    .map(r => Number(r.querySelector('.ag-cell[col-id=\"price\"]')?.textContent));
                  return prices.length > 5 && prices[0] < 30 && prices.every((p, i) => i === 0 || prices[i - 1] <= p);";
    w.wait_js(sorted, 30).await;
    w.screenshot("west-by-price").await;
    // A filter_query set from Rust (here: cleared by a button's callback) shows in the filter row.
    w.click("clear-filters").await;
    w.wait_js(
        "return document.getElementById('orders-filter-region').value === ''
                 && document.getElementById('orders-count').textContent === 'First 200 of 50,000 matching orders';",
        30,
    )
    .await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_million_point_figure_draws() {
    let w = Window::launch("latency", "million").await;
    w.type_into("fig-n", "1000000").await;
    w.click("fig-btn").await;
    // Painted for this figure's revision, not an earlier one; and plotly holds all the points.
    w.wait_js(
        "const e = document.getElementById('fig');
         return e.dataset.points === '1000000' && e.dataset.painted === e.dataset.revision
           && e._fullData?.[0]?._length === 1000000 && e._fullLayout?.title?.text === '1000000 points';",
        240,
    )
    .await;
    w.screenshot("1m-points").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_ipc_is_answered_with_an_error_and_the_app_keeps_responding() {
    let w = Window::launch("hello", "malformed-ipc").await;
    w.wait_text("count-out", "clicked 0 times", 20).await;
    let send_to = |command: &str, body: &str| {
        format!(
            "const done = arguments[arguments.length - 1];
             window.__TAURI_INTERNALS__.invoke({command:?}, new TextEncoder().encode({body:?}))
               .then(() => done('accepted'), (e) => done(String(e)));"
        )
    };
    let send = |body: &str| send_to("plugin:deskdash|apply_changes", body);
    let garbage = w.js_async(&send("{not json")).await;
    assert!(garbage.as_str().unwrap_or("").contains("malformed message"), "{garbage}");
    let unknown = w.js_async(&send(r#"{"changes": [{"id": "nope", "prop": "value", "value": 1}]}"#)).await;
    assert!(unknown.as_str().unwrap_or("").contains("unknown component id nope"), "{unknown}");
    let wrong_type = w.js_async(&send(r#"{"changes": [{"id": "count", "prop": "n_clicks", "value": "many"}]}"#)).await;
    assert!(wrong_type.as_str().unwrap_or("").contains("expected an integer"), "{wrong_type}");
    // Answers to clientside calls are checked as strictly.
    let bad_answer =
        w.js_async(&send_to("plugin:deskdash|clientside_result", r#"{"call": 1, "outcome": {"kind": "maybe"}}"#)).await;
    assert!(bad_answer.as_str().unwrap_or("").contains("unknown variant `maybe`"), "{bad_answer}");
    let never_made =
        w.js_async(&send_to("plugin:deskdash|clientside_result", r#"{"call": 999999, "outcome": {"kind": "prevent"}}"#)).await;
    assert!(never_made.as_str().unwrap_or("").contains("call 999999, which was never made"), "{never_made}");
    // A link to the web does not replace the app inside its window (it opens outside).
    w.js("window.location.href = 'https://example.invalid/'; return true;").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let still = w.js("return [location.protocol, !!document.getElementById('dd-root')];").await;
    assert_eq!(still, serde_json::json!(["tauri:", true]), "the app is still in its window");
    w.type_into("name", "Grace Hopper").await;
    w.wait_text("initials-line", "GH are your 2 initials", 20).await;
    w.click("count").await;
    w.wait_text("count-out", "clicked 1 time", 20).await;
    w.screenshot("still-responding").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_callback_shows_the_overlay_and_the_next_click_works() {
    let w = Window::launch("hello", "panic").await;
    w.wait_text("count-out", "clicked 0 times", 20).await;
    w.click("fail").await;
    w.wait_js("const o = document.getElementById('dd-error-overlay'); return !!o && o.textContent.includes('fail_on_purpose') && o.textContent.includes('the Fail button always fails');", 20).await;
    w.click("count").await;
    w.wait_text("count-out", "clicked 1 time", 20).await;
    w.screenshot("overlay").await;
    w.close().await;
}

/// Where an app's files go: `$XDG_DATA_HOME/<identifier>` (Tauri's app data directory), with
/// the log under `logs/`. The tests run with their own XDG_DATA_HOME (see `./run test`).
fn app_data_dir(identifier: &str) -> std::path::PathBuf {
    let data = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".local/share"));
    data.join(identifier)
}

fn identifier_of(example: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples").join(example).join("tauri.conf.json");
    let config: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap_or_default()).unwrap_or_default();
    config["identifier"].as_str().unwrap_or_else(|| panic!("{} names no identifier", path.display())).to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_example_is_its_own_app_with_its_own_data_and_log_directory() {
    let mut seen = Vec::new();
    for example in ["hello", "crossfilter"] {
        let identifier = identifier_of(example);
        let logs = app_data_dir(&identifier).join("logs");
        let w = Window::launch(example, &format!("identity-{example}")).await;
        let title = w.js("return document.title").await;
        w.close().await;
        // One file a day: deskdash.<date>.log.
        let log = std::fs::read_dir(&logs)
            .ok()
            .and_then(|d| {
                d.flatten()
                    .map(|e| e.path())
                    .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("deskdash.")))
            })
            .unwrap_or_else(|| panic!("{example} wrote no log under {}", logs.display()));
        let text = std::fs::read_to_string(&log).unwrap_or_else(|e| panic!("{}: {e}", log.display()));
        assert!(text.contains(&format!("identifier={identifier}")), "{example}'s log names its own identifier: {text}");
        assert!(text.contains(&format!("{} started", title.as_str().unwrap_or_default())), "{example}'s log: {text}");
        seen.push((identifier, log));
    }
    assert_ne!(seen[0].0, seen[1].0, "two examples, two identifiers");
    assert_ne!(seen[0].1.parent(), seen[1].1.parent(), "and two log directories");
}
