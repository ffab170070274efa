//! Dash's callback semantics, one small app per rule (basic, multiple outputs, prevent_initial,
//! prevent_update, no_update, allow_duplicate, wildcards, callback context, Patch, set_props,
//! missing inputs, validation).

mod common;
use common::*;
use deskdash_engine::*;
use serde_json::{json, Value};

type R<T> = std::result::Result<T, CallbackError>;

fn echo_app() -> App {
    App::new("echo").layout(div((input("in").value("a"), div("").id("out")))).add(
        Callback::new(Input::new("in", "value"), Output::new("out", "children"), |v: String| -> R<String> {
            Ok(format!("echo {v}"))
        })
        .name("echo"),
    )
}

// ---- basic -----------------------------------------------------------------------------

case!(initial_call_fires_once, echo_app(), [expect("out", "children", "echo a"), Total("echo", 1)]);

case!(change_fires_callback, echo_app(), [
    set("in", "value", "b"),
    expect("out", "children", "echo b"),
    Calls("echo", 1),
    set("in", "value", "c"),
    expect("out", "children", "echo c"),
    Total("echo", 3),
]);

fn prevent_initial(per_callback: Option<bool>, app_wide: bool) -> App {
    let mut cb = Callback::new(Input::new("in", "value"), Output::new("out", "children"), |v: String| -> R<String> {
        Ok(format!("echo {v}"))
    })
    .name("echo");
    if let Some(p) = per_callback {
        cb = cb.prevent_initial_call(p);
    }
    App::new("p")
        .prevent_initial_callbacks(app_wide)
        .layout(div((input("in").value("a"), div("start").id("out"))))
        .add(cb)
}

case!(prevent_initial_call_skips_load, prevent_initial(Some(true), false), [
    expect("out", "children", "start"),
    Total("echo", 0),
    set("in", "value", "b"),
    expect("out", "children", "echo b"),
    Total("echo", 1),
]);

case!(app_wide_prevent_initial_call, prevent_initial(None, true), [expect("out", "children", "start"), Total("echo", 0)]);

case!(per_callback_overrides_app_wide, prevent_initial(Some(false), true), [
    expect("out", "children", "echo a"),
    Total("echo", 1),
]);

fn state_app() -> App {
    App::new("state")
        .layout(div((button("go").id("go"), input("name").value("x"), div("").id("out"))))
        .add(
            Callback::new(
                (Input::new("go", "n_clicks"), State::new("name", "value")),
                Output::new("out", "children"),
                |n: Option<i64>, name: String| -> R<String> { Ok(format!("{}:{name}", n.unwrap_or(0))) },
            )
            .name("greet"),
        )
}

case!(state_never_triggers, state_app(), [
    expect("out", "children", "0:x"),
    set("name", "value", "y"),
    Calls("greet", 0),
    expect("out", "children", "0:x"),
    set("go", "n_clicks", 1),
    Calls("greet", 1),
    expect("out", "children", "1:y"),
]);

fn multi_app() -> App {
    App::new("multi").layout(div((input("n").value(3), div("").id("sq"), div("").id("cube")))).add(
        Callback::new(
            Input::new("n", "value"),
            (Output::new("sq", "children"), Output::new("cube", "children")),
            |n: i64| -> R<(i64, i64)> { Ok((n * n, n * n * n)) },
        )
        .name("powers"),
    )
}

case!(multiple_outputs, multi_app(), [
    expect("sq", "children", 9),
    expect("cube", "children", 27),
    set("n", "value", 2),
    expect("sq", "children", 4),
    expect("cube", "children", 8),
    Calls("powers", 1),
]);

case!(
    multiple_outputs_wrong_count_is_an_error,
    App::new("m").layout(div((input("n").value(1), div("").id("a"), div("").id("b")))).add(
        Callback::new(Input::new("n", "value"), (Output::new("a", "children"), Output::new("b", "children")), |n: i64| -> R<Vec<i64>> {
            Ok(vec![n; usize::try_from(n).unwrap_or(0)])
        })
        .name("two")
    ),
    [
        Errors(1, "returned 1 values for 2 outputs"),
        expect("a", "children", ""),
        set("n", "value", 2),
        expect("a", "children", 2),
        expect("b", "children", 2),
    ]
);

case!(
    callback_without_outputs_runs_for_side_effects,
    App::new("side").layout(div((button("b").id("b"), div("").id("log")))).add(
        Callback::new(Input::new("b", "n_clicks"), (), |n: Option<i64>, ctx: Ctx| -> R<()> {
            ctx.set_props("log", json!({"children": format!("clicked {}", n.unwrap_or(0))}));
            Ok(())
        })
        .name("side")
    ),
    [expect("log", "children", "clicked 0"), set("b", "n_clicks", 4), expect("log", "children", "clicked 4"), Calls("side", 1)]
);

