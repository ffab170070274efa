//! The gallery: every component family opens with nothing in the error overlay, in light and
//! dark mode (a screenshot of each), and a user's action on a Mantine component reaches its
//! Rust callback and back.

use crate::harness::Window;

const FAMILIES: [&str; 11] =
    ["layout", "typography", "inputs", "buttons", "feedback", "overlays", "navigation", "display", "icons", "charts", "custom"];

/// The errors the window has logged (the overlay's list), as text.
async fn logged_errors(w: &Window) -> String {
    let shown = w.js("const o = document.getElementById('dd-error-overlay'); return o ? o.textContent : '';").await;
    let failed =
        w.js("return Array.from(document.querySelectorAll('.dd-draw-error')).map(e => e.textContent).join(' | ');").await;
    format!("{}{}", shown.as_str().unwrap_or_default(), failed.as_str().unwrap_or_default())
}

/// Opens a family's tab and waits until its panel has drawn (lazy families included).
async fn open_family(w: &Window, family: &str) {
    let tab = format!("document.querySelector('[role=tab][id$=\"-tab-{family}\"]')");
    w.wait_js(&format!("return !!{tab};"), 20).await;
    w.js(&format!("{tab}.click(); return true;")).await;
    let panel = format!("document.querySelector('[role=tabpanel][id$=\"-panel-{family}\"]')");
    // Drawn: the panel is shown and holds cards, and no lazy family is still loading.
    w.wait_js(
        &format!(
            "const p = {panel}; return !!p && p.offsetParent !== null && p.querySelectorAll('.mantine-Card-root').length > 0;"
        ),
        30,
    )
    .await;
    // Hidden panels draw but run no effects until shown, so only the shown one must be loaded.
    let loaded = format!(
        "return {panel}.querySelectorAll('.dd-icon-loading').length === 0 || !!document.getElementById('dd-error-overlay');"
    );
    w.wait_js(&loaded, 30).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_family_opens_without_an_error_in_light_and_dark() {
    let w = Window::launch("gallery", "families").await;
    for scheme in ["light", "dark"] {
        if scheme == "dark" {
            w.click("dd-scheme-toggle").await;
            w.wait_js("return document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark';", 10).await;
        }
        for family in FAMILIES {
            open_family(&w, family).await;
            if family == "charts" {
                w.wait_js("return document.querySelectorAll('.recharts-surface').length >= 5;", 30).await;
            }
            let errors = logged_errors(&w).await;
            assert!(errors.is_empty(), "{family} ({scheme}) logged errors: {errors}");
            w.screenshot(&format!("{family}-{scheme}")).await;
        }
    }
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mantine_component_talks_to_its_rust_callback() {
    let w = Window::launch("gallery", "round-trip").await;
    open_family(&w, "inputs").await;
    let by_id =
        |key: &str| format!("Array.from(document.querySelectorAll('[data-dash-id]')).find(e => e.dataset.dashId === {key:?})");
    let echo = by_id(r#"{"echo":"checked","name":"Checkbox"}"#);
    let checkbox = by_id(r#"{"demo":"checked","name":"Checkbox"}"#);
    w.wait_js(&format!("return {echo}?.textContent === 'true';"), 20).await;
    // The user unticks the box: the MATCH callback in Rust writes the new value under it.
    w.js(&format!("const c = {checkbox}; (c.tagName === 'INPUT' ? c : c.querySelector('input')).click(); return true;")).await;
    w.wait_js(&format!("return {echo}?.textContent === 'false';"), 20).await;
    // The app's theme (`App::theme`, violet) is the window's from the start.
    let primary = "return getComputedStyle(document.documentElement).getPropertyValue('--mantine-primary-color-filled').trim();";
    let before = w.js(primary).await;
    let violet =
        w.js("return getComputedStyle(document.documentElement).getPropertyValue('--mantine-color-violet-filled').trim();").await;
    assert!(
        violet.as_str().is_some_and(|v| !v.is_empty()) && before == violet,
        "the app's primary colour is violet ({violet}): {before}"
    );
    // The header's switch sets the MantineProvider's theme from a callback: the primary colour changes.
    w.js("Array.from(document.querySelectorAll('label')).find(l => l.textContent === 'teal').click(); return true;").await;
    let changed = format!("{} !== {before};", primary.trim_end_matches(';'));
    w.wait_js(&changed, 20).await;
    w.screenshot("teal").await;
    // A callback sends a notification through the NotificationContainer.
    open_family(&w, "feedback").await;
    w.click("send").await;
    w.wait_js("return Array.from(document.querySelectorAll('.mantine-Notification-root')).some(n => n.textContent.includes('Sent 1 time from a Rust callback'));", 20).await;
    w.screenshot("notification").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_apps_own_component_round_trips() {
    let w = Window::launch("gallery", "own-component").await;
    open_family(&w, "custom").await;
    let echo = r#"Array.from(document.querySelectorAll('[data-dash-id]')).find(e => e.dataset.dashId === '{"echo":"picked","name":"ColorSwatches"}')"#;
    // Rust set `picked` (from the header's switch, on load); the component shows it pressed.
    w.wait_js(&format!("return {echo}?.textContent === '\"violet\"';"), 20).await;
    w.wait_js("return document.querySelector('button[aria-label=violet]')?.getAttribute('aria-pressed') === 'true';", 20).await;
    // The user picks another swatch: the component's setProps reaches its Rust callback.
    w.js("document.querySelector('button[aria-label=grape]').click(); return true;").await;
    w.wait_js(&format!("return {echo}?.textContent === '\"grape\"';"), 20).await;
    w.wait_js("return document.querySelector('button[aria-label=grape]')?.getAttribute('aria-pressed') === 'true';", 20).await;
    w.screenshot("own-component").await;
    w.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_virtual_stack_of_ten_thousand_rows_draws_only_those_in_view() {
    let w = Window::launch("gallery", "virtual-stack").await;
    open_family(&w, "layout").await;
    let list = "document.getElementById('virtual-rows')";
    let drawn = format!("[...{list}.querySelectorAll('[data-index] p')].map(e => e.textContent)");
    w.wait_js(&format!("return {list}?.dataset.rows === '10000' && {drawn}.includes('Row 1');"), 20).await;
    let first = w.js(&format!("return {drawn};")).await;
    let count = first.as_array().map_or(0, Vec::len);
    assert!(count > 0 && count < 40, "a box 90 px high draws a few of the 10,000 rows, not {count}: {first}");
    w.screenshot("virtual-stack-top").await;
    // The box scrolls to its end: the last rows are drawn, the first are gone.
    w.js(&format!("const box = {list}.parentElement; box.scrollTop = box.scrollHeight; return true;")).await;
    w.wait_js(&format!("const d = {drawn}; return d.includes('Row 10000') && !d.includes('Row 1');"), 20).await;
    let errors = logged_errors(&w).await;
    assert!(errors.is_empty(), "scrolling logged errors: {errors}");
    w.screenshot("virtual-stack-end").await;
    w.close().await;
}
