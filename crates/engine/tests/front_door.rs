//! The author's front door: named functions returning plain values, one registration style
//! with options after it, registration of many callbacks at once, shared values, typed table
//! arguments and elements that start from an id.

use deskdash_engine::table::{FilterQuery, SortBy};
use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::{json, Value};

fn greet(name: String) -> String {
    format!("Hello, {name}!")
}

fn echo(v: Value) -> Value {
    v
}

fn clicks(n: Option<u64>) -> String {
    format!("{} clicks", n.unwrap_or(0))
}

#[tokio::test]
async fn named_functions_return_plain_values_and_name_their_callbacks() -> Result<()> {
    let app = App::new("greet")
        .layout(div((input("name").value("world"), h2(id("greeting")))))
        .callback(Input::new("name", "value"), Output::new("greeting", "children"), greet);
    let mut t = TestApp::start(app).await?;
    assert_eq!(t.get("greeting", "children").await, "Hello, world!");
    t.set("name", "value", "Ada").await?;
    assert_eq!(t.get("greeting", "children").await, "Hello, Ada!");
    assert_eq!(t.calls("greet").await, 2, "the callback is named after its function");
    Ok(())
}

#[tokio::test]
async fn options_apply_to_the_callbacks_registered_just_before() -> Result<()> {
    let mut kids = vec![button("go").id("go"), div(id("c0")), div(id("other"))];
    kids.extend((1..=3).map(|i| div(id(format!("c{i}")))));
    let app = App::new("chain")
        .layout(div(kids))
        .callback(Input::new("go", "n_clicks"), Output::new("c0", "children"), |n: Option<u64>| n.unwrap_or(0))
        .prevent_initial_call()
        .name("start")
        .callbacks((1..=3).map(|i| (Input::new(format!("c{}", i - 1), "children"), Output::new(format!("c{i}"), "children"), echo)))
        .prevent_initial_call()
        .callback(Input::new("go", "n_clicks"), Output::new("other", "children"), clicks);
    let mut t = TestApp::start(app).await?;
    assert_eq!(t.calls("start").await, 0, "prevent_initial_call reached the first callback");
    assert_eq!(t.calls("echo#1").await + t.calls("echo#2").await + t.calls("echo#3").await, 0, "and every callback of the group");
    assert_eq!(t.get("other", "children").await, "0 clicks", "but not the callback after them");
    t.set("go", "n_clicks", 4).await?;
    assert_eq!(t.get("c3", "children").await, json!(4), "the chain ran to its end");
    Ok(())
}

#[test]
fn an_option_before_any_callback_is_refused_at_registration() {
    let err = App::new("x").layout(div(())).prevent_initial_call().build().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("prevent_initial_call() applies to the callback registered before it"), "{err}");
}

#[test]
fn multiple_outputs_take_a_tuple_with_no_update_in_it() {
    fn split(v: String) -> (String, NoUpdate) {
        (v, NoUpdate)
    }
    let app = App::new("x")
        .layout(div((input("a").value("v"), div(id("b")), div(id("c")))))
        .callback(Input::new("a", "value"), (Output::new("b", "children"), Output::new("c", "children")), split);
    assert!(app.build().is_ok());
}

#[tokio::test]
async fn no_update_in_a_tuple_leaves_that_output() -> Result<()> {
    fn split(v: String) -> (String, NoUpdate) {
        (v, NoUpdate)
    }
    let app = App::new("x")
        .layout(div((input("a").value("v"), div("keep").id("b"), div("keep").id("c"))))
        .callback(Input::new("a", "value"), (Output::new("b", "children"), Output::new("c", "children")), split);
    let t = TestApp::start(app).await?;
    assert_eq!((t.get("b", "children").await, t.get("c", "children").await), (json!("v"), json!("keep")));
    Ok(())
}

struct Catalog {
    names: Vec<&'static str>,
}

fn lookup(i: usize, catalog: Shared<Catalog>) -> String {
    catalog.names.get(i).copied().unwrap_or("none").to_string()
}

#[tokio::test]
async fn shared_values_reach_callbacks_by_reference() -> Result<()> {
    let app = App::new("shared")
        .shared(Catalog { names: vec!["zero", "one"] })
        .layout(div((input("i").value(1), div(id("name")))))
        .callback(Input::new("i", "value"), Output::new("name", "children"), lookup);
    let mut t = TestApp::start(app).await?;
    assert_eq!(t.get("name", "children").await, "one");
    t.set("i", "value", 0).await?;
    assert_eq!(t.get("name", "children").await, "zero");
    Ok(())
}

#[test]
fn a_shared_value_never_registered_is_refused_at_registration() {
    let app = App::new("shared")
        .layout(div((input("i").value(1), div(id("name")))))
        .callback(Input::new("i", "value"), Output::new("name", "children"), lookup);
    let err = app.build().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("callback lookup") && err.contains("Catalog") && err.contains(".shared(value)"), "{err}");
}

fn rows(query: FilterQuery, sort_by: SortBy) -> Vec<Value> {
    let mut rows = query.filter(&[json!({"n": 3}), json!({"n": 1}), json!({"n": 2}), json!({"n": 9})]);
    sort_by.sort(&mut rows);
    rows
}

#[tokio::test]
async fn table_queries_are_callback_arguments() -> Result<()> {
    let app = App::new("table")
        .layout(div((data_table("t").filter_action("custom").sort_action("custom"), store("out"))))
        .callback((Input::new("t", "filter_query"), Input::new("t", "sort_by")), Output::new("out", "data"), rows);
    let mut t = TestApp::start(app).await?;
    assert_eq!(t.get("out", "data").await, json!([{"n": 3}, {"n": 1}, {"n": 2}, {"n": 9}]), "unset means all rows, unsorted");
    t.set("t", "filter_query", "{n} < 5").await?;
    t.set("t", "sort_by", json!([{"column_id": "n", "direction": "desc"}])).await?;
    assert_eq!(t.get("out", "data").await, json!([{"n": 3}, {"n": 2}, {"n": 1}]));
    t.set("t", "filter_query", "{n} <").await?;
    let errors = t.take_errors();
    assert!(errors.iter().any(|e| e.message.contains("t.filter_query") && e.message.contains("character")), "{errors:#?}");
    Ok(())
}

#[test]
fn elements_start_from_children_or_from_an_id() {
    assert_eq!(h2(id("greeting")).to_json(), json!({"type": "H2", "props": {"id": "greeting"}}));
    assert_eq!(p("text").to_json(), json!({"type": "P", "props": {"children": "text"}}));
    let graph = graph("g").height(340).to_json();
    assert_eq!(graph["props"]["style"], json!({"height": 340}));
}