case!(
    trigger_fires_without_a_value,
    App::new("trig").layout(div((button("b").id("b"), input("txt").value("t"), div("").id("out")))).add(
        Callback::new(
            (Trigger::new("b", "n_clicks"), State::new("txt", "value")),
            Output::new("out", "children"),
            |txt: String| -> R<String> { Ok(format!("got {txt}")) }
        )
        .name("trig")
        .prevent_initial_call(true)
    ),
    [set("b", "n_clicks", 1), expect("out", "children", "got t"), Calls("trig", 1)]
);

// ---- ordering ------------------------------------------------------------------------

fn chain_app() -> App {
    let step = |from: &'static str, to: &'static str, name: &'static str| {
        Callback::new(Input::new(from, "children"), Output::new(to, "children"), |v: i64| -> R<i64> { Ok(v + 1) }).name(name)
    };
    App::new("chain")
        .layout(div((div(0).id("a"), div(0).id("b"), div(0).id("c"), div(0).id("d"))))
        .add(step("a", "b", "ab"))
        .add(step("b", "c", "bc"))
        .add(step("c", "d", "cd"))
}

case!(chain_runs_in_dependency_order, chain_app(), [
    expect("d", "children", 3),
    Total("ab", 1),
    Total("bc", 1),
    Total("cd", 1),
    set("a", "children", 10),
    expect("d", "children", 13),
    Calls("ab", 1),
    Calls("bc", 1),
    Calls("cd", 1),
]);

fn diamond_app() -> App {
    App::new("diamond")
        .layout(div((input("x").value(1), div(0).id("l"), div(0).id("r"), div("").id("sum"))))
        .add(Callback::new(Input::new("x", "value"), Output::new("l", "children"), |x: i64| -> R<i64> { Ok(x * 10) }).name("left"))
        .add(Callback::new(Input::new("x", "value"), Output::new("r", "children"), |x: i64| -> R<i64> { Ok(x * 100) }).name("right"))
        .add(
            Callback::new(
                (Input::new("l", "children"), Input::new("r", "children")),
                Output::new("sum", "children"),
                |l: i64, r: i64| -> R<String> { Ok(format!("{l}+{r}")) },
            )
            .name("join"),
        )
}

case!(diamond_fires_join_once_with_both_results, diamond_app(), [
    expect("sum", "children", "10+100"),
    Total("join", 1),
    set("x", "value", 2),
    expect("sum", "children", "20+200"),
    Calls("join", 1),
    Calls("left", 1),
    Calls("right", 1),
]);

fn slow_upstream_app() -> App {
    App::new("slow")
        .layout(div((input("x").value(1), div(0).id("a"), div("").id("c"))))
        .add(
            Callback::new_async(Input::new("x", "value"), Output::new("a", "children"), |x: i64| async move {
                tokio::time::sleep(std::time::Duration::from_millis(30)).await;
                Ok::<_, CallbackError>(x * 2)
            })
            .name("slow_a"),
        )
        .add(
            Callback::new(
                (Input::new("x", "value"), Input::new("a", "children")),
                Output::new("c", "children"),
                |x: i64, a: i64| -> R<String> { Ok(format!("x={x} a={a}")) },
            )
            .name("c"),
        )
}

case!(waits_for_pending_upstream_no_intermediate_state, slow_upstream_app(), [
    expect("c", "children", "x=1 a=2"),
    Total("c", 1),
    set("x", "value", 5),
    expect("c", "children", "x=5 a=10"),
    Calls("c", 1),
    Batches(2),
]);

fn indirect_app() -> App {
    // x fires A and C; A -> B -> C. C must wait for B even though B is not requested yet.
    App::new("indirect")
        .layout(div((input("x").value(1), div(0).id("a"), div(0).id("b"), div("").id("c"))))
        .add(Callback::new(Input::new("x", "value"), Output::new("a", "children"), |x: i64| -> R<i64> { Ok(x + 1) }).name("A"))
        .add(Callback::new(Input::new("a", "children"), Output::new("b", "children"), |a: i64| -> R<i64> { Ok(a * 10) }).name("B"))
        .add(
            Callback::new(
                (Input::new("x", "value"), Input::new("b", "children")),
                Output::new("c", "children"),
                |x: i64, b: i64| -> R<String> { Ok(format!("{x}/{b}")) },
            )
            .name("C"),
        )
}

case!(indirect_upstream_blocks_until_chain_finishes, indirect_app(), [
    expect("c", "children", "1/20"),
    Total("C", 1),
    set("x", "value", 3),
    expect("c", "children", "3/40"),
    Calls("C", 1),
]);

case!(one_batch_per_wave_for_a_chain, chain_app(), [Batches(1), set("a", "children", 1), Batches(1), expect("d", "children", 4)]);

// ---- PreventUpdate / NoUpdate ------------------------------------------------------------

