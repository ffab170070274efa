//! Clientside callbacks in the engine's wave ordering: the renderer runs their JavaScript (here
//! a Rust stand-in answers for it), and Rust callbacks downstream of them wait for the result
//! and fire once, in the same wave.

use deskdash_engine::testing::{StandIn, TestApp};
use deskdash_engine::*;
use serde_json::{json, Value};
use std::sync::Arc;

type R<T> = std::result::Result<T, CallbackError>;

fn value(v: Value) -> ClientsideOutcome {
    ClientsideOutcome::Value { value: v }
}

fn upper_app() -> App {
    App::new("clientside")
        .layout(div((input("name").value("a"), div("").id("upper"), div("").id("len"))))
        .add(
            Callback::clientside(
                Input::new("name", "value"),
                Output::new("upper", "children"),
                "function(v) { return v.toUpperCase(); }",
            )
            .name("upper"),
        )
        .add(
            Callback::new(Input::new("upper", "children"), Output::new("len", "children"), |s: String| -> R<String> {
                Ok(format!("{s} has {} letters", s.len()))
            })
            .name("len"),
        )
}

fn upper() -> StandIn {
    Arc::new(|call| value(json!(call.args[0].as_str().unwrap_or_default().to_uppercase())))
}

#[tokio::test]
async fn a_rust_callback_downstream_of_a_clientside_one_fires_once_in_the_same_wave() {
    let mut t = TestApp::start_with_clientside(upper_app(), vec![("upper", upper())]).await.expect("starts");
    assert_eq!(t.get("upper", "children").await, "A", "initial clientside call");
    assert_eq!(t.get("len", "children").await, "A has 1 letters", "and the Rust callback after it");
    t.take_batches();
    t.set("name", "value", "abc").await.expect("type");
    assert_eq!(t.get("len", "children").await, "ABC has 3 letters");
    assert_eq!(t.calls_since_last_set("upper").await, 1);
    assert_eq!(t.calls_since_last_set("len").await, 1);
    let batches = t.take_batches();
    assert_eq!(batches.len(), 1, "one wave, one batch: {batches:#?}");
    let props: Vec<String> = batches[0].updates.iter().map(|u| format!("{}.{}", u.id, u.prop)).collect();
    assert_eq!(props, vec!["upper.children", "len.children"]);
}

#[tokio::test]
async fn a_callback_fed_by_rust_and_clientside_paths_waits_for_both() {
    // x -> a (Rust) -> b (clientside) ; c reads a and b: it must fire once, with both new.
    let app = App::new("diamond")
        .layout(div((input("x").value(1), div(0).id("a"), div(0).id("b"), div("").id("c"))))
        .add(Callback::new(Input::new("x", "value"), Output::new("a", "children"), |x: i64| -> R<i64> { Ok(x * 10) }).name("a"))
        .add(
            Callback::clientside(Input::new("a", "children"), Output::new("b", "children"), "function(a) { return a + 1; }")
                .name("b"),
        )
        .add(
            Callback::new(
                (Input::new("a", "children"), Input::new("b", "children")),
                Output::new("c", "children"),
                |a: i64, b: i64| -> R<String> { Ok(format!("{a}/{b}")) },
            )
            .name("c"),
        );
    let plus_one: StandIn = Arc::new(|call| value(json!(call.args[0].as_i64().unwrap_or_default() + 1)));
    let mut t = TestApp::start_with_clientside(app, vec![("b", plus_one)]).await.expect("starts");
    assert_eq!(t.get("c", "children").await, "10/11");
    assert_eq!(t.calls("c").await, 1, "no intermediate call before the clientside result");
    t.take_batches();
    t.set("x", "value", 7).await.expect("set");
    assert_eq!(t.get("c", "children").await, "70/71");
    assert_eq!(t.calls_since_last_set("c").await, 1);
    let batches = t.take_batches();
    assert_eq!(batches.len(), 1, "the wave waits for the renderer's answer: {batches:#?}");
    assert_eq!(batches[0].updates.len(), 3, "a, b and c together");
}

