//! What registration rejects (with callback, id and property named) and what a session
//! refuses at run time without stopping.

mod common;
use common::*;
use deskdash_engine::*;
use serde_json::json;

type R<T> = std::result::Result<T, CallbackError>;

fn base() -> App {
    App::new("v").layout(div((input("a").value(1), input("b").value(2), div("").id("out"))))
}

#[test]
fn duplicate_output_is_rejected_naming_both_callbacks() {
    let app = base()
        .add(Callback::new(Input::new("a", "value"), Output::new("out", "children"), |v: i64| -> R<i64> { Ok(v) }).name("first"))
        .add(Callback::new(Input::new("b", "value"), Output::new("out", "children"), |v: i64| -> R<i64> { Ok(v) }).name("second"));
    rejected(app, &["second", "first", "out.children", "allow_duplicate"]);
}

#[test]
fn cycle_is_rejected_naming_its_members() {
    let app = base()
        .add(Callback::new(Input::new("a", "value"), Output::new("b", "value"), |v: i64| -> R<i64> { Ok(v) }).name("a_to_b"))
        .add(Callback::new(Input::new("b", "value"), Output::new("a", "value"), |v: i64| -> R<i64> { Ok(v) }).name("b_to_a"));
    rejected(app, &["cycle", "a_to_b", "b_to_a"]);
}

#[test]
fn id_in_no_layout_is_rejected_unless_dynamic_layouts_are_allowed() {
    let make = || Callback::new(Input::new("ghost", "value"), Output::new("out", "children"), |v: i64| -> R<i64> { Ok(v) }).name("haunted");
    rejected(base().add(make()), &["haunted", "ghost", "value", "no layout"]);
    assert!(base().suppress_callback_exceptions(true).add(make()).build().is_ok());
}

#[test]
fn unknown_property_in_a_dependency_is_rejected() {
    let app = base().add(Callback::new(Input::new("a", "valu"), Output::new("out", "children"), |v: i64| -> R<i64> { Ok(v) }).name("typo"));
    rejected(app, &["typo", "a.valu", "Input"]);
}

#[test]
fn arity_mismatch_is_rejected() {
    let app = base().add(Callback::new((Input::new("a", "value"), State::new("b", "value")), Output::new("out", "children"), |v: i64| -> R<i64> { Ok(v) }).name("short"));
    rejected(app, &["short", "takes 1", "declares 2"]);
}

#[test]
fn callback_without_input_is_rejected() {
    let app = base().add(Callback::new(State::new("a", "value"), Output::new("out", "children"), |v: i64| -> R<i64> { Ok(v) }).name("inert"));
    rejected(app, &["inert", "no Input"]);
}

#[test]
fn duplicate_ids_in_a_layout_are_rejected_naming_both_places() {
    let app = App::new("dup").layout(div((div(input("x")).id("left"), div((span("s"), input("x"))).id("right"))));
    rejected(app, &["duplicate component id x", "left", "right"]);
}

#[test]
fn unknown_component_property_in_layout_is_rejected() {
    rejected(App::new("p").layout(div(input("i").prop("colour", "red"))), &["i", "Input", "colour"]);
}

#[test]
fn malformed_pattern_id_is_rejected() {
    let app = base().add(Callback::new(Input::new(json!({"type": [1]}), "value"), Output::new("out", "children"), |v: i64| -> R<i64> { Ok(v) }).name("bad"));
    rejected(app, &["bad", "must be"]);
}

// ---- bad input at run time -----------------------------------------------------------------

fn echo() -> App {
    App::new("e")
        .layout(div((input("in").value(1), button("b").id("b"), div("").id("out"))))
        .add(Callback::new(Input::new("in", "value"), Output::new("out", "children"), |v: u32| -> R<String> { Ok(format!("n={v}")) }).name("typed"))
}

case!(unknown_id_is_refused_and_session_continues, echo(), [
    Refused(json!("nope"), "value", json!(1), "unknown component id nope"),
    set("in", "value", 2),
    expect("out", "children", "n=2"),
]);

case!(unknown_property_is_refused, echo(), [Refused(json!("in"), "valeu", json!(1), "has no property valeu"), set("in", "value", 3), expect("out", "children", "n=3")]);

case!(wrong_json_type_is_refused, echo(), [Refused(json!("b"), "n_clicks", json!("many"), "b.n_clicks: expected an integer")]);

case!(malformed_id_is_refused, echo(), [Refused(json!([1, 2]), "value", json!(1), "bad id")]);

case!(wrong_argument_type_reports_the_id_and_property, echo(), [
    set("in", "value", "seven"),
    Errors(1, "in.value"),
    expect("out", "children", "n=1"),
    set("in", "value", 7),
    expect("out", "children", "n=7"),
]);

case!(
    output_of_wrong_type_is_an_error,
    App::new("o").layout(div((input("in").value(1), button("b").id("b")))).add(
        Callback::new(Input::new("in", "value"), Output::new("b", "n_clicks"), |v: i64| -> R<String> { Ok(format!("{v}")) }).name("bad_out")
    ),
    [Errors(1, "b.n_clicks: expected an integer"), expect("b", "n_clicks", json!(null))]
);
