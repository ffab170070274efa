//! Messages a hostile or buggy renderer could send, each of which used to abort the process
//! or grow it without bound: now refused with an error naming what was wrong, while the
//! session keeps answering.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::{json, Value};

/// `levels` nested divs, the innermost with id `next` (so the next message can nest deeper).
fn nest(levels: usize, next: &str) -> Value {
    let mut v = json!({"type": "Div", "props": {"id": next, "children": "x"}});
    for _ in 0..levels {
        v = json!({"type": "Div", "props": {"children": [v]}});
    }
    v
}

#[tokio::test]
async fn a_layout_grown_level_by_level_stops_at_the_depth_bound() -> Result<()> {
    let app = App::new("deep").layout(div((div(id("n0")), button("ok").id("ok"), div(id("out")))))
        .callback(Input::new("ok", "n_clicks"), Output::new("out", "children"), |n: Option<u64>| n.unwrap_or(0))
        .suppress_callback_exceptions(true);
    let mut t = TestApp::start(app).await?;
    let mut refused = None;
    // 100 valid changes of ~30 levels each would build a 6,000-level chain.
    for n in 0..100 {
        let change = Change::new(format!("n{n}"), "children", nest(30, &format!("n{}", n + 1)));
        if let Err(e) = t.session.apply(vec![change]).await {
            refused = Some((n, e));
            break;
        }
    }
    let (at, error) = refused.expect("the chain is refused before 100 levels of messages");
    assert!(matches!(error, EngineError::LayoutTooDeep { limit: 400, .. }), "{error}");
    assert!(error.to_string().contains("nests deeper than 400 levels"), "{error}");
    assert!(at > 3, "layouts of ordinary depth are accepted ({at} messages were)");
    // Reading the deep layout back and replacing its top both still work.
    assert_eq!(t.get("n1", "children").await["type"], "Div");
    t.set("n0", "children", "flat again").await?;
    assert_eq!(t.get("n0", "children").await, "flat again");
    t.set("ok", "n_clicks", 1).await?;
    assert_eq!(t.get("out", "children").await, json!(1), "the session keeps answering");
    Ok(())
}
