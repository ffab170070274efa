//! A list of components edited by a `Patch` that appends or deletes one entry: the session
//! edits its registry in place (the cost of the one row, not the list) and must end where a
//! rewrite of the whole list would: new rows' ids known and in `ALL` lists in page order, a
//! deleted row's ids (nested ones too) gone, the edits users made to other rows kept.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::{json, Value};

fn row(i: i64) -> Component {
    div((input(json!({"type": "text", "index": i})).value(format!("row {i}")), span(format!("#{i}"))))
        .id(json!({"type": "row", "index": i}))
}

fn texts(values: Vec<Option<String>>) -> String {
    values.into_iter().map(Option::unwrap_or_default).collect::<Vec<_>>().join(",")
}

fn app() -> App {
    App::new("list")
        .layout(div((
            button("add").id("add"),
            button("del").id("del"),
            button("dup").id("dup"),
            div((row(0), row(1))).id("rows"),
            div(()).id("all"),
        )))
        .callback(Input::new("add", "n_clicks"), Output::new("rows", "children"), |n: i64| {
            Update::<Value>::Patch(Patch::new().append(Vec::<PathSeg>::new(), row(n + 1)))
        })
        .prevent_initial_call()
        .callback(Input::new("del", "n_clicks"), Output::new("rows", "children").allow_duplicate(), |_n: i64| {
            Update::<Value>::Patch(Patch::new().delete([0]))
        })
        .prevent_initial_call()
        .callback(Input::new("dup", "n_clicks"), Output::new("rows", "children").allow_duplicate(), |_n: i64| {
            Update::<Value>::Patch(Patch::new().append(Vec::<PathSeg>::new(), row(0)))
        })
        .prevent_initial_call()
        .callback(Input::new(json!({"type": "text", "index": ALL}), "value"), Output::new("all", "children"), texts)
}

#[tokio::test]
async fn appended_rows_join_all_lists_in_page_order_and_keep_other_rows_edits() -> deskdash_engine::Result<()> {
    let mut t = TestApp::start(app()).await?;
    assert_eq!(t.get("all", "children").await, json!("row 0,row 1"));
    t.set(json!({"type": "text", "index": 1}), "value", "edited").await?;
    t.set("add", "n_clicks", 1).await?;
    assert_eq!(t.get("all", "children").await, json!("row 0,edited,row 2"), "the new row is last, the edit kept");
    t.set(json!({"type": "text", "index": 2}), "value", "typed").await?;
    assert_eq!(t.get("all", "children").await, json!("row 0,edited,typed"), "the new row's input is live");
    let rows = t.get("rows", "children").await;
    assert_eq!(rows.as_array().map(Vec::len), Some(3));
    assert_eq!(rows[1]["props"]["children"][0]["props"]["value"], json!("edited"), "the list reads with current props");
    Ok(())
}

#[tokio::test]
async fn a_deleted_row_takes_its_nested_ids_with_it() -> deskdash_engine::Result<()> {
    let mut t = TestApp::start(app()).await?;
    t.set("del", "n_clicks", 1).await?;
    assert_eq!(t.get("all", "children").await, json!("row 1"));
    let gone = t.session.apply_as_app(vec![Change::new(json!({"type": "text", "index": 0}), "value", "x")]).await;
    assert!(gone.is_err(), "the deleted row's input is unknown now: {gone:?}");
    assert_eq!(t.get("rows", "children").await.as_array().map(Vec::len), Some(1));
    // Its id is free again: the same row can come back.
    t.set("dup", "n_clicks", 1).await?;
    assert_eq!(t.get("all", "children").await, json!("row 1,row 0"));
    Ok(())
}

#[tokio::test]
async fn appending_an_id_already_in_the_layout_is_refused_and_changes_nothing() -> deskdash_engine::Result<()> {
    let mut t = TestApp::start(app()).await?;
    t.set("dup", "n_clicks", 1).await?;
    let errors = t.take_errors();
    assert!(errors.iter().any(|e| e.message.contains("duplicate") || e.message.contains("Duplicate")), "{errors:?}");
    assert_eq!(t.get("rows", "children").await.as_array().map(Vec::len), Some(2));
    assert_eq!(t.get("all", "children").await, json!("row 0,row 1"));
    Ok(())
}
