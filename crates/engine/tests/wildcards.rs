//! Pattern-matching callbacks (`ALL`, `MATCH`, `ALLSMALLER`), the callback context, and
//! components that appear or disappear as new children.

mod common;
use common::*;
use deskdash_engine::*;
use serde_json::{json, Value};

type R<T> = std::result::Result<T, CallbackError>;

fn item(i: i64) -> Value {
    json!({"type": "item", "index": i})
}
fn label(i: i64) -> Value {
    json!({"type": "label", "index": i})
}

fn items_layout(n: i64) -> Component {
    let mut kids = vec![div(0).id("total"), div("").id("trig")];
    for i in 0..n {
        kids.push(input(item(i)).value(i + 1));
        kids.push(div("").id(label(i)));
    }
    div(kids)
}

fn all_app() -> App {
    App::new("all").layout(items_layout(3)).add(
        Callback::new(
            Input::new(json!({"type": "item", "index": ALL}), "value"),
            Output::new("total", "children"),
            |v: Vec<i64>| -> R<i64> { Ok(v.iter().sum()) },
        )
        .name("sum"),
    )
}

case!(
    all_collects_every_match_in_layout_order,
    all_app(),
    [expect("total", "children", 6), set(item(1), "value", 10), expect("total", "children", 14), Calls("sum", 1),]
);

case!(
    all_as_output_writes_each_match,
    App::new("allout").layout(items_layout(3)).add(
        Callback::new(
            Input::new("total", "children"),
            Output::new(json!({"type": "label", "index": ALL}), "children"),
            |t: i64| -> R<Vec<String>> { Ok((0..3).map(|i| format!("{i}/{t}")).collect()) }
        )
        .name("labels")
    ),
    [
        expect(label(2), "children", "2/0"),
        set("total", "children", 7),
        expect(label(0), "children", "0/7"),
        expect(label(1), "children", "1/7")
    ]
);

fn match_app() -> App {
    App::new("match").layout(items_layout(3)).add(
        Callback::new(
            Input::new(json!({"type": "item", "index": MATCH}), "value"),
            Output::new(json!({"type": "label", "index": MATCH}), "children"),
            |v: i64, ctx: Ctx| -> R<String> {
                let who = ctx.triggered_id().map(|id| id.to_string()).unwrap_or_else(|| "initial".into());
                Ok(format!("{v} by {who}"))
            },
        )
        .name("per_item"),
    )
}

case!(
    match_runs_one_instance_per_item,
    match_app(),
    [
        Total("per_item", 3),
        expect(label(0), "children", "1 by initial"),
        set(item(2), "value", 9),
        Calls("per_item", 1),
        expect(label(2), "children", "9 by {\"index\":2,\"type\":\"item\"}"),
        expect(label(0), "children", "1 by initial"),
    ]
);

case!(
    allsmaller_sees_only_earlier_items,
    App::new("smaller").layout(items_layout(4)).add(
        Callback::new(
            (
                Input::new(json!({"type": "item", "index": MATCH}), "value"),
                Input::new(json!({"type": "item", "index": ALLSMALLER}), "value")
            ),
            Output::new(json!({"type": "label", "index": MATCH}), "children"),
            |v: i64, before: Vec<i64>| -> R<String> { Ok(format!("{v} after {before:?}")) }
        )
        .name("running_sum")
    ),
    [
        expect(label(0), "children", "1 after []"),
        expect(label(3), "children", "4 after [1, 2, 3]"),
        set(item(1), "value", 20),
        expect(label(3), "children", "4 after [1, 20, 3]")
    ]
);

case!(
    all_with_no_matches_fires_with_empty_list,
    App::new("empty").layout(div((div(0).id("total"),))).add(
        Callback::new(
            Input::new(json!({"type": "item", "index": ALL}), "value"),
            Output::new("total", "children"),
            |v: Vec<i64>| -> R<usize> { Ok(v.len() + 100) }
        )
        .name("count")
    ),
    [expect("total", "children", 100)]
);

fn todo_app() -> App {
    // Items added by a button appear as new children; their MATCH callbacks make their initial
    // calls, and the ALL callback sees the new list.
    App::new("todo")
        .layout(div((button("add").id("add"), button("clear").id("clear"), div(()).id("list"), div(0).id("count"))))
        .add(
            Callback::new(
                (Input::new("add", "n_clicks"), State::new("list", "children")),
                Output::new("list", "children").allow_duplicate(),
                |n: Option<i64>, mut list: Vec<Value>| -> R<Vec<Value>> {
                    let Some(n) = n else { Err(PreventUpdate)? };
                    list.push(div((input(item(n)).value(n), div("").id(label(n)))).to_json());
                    Ok(list)
                },
            )
            .prevent_initial_call(true)
            .name("add"),
        )
        .add(
            Callback::new(
                Input::new("clear", "n_clicks"),
                Output::new("list", "children").allow_duplicate(),
                |_n: i64| -> R<Vec<Value>> { Ok(vec![]) },
            )
            .prevent_initial_call(true)
            .name("clear"),
        )
        .add(
            Callback::new(
                Input::new(json!({"type": "item", "index": MATCH}), "value"),
                Output::new(json!({"type": "label", "index": MATCH}), "children"),
                |v: i64| -> R<String> { Ok(format!("item {v}")) },
            )
            .name("label"),
        )
        .add(
            Callback::new(
                Input::new(json!({"type": "item", "index": ALL}), "value"),
                Output::new("count", "children"),
                |v: Vec<i64>| -> R<usize> { Ok(v.len()) },
            )
            .name("count"),
        )
}