#[tokio::test]
async fn prevent_update_no_update_and_errors_behave_as_in_rust_callbacks() {
    let app = App::new("outcomes")
        .layout(div((
            input("in").value(""),
            div("keep").id("o1"),
            div("keep").id("o2"),
            button("other").id("other"),
            div(0).id("clicks"),
        )))
        .add(
            Callback::clientside(
                Input::new("in", "value"),
                (Output::new("o1", "children"), Output::new("o2", "children")),
                "function(v) { ... }",
            )
            .name("pair"),
        )
        .add(
            Callback::new(Input::new("other", "n_clicks"), Output::new("clicks", "children"), |n: Option<i64>| -> R<i64> {
                Ok(n.unwrap_or(0))
            })
            .name("clicks"),
        );
    let stand_in: StandIn = Arc::new(|call| match call.args[0].as_str() {
        Some("") => ClientsideOutcome::Prevent,
        Some("boom") => ClientsideOutcome::Error { message: "TypeError: boom is not a function".into() },
        // The renderer sends `dash_clientside.no_update` as its wire marker.
        Some(v) => value(json!([v, {"__deskdash_no_update__": true}])),
        None => ClientsideOutcome::Error { message: "not a string".into() },
    });
    let mut t = TestApp::start_with_clientside(app, vec![("pair", stand_in)]).await.expect("starts");
    assert_eq!(t.get("o1", "children").await, "keep", "PreventUpdate on the initial call");
    t.set("in", "value", "new").await.expect("set");
    assert_eq!(t.get("o1", "children").await, "new");
    assert_eq!(t.get("o2", "children").await, "keep", "no_update leaves o2");
    t.set("in", "value", "boom").await.expect("set");
    let errors = t.take_errors();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].callback, "pair");
    assert_eq!(errors[0].inputs, vec!["in.value"]);
    assert!(errors[0].message.contains("boom is not a function"));
    assert_eq!(t.get("o1", "children").await, "new", "a failed call changes nothing");
    t.set("other", "n_clicks", 3).await.expect("click");
    assert_eq!(t.get("clicks", "children").await, 3, "the session keeps running");
}