fn prevent_app() -> App {
    App::new("prevent")
        .layout(div((input("x").value(1), div("init").id("y"), div("").id("z"))))
        .add(
            Callback::new(Input::new("x", "value"), Output::new("y", "children"), |x: i64| -> R<String> {
                if x < 0 {
                    Err(PreventUpdate)?;
                }
                Ok(format!("y{x}"))
            })
            .name("y"),
        )
        .add(Callback::new(Input::new("y", "children"), Output::new("z", "children"), |y: String| -> R<String> { Ok(format!("z:{y}")) }).name("z"))
}

case!(prevent_update_updates_nothing_downstream, prevent_app(), [
    expect("z", "children", "z:y1"),
    set("x", "value", -1),
    Calls("y", 1),
    Calls("z", 0),
    expect("y", "children", "y1"),
    set("x", "value", 2),
    Calls("z", 1),
    expect("z", "children", "z:y2"),
]);

fn no_update_app() -> App {
    App::new("nu")
        .layout(div((input("x").value(1), div("a0").id("a"), div("b0").id("b"), div("").id("after_b"))))
        .add(
            Callback::new(
                Input::new("x", "value"),
                (Output::new("a", "children"), Output::new("b", "children")),
                |x: i64| -> R<(String, Update<String>)> {
                    let b = if x % 2 == 0 { Update::NoUpdate } else { Update::Set(format!("b{x}")) };
                    Ok((format!("a{x}"), b))
                },
            )
            .name("ab"),
        )
        .add(Callback::new(Input::new("b", "children"), Output::new("after_b", "children"), |b: String| -> R<String> { Ok(b.to_uppercase()) }).name("after_b"))
}

case!(no_update_leaves_one_output_and_its_dependents, no_update_app(), [
    expect("b", "children", "b1"),
    set("x", "value", 2),
    expect("a", "children", "a2"),
    expect("b", "children", "b1"),
    Calls("after_b", 0),
    set("x", "value", 3),
    expect("after_b", "children", "B3"),
    Calls("after_b", 1),
]);

case!(
    no_update_as_whole_single_output,
    App::new("nu1").layout(div((input("x").value(1), div("keep").id("o")))).add(
        Callback::new(Input::new("x", "value"), Output::new("o", "children"), |_x: i64| -> R<NoUpdate> { Ok(NoUpdate) }).name("o")
    ),
    [expect("o", "children", "keep"), set("x", "value", 4), expect("o", "children", "keep")]
);

// ---- allow_duplicate and self-writing ------------------------------------------------------

fn dup_app() -> App {
    App::new("dup")
        .layout(div((button("b1").id("b1"), button("b2").id("b2"), div("").id("out"))))
        .add(
            Callback::new(Input::new("b1", "n_clicks"), Output::new("out", "children"), |n: i64| -> R<String> { Ok(format!("one {n}")) })
                .prevent_initial_call(true)
                .name("one"),
        )
        .add(
            Callback::new(
                Input::new("b2", "n_clicks"),
                Output::new("out", "children").allow_duplicate(),
                |n: i64| -> R<String> { Ok(format!("two {n}")) },
            )
            .prevent_initial_call(true)
            .name("two"),
        )
}

case!(allow_duplicate_lets_two_callbacks_write_one_output, dup_app(), [
    set("b1", "n_clicks", 1),
    expect("out", "children", "one 1"),
    set("b2", "n_clicks", 5),
    expect("out", "children", "two 5"),
    Calls("one", 0),
]);

fn self_writing_app() -> App {
    App::new("self").layout(div((input("t").value("abc"), div(0).id("len")))).add(
        Callback::new(
            Input::new("t", "value"),
            (Output::new("t", "value"), Output::new("len", "children")),
            |t: String| -> R<(String, usize)> { Ok((t.to_uppercase(), t.len())) },
        )
        .name("upper"),
    )
}

case!(callback_reads_and_writes_one_component, self_writing_app(), [
    expect("t", "value", "ABC"),
    Total("upper", 1),
    set("t", "value", "hello"),
    expect("t", "value", "HELLO"),
    expect("len", "children", 5),
    Calls("upper", 1),
]);

// ---- missing inputs ---------------------------------------------------------------------

case!(
    missing_input_does_not_fire_until_it_appears,
    App::new("missing")
        .suppress_callback_exceptions(true)
        .layout(div((button("add").id("add"), div(()).id("slot"), div("none").id("out"))))
        .add(
            Callback::new(Input::new("add", "n_clicks"), Output::new("slot", "children"), |n: Option<i64>| -> R<Value> {
                if n.is_none() {
                    Err(PreventUpdate)?;
                }
                Ok(input("late").value("hi").to_json())
            })
            .name("add")
        )
        .add(Callback::new(Input::new("late", "value"), Output::new("out", "children"), |v: String| -> R<String> { Ok(format!("late {v}")) }).name("late")),
    [
        Total("late", 0),
        expect("out", "children", "none"),
        set("add", "n_clicks", 1),
        Total("late", 1),
        expect("out", "children", "late hi"),
        set("late", "value", "yo"),
        expect("out", "children", "late yo"),
    ]
);