case!(
    new_children_make_initial_calls_and_removed_ones_stop,
    todo_app(),
    [
        expect("count", "children", 0),
        set("add", "n_clicks", 1),
        expect(label(1), "children", "item 1"),
        expect("count", "children", 1),
        Calls("label", 1),
        set("add", "n_clicks", 2),
        expect(label(2), "children", "item 2"),
        expect("count", "children", 2),
        set(item(1), "value", 5),
        expect(label(1), "children", "item 5"),
        Calls("label", 1),
        set("clear", "n_clicks", 1),
        expect("count", "children", 0),
        Calls("label", 0),
        Refused(item(1), "value", json!(3), "unknown component id"),
    ]
);

// ---- callback context ---------------------------------------------------------------------

fn ctx_app() -> App {
    App::new("ctx").layout(div((button("a").id("a"), button("b").id("b"), div("").id("who"), div("").id("props")))).add(
        Callback::new(
            (Input::new("a", "n_clicks"), Input::new("b", "n_clicks")),
            (Output::new("who", "children"), Output::new("props", "children")),
            |_a: Option<i64>, _b: Option<i64>, ctx: Ctx| -> R<(String, String)> {
                let who = ctx.triggered_id().map(|i| i.to_string()).unwrap_or_else(|| "none".into());
                let props: Vec<String> = ctx.triggered_prop_ids().into_keys().collect();
                Ok((who, props.join(",")))
            },
        )
        .name("ctx"),
    )
}

case!(
    ctx_triggered_id_and_prop_ids,
    ctx_app(),
    [
        expect("who", "children", "none"),
        expect("props", "children", ""),
        set("b", "n_clicks", 1),
        expect("who", "children", "b"),
        expect("props", "children", "b.n_clicks"),
        SetMany(vec![(json!("a"), "n_clicks", json!(1)), (json!("b"), "n_clicks", json!(2))]),
        expect("props", "children", "a.n_clicks,b.n_clicks"),
        Calls("ctx", 1),
    ]
);

case!(
    ctx_inputs_list_has_dash_shape,
    App::new("il").layout(items_layout(2)).add(
        Callback::new(
            Input::new(json!({"type": "item", "index": ALL}), "value"),
            Output::new("trig", "children"),
            |_v: Vec<i64>, ctx: Ctx| -> R<String> { Ok(serde_json::to_string(ctx.inputs_list()).unwrap_or_default()) }
        )
        .name("il")
    ),
    [expect(
        "trig",
        "children",
        r#"[[{"id":{"index":0,"type":"item"},"property":"value","value":1},{"id":{"index":1,"type":"item"},"property":"value","value":2}]]"#
    )]
);

case!(
    ctx_input_finds_one_member_of_an_all_list_and_an_exact_input,
    App::new("one").layout(div((items_layout(3), input("extra").value("x")))).add(
        Callback::new(
            (Input::new(json!({"type": "item", "index": ALL}), "value"), Input::new("extra", "value")),
            Output::new("trig", "children"),
            |_v: Vec<i64>, _x: Option<String>, ctx: Ctx| -> R<String> {
                let of = |id: Value, prop: &str| {
                    let id = ComponentId::from_json(&id).map_err(CallbackError::msg)?;
                    Ok::<_, CallbackError>(ctx.input(&id, prop).cloned().unwrap_or(Value::Null))
                };
                let found = [of(item(2), "value")?, of(item(0), "value")?, of(json!("extra"), "value")?];
                // Not an input of this call: a prop it does not read, an id it does not list.
                let missing = [of(item(1), "n_clicks")?, of(item(7), "value")?, of(json!("trig"), "children")?];
                Ok(serde_json::to_string(&(found, missing)).unwrap_or_default())
            },
        )
        .name("one"),
    ),
    [
        expect("trig", "children", r#"[[3,1,"x"],[null,null,null]]"#),
        set(item(0), "value", 5),
        expect("trig", "children", r#"[[3,5,"x"],[null,null,null]]"#)
    ]
);

// ---- set_props -----------------------------------------------------------------------------

case!(
    set_props_writes_other_components_and_fires_their_callbacks,
    App::new("sp")
        .layout(div((button("go").id("go"), input("target").value("-"), div("").id("echo"), div("").id("out"))))
        .add(
            Callback::new(Input::new("go", "n_clicks"), Output::new("out", "children"), |n: i64, ctx: Ctx| -> R<String> {
                ctx.set_props("target", json!({"value": format!("set {n}")}));
                Ok("done".into())
            })
            .prevent_initial_call(true)
            .name("go")
        )
        .add(
            Callback::new(Input::new("target", "value"), Output::new("echo", "children"), |v: String| -> R<String> {
                Ok(format!("echo {v}"))
            })
            .name("echo")
        ),
    [
        set("go", "n_clicks", 2),
        expect("target", "value", "set 2"),
        expect("echo", "children", "echo set 2"),
        expect("out", "children", "done")
    ]
);

// ---- layout per window ---------------------------------------------------------------------

#[tokio::test]
async fn layout_function_is_called_per_window() {
    use std::sync::atomic::{AtomicI64, Ordering};
    static NEXT: AtomicI64 = AtomicI64::new(0);
    let app = App::new("per-window").layout(|| div((div(NEXT.fetch_add(1, Ordering::SeqCst)).id("n"),))).build().expect("builds");
    let (a, _ea, _) = Session::start(app.clone()).await.expect("window a");
    let (b, _eb, _) = Session::start(app).await.expect("window b");
    let va = a.get("n".into(), "children").await.expect("a");
    let vb = b.get("n".into(), "children").await.expect("b");
    assert_ne!(va, vb, "each window renders its own layout");
}