#[tokio::test]
async fn a_clientside_result_of_the_wrong_shape_or_type_is_reported() {
    let app = App::new("shapes")
        .layout(div((input("in").value("x"), div("").id("o1"), div("").id("o2"), slider("s").value(1))))
        .add(
            Callback::clientside(
                Input::new("in", "value"),
                (Output::new("o1", "children"), Output::new("o2", "children")),
                "function(v) { return v; }",
            )
            .name("pair"),
        )
        .add(
            Callback::clientside(Input::new("in", "value"), Output::new("s", "value"), "function(v) { return v; }")
                .name("slider"),
        );
    let echo: StandIn = Arc::new(|call| value(call.args[0].clone()));
    let mut t = TestApp::start_with_clientside(app, vec![("pair", echo.clone()), ("slider", echo)]).await.expect("starts");
    let mut messages: Vec<String> = t.take_errors().into_iter().map(|e| format!("{}: {}", e.callback, e.message)).collect();
    messages.sort();
    assert_eq!(messages.len(), 2, "{messages:#?}");
    assert_eq!(messages[0], r#"pair: returned the string "x" for 2 outputs; expected a list of 2"#);
    assert_eq!(messages[1], r#"slider: output s.value: expected a number, got the string "x""#);
}

#[tokio::test]
async fn pattern_matched_clientside_callbacks_get_lists_and_the_context() {
    let item = |i: i64| json!({"type": "item", "index": i});
    let app = App::new("all")
        .layout(div((
            input(item(0)).value(1),
            input(item(1)).value(2),
            input(item(2)).value(3),
            div(0).id("total"),
            div("").id("who"),
        )))
        .add(
            Callback::clientside(
                Input::new(json!({"type": "item", "index": ALL}), "value"),
                (Output::new("total", "children"), Output::new("who", "children")),
                "function(values) { ... }",
            )
            .name("sum"),
        );
    let sum: StandIn = Arc::new(|call| {
        let total: i64 = call.args[0].as_array().map(|a| a.iter().filter_map(Value::as_i64).sum()).unwrap_or_default();
        let listed = call.context.inputs_list[0].as_array().map_or(0, Vec::len);
        let who = call
            .context
            .triggered
            .first()
            .map(|t| format!("{} -> {} ({listed} listed)", t["prop_id"], t["value"]))
            .unwrap_or_default();
        value(json!([total, who]))
    });
    let mut t = TestApp::start_with_clientside(app, vec![("sum", sum)]).await.expect("starts");
    assert_eq!(t.get("total", "children").await, 6);
    t.set(item(1), "value", 20).await.expect("set");
    assert_eq!(t.get("total", "children").await, 24);
    assert_eq!(t.get("who", "children").await, r#""{\"index\":1,\"type\":\"item\"}.value" -> 20 (3 listed)"#);
}

#[tokio::test]
async fn store_data_stays_in_rust_and_reaches_clientside_callbacks_only_as_arguments() {
    let app = App::new("stores")
        .layout(div((
            button("go").id("go"),
            store("private").data(json!([1, 2, 3])),
            store("shared").data(json!({"n": 1})),
            div("").id("out"),
        )))
        .add(
            Callback::new(
                Input::new("go", "n_clicks"),
                (Output::new("private", "data"), Output::new("shared", "data")),
                |n: i64| -> R<(Vec<i64>, Value)> { Ok((vec![n; 3], json!({"n": n}))) },
            )
            .name("write")
            .prevent_initial_call(true),
        )
        .add(
            Callback::clientside(
                Input::new("shared", "data"),
                Output::new("out", "children"),
                "function(d) { return 'n=' + d.n; }",
            )
            .name("show"),
        );
    let show: StandIn = Arc::new(|call| value(json!(format!("n={}", call.args[0]["n"]))));
    let mut t = TestApp::start_with_clientside(app, vec![("show", show)]).await.expect("starts");
    let layout = serde_json::to_string(&t.initial.layout).expect("json");
    assert!(!layout.contains("[1,2,3]") && !layout.contains(r#"{"n":1}"#), "store data left out of the layout: {layout}");
    assert_eq!(t.get("out", "children").await, "n=1", "the clientside callback got the data as its argument");
    t.take_batches();
    t.set("go", "n_clicks", 5).await.expect("click");
    let sent: Vec<String> =
        t.take_batches().iter().flat_map(|b| b.updates.iter().map(|u| format!("{}.{}", u.id, u.prop))).collect();
    let mut sent = sent;
    sent.sort();
    assert_eq!(
        sent,
        vec!["out.children", "private.modified_timestamp", "shared.modified_timestamp"],
        "no store data crosses to the renderer, only when it was written"
    );
    assert_eq!(t.get("out", "children").await, "n=5");
    assert_eq!(t.get("private", "data").await, json!([5, 5, 5]), "Rust keeps the data");
}

#[tokio::test]
async fn the_renderer_answers_with_set_props_and_stale_or_unknown_answers_are_handled() {
    let app = App::new("raw")
        .layout(div((input("in").value("a"), div("").id("out"), div("").id("side"), div("").id("after"))))
        .add(Callback::clientside(Input::new("in", "value"), Output::new("out", "children"), "function(v) { ... }").name("echo"))
        .add(
            Callback::new(Input::new("side", "children"), Output::new("after", "children"), |s: String| -> R<String> {
                Ok(format!("saw {s}"))
            })
            .name("after"),
        )
        .build()
        .expect("builds");
    let functions = app.clientside_functions();
    assert_eq!(functions.len(), 1);
    assert_eq!(
        (functions[0].callback, functions[0].name.as_str(), functions[0].source.as_str()),
        (0, "echo", "function(v) { ... }")
    );

    let (session, mut events, initial) = Session::start(app).await.expect("starts");
    assert!(
        initial.batches.iter().all(|b| b.updates.iter().all(|u| u.id.to_string() != "out")),
        "the load does not wait for the renderer"
    );
    let call = loop {
        match events.recv().await.expect("the initial clientside call") {
            SessionEvent::Clientside { call } => break call,
            _ => continue,
        }
    };
    assert_eq!((call.callback, call.name.as_str(), call.args.clone()), (0, "echo", vec![json!("a")]));
    assert!(call.context.triggered.is_empty() && call.context.triggered_id.is_none(), "initial call: nothing triggered");
    let answer = ClientsideResult {
        call: call.call,
        outcome: value(json!("A")),
        set_props: vec![SetProps { id: json!("side"), props: serde_json::from_value(json!({"children": "hi"})).expect("map") }],
    };
    session.clientside_result(answer.clone()).await.expect("accepted");
    session.idle().await.expect("idle");
    assert_eq!(session.get("out".into(), "children").await.expect("out"), "A");
    assert_eq!(session.get("side".into(), "children").await.expect("side"), "hi", "set_props applied");
    assert_eq!(session.get("after".into(), "children").await.expect("after"), "saw hi", "and fired what reads it");

    // The same answer again is for a call no longer awaited: dropped, nothing changes.
    session
        .clientside_result(ClientsideResult { outcome: value(json!("again")), ..answer })
        .await
        .expect("stale answers are dropped");
    assert_eq!(session.get("out".into(), "children").await.expect("out"), "A");
    let err = session
        .clientside_result(ClientsideResult { call: 9_999, outcome: ClientsideOutcome::Prevent, set_props: Vec::new() })
        .await
        .expect_err("a call never made");
    assert_eq!(err.to_string(), "clientside result for call 9999, which was never made");
    assert_eq!(session.call_counts().await.expect("counts").get("echo"), Some(&1));
}

#[test]
fn registration_checks_clientside_callbacks_like_rust_ones() {
    let layout = || div((input("a").value(1), div("").id("b")));
    let err = |app: App| app.build().err().map(|e| e.to_string()).unwrap_or_default();
    let owned_twice = App::new("x")
        .layout(layout())
        .callback(Input::new("a", "value"), Output::new("b", "children"), |v: i64| -> R<i64> { Ok(v) })
        .clientside_callback(Input::new("a", "value"), Output::new("b", "children"), "function(v) { return v; }");
    assert!(err(owned_twice).contains("output b.children is already written by callback"));
    let cycle = App::new("x")
        .layout(layout())
        .callback(Input::new("a", "value"), Output::new("b", "children"), |v: i64| -> R<i64> { Ok(v) })
        .add(
            Callback::clientside(Input::new("b", "children"), Output::new("a", "value"), "function(v) { return v; }")
                .name("back"),
        );
    assert!(err(cycle).contains("back"), "the cycle names the clientside member");
    let background = App::new("x").layout(layout()).add(
        Callback::clientside(Input::new("a", "value"), Output::new("b", "children"), "function(v) { return v; }").background(),
    );
    assert!(err(background).contains("a clientside callback runs in the renderer"));
    let unknown = App::new("x").layout(layout()).clientside_callback(
        Input::new("a", "nope"),
        Output::new("b", "children"),
        "function(v) { return v; }",
    );
    assert!(err(unknown).contains("has no property nope"));
}
