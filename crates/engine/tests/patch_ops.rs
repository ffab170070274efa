//! `Patch`: every operation on nested paths, applied to the session's value and forwarded to
//! the renderer as operations rather than the whole value.

mod common;
use common::*;
use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::{json, Value};

type R<T> = std::result::Result<T, CallbackError>;

/// A store holding `initial`, and a button whose click returns the patch `make` builds.
fn patch_app(initial: Value, make: fn() -> Patch) -> App {
    App::new("patch")
        .layout(div((button("go").id("go"), store("s").data(initial))))
        .add(
            Callback::new(Input::new("go", "n_clicks"), Output::new("s", "data"), move |_n: i64| -> R<Patch> { Ok(make()) })
                .prevent_initial_call(true)
                .name("patch"),
        )
}

macro_rules! patch_case {
    ($name:ident, $initial:expr, $make:expr, $expected:expr) => {
        case!($name, patch_app($initial, $make), [set("go", "n_clicks", 1), expect("s", "data", $expected)]);
    };
}

patch_case!(patch_assign_nested, json!({"a": {"b": 1}}), || Patch::new().assign(["a", "b"], 2), json!({"a": {"b": 2}}));
patch_case!(patch_assign_creates_keys, json!({}), || Patch::new().assign(["x", "y"], "new"), json!({"x": {"y": "new"}}));
patch_case!(patch_assign_list_index, json!({"l": [1, 2, 3]}), || Patch::new().assign(vec![PathSeg::from("l"), PathSeg::from(-1)], 9), json!({"l": [1, 2, 9]}));
patch_case!(patch_delete_key, json!({"a": 1, "b": 2}), || Patch::new().delete(["a"]), json!({"b": 2}));
patch_case!(patch_delete_index, json!([1, 2, 3]), || Patch::new().delete([1]), json!([1, 3]));
patch_case!(patch_append, json!({"l": [1]}), || Patch::new().append(["l"], 2), json!({"l": [1, 2]}));
patch_case!(patch_prepend, json!({"l": [1]}), || Patch::new().prepend(["l"], 0), json!({"l": [0, 1]}));
patch_case!(patch_extend, json!({"l": [1]}), || Patch::new().extend(["l"], [2, 3]), json!({"l": [1, 2, 3]}));
patch_case!(patch_insert, json!({"l": [1, 3]}), || Patch::new().insert(["l"], 1, 2), json!({"l": [1, 2, 3]}));
patch_case!(patch_merge, json!({"o": {"a": 1}}), || Patch::new().merge(["o"], json!({"b": 2})), json!({"o": {"a": 1, "b": 2}}));
patch_case!(patch_remove_value, json!({"l": ["a", "b", "a"]}), || Patch::new().remove(["l"], "a"), json!({"l": ["b"]}));
patch_case!(
    patch_several_ops_in_order,
    json!({"fig": {"data": [{"y": [1]}]}}),
    || Patch::new().append(vec![PathSeg::from("fig"), "data".into(), 0.into(), "y".into()], 2).assign(["fig", "title"], "t"),
    json!({"fig": {"data": [{"y": [1, 2]}], "title": "t"}})
);

case!(
    patch_out_of_range_is_an_error_and_keeps_the_value,
    patch_app(json!([1]), || Patch::new().delete([5])),
    [set("go", "n_clicks", 1), Errors(1, "index 5 out of range"), expect("s", "data", json!([1]))]
);

#[tokio::test]
async fn patch_is_forwarded_as_operations_not_a_whole_value() {
    let app = App::new("fig")
        .layout(div((button("go").id("go"), graph("g").figure(json!({"data": [{"y": [1]}]})))))
        .add(
            Callback::new(Input::new("go", "n_clicks"), Output::new("g", "figure"), |n: i64| -> R<Patch> {
                Ok(Patch::new().append(vec![PathSeg::from("data"), 0.into(), "y".into()], n))
            })
            .prevent_initial_call(true),
        );
    let mut t = TestApp::start(app).await.expect("starts");
    t.take_batches();
    t.set("go", "n_clicks", 2).await.expect("set");
    let batches = t.take_batches();
    assert_eq!(batches.len(), 1);
    let update = &batches[0].updates[0];
    assert_eq!(update.prop, "figure");
    match &update.update {
        UpdateKind::Patch(ops) => {
            assert_eq!(ops, &vec![PatchOp::Append { path: vec!["data".into(), 0.into(), "y".into()], value: json!(2) }])
        }
        other => panic!("expected patch operations, got {other:?}"),
    }
    assert_eq!(t.get("g", "figure").await, json!({"data": [{"y": [1, 2]}]}));
}
