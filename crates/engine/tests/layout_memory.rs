//! A layout costs its size, not its size times its depth: every id'd component's props are
//! kept once, and a component holding others keeps references to them. (Each once kept a
//! full copy of its subtree: 200 branches of 100 nested components took hundreds of MB.)
//! Alone in its test binary, so the resident memory it reads is its own.

use deskdash_engine::testing::{resident_mb, TestApp};
use deskdash_engine::*;
use serde_json::{json, Value};

/// A chain of `depth` nested divs, each with an id and a line of text.
fn chain(branch: usize, depth: usize) -> Value {
    let mut node = json!({"type": "Div", "props": {"id": format!("b{branch}-{depth}"), "children": "the deepest line of text"}});
    for level in (0..depth).rev() {
        node = json!({"type": "Div", "props": {"id": format!("b{branch}-{level}"), "children": [format!("line {level} of branch {branch}"), node]}});
    }
    node
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_hundred_deep_branches_cost_their_size() -> Result<()> {
    let app = App::new("deep").suppress_callback_exceptions(true).layout(div(id("root")));
    let mut t = TestApp::start(app).await?;
    let (count, depth): (usize, usize) = std::env::var("DESKDASH_LAYOUT_SHAPE")
        .ok()
        .and_then(|s| s.split_once('x').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?))))
        .unwrap_or((200, 100));
    let branches: Vec<Value> = (0..count).map(|b| chain(b, depth)).collect();
    let text_mb = serde_json::to_string(&branches).map(|s| s.len()).unwrap_or(0) as f64 / 1_048_576.0;
    let change = vec![Change::new("root", "children", Value::Array(branches))];
    let before = resident_mb();
    t.set_many(change).await?;
    t.take_batches();
    let grew = resident_mb() - before;
    eprintln!("layout of {text_mb:.1} MB as JSON text: resident memory grew {grew:.0} MB");
    assert_eq!(t.get(format!("b{}-{depth}", count - 1).as_str(), "children").await, "the deepest line of text");
    let deep = t.get("b0-0", "children").await;
    assert!(deep.to_string().contains("the deepest line of text"), "a component's props come back whole");
    // Measured: 94 MB for these 1.5 MB (the same for 800 branches of 25: it grows with the
    // layout's size, not its depth); 1,683 MB when each component kept its subtree's copy.
    assert!(grew < 250.0 * text_mb.max(1.0), "{grew:.0} MB for {text_mb:.1} MB of layout");
    Ok(())
}
