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
    let app = App::new("deep")
        .layout(div((div(id("n0")), button("ok").id("ok"), div(id("out")))))
        .callback(Input::new("ok", "n_clicks"), Output::new("out", "children"), |n: Option<u64>| n.unwrap_or(0))
        .suppress_callback_exceptions(true);
    let mut t = TestApp::start(app).await?;
    let mut refused = None;
    // 100 valid changes of ~30 levels each would build a 6,000-level chain.
    for n in 0..100 {
        let change = Change::new(format!("n{n}"), "children", nest(30, &format!("n{}", n + 1)));
        // As the app itself could (a window may not write `children` at all, see below).
        if let Err(e) = t.session.apply_as_app(vec![change]).await {
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

#[tokio::test]
async fn a_running_output_that_replaces_components_does_not_derail_the_other_ready_callbacks() -> Result<()> {
    // `slow`'s running output swaps the area's children, removing the item and with it the
    // MATCH instance of `echo`; `other`, registered after `echo`, is ready in the same pass.
    let app = App::new("relayout")
        .layout(div((
            button("go").id("go"),
            div((input(json!({"type": "item", "index": 1})).value("a"), div(id(json!({"type": "echo", "index": 1}))))).id("area"),
            div(id("out")),
            div(id("other-out")),
        )))
        .suppress_callback_exceptions(true)
        .callback(Input::new("go", "n_clicks"), Output::new("out", "children"), |n: u64| {
            std::thread::sleep(std::time::Duration::from_millis(50));
            format!("done {n}")
        })
        .running(Output::new("area", "children"), json!([{"type": "Div", "props": {"children": "busy"}}]), json!([]))
        .prevent_initial_call()
        .callback(
            Input::new(json!({"type": "item", "index": MATCH}), "value"),
            Output::new(json!({"type": "echo", "index": MATCH}), "children"),
            |v: String| v,
        )
        .callback(Input::new("go", "n_clicks"), Output::new("other-out", "children"), |n: u64| format!("other {n}"))
        .prevent_initial_call();
    let mut t = TestApp::start(app).await?;
    t.set("go", "n_clicks", 1).await?;
    assert_eq!(t.get("other-out", "children").await, "other 1", "the other ready callback ran");
    assert_eq!(t.get("out", "children").await, "done 1");
    t.set("go", "n_clicks", 2).await?;
    assert_eq!(t.get("other-out", "children").await, "other 2", "and the session still answers");
    Ok(())
}

// ---- deviations from Dash found by cases written outside the project -----------------------

#[tokio::test]
async fn a_callback_whose_outputs_are_all_absent_is_not_called() -> Result<()> {
    let app = App::new("absent")
        .layout(div((button("go").id("go"), div(id("here")))))
        .suppress_callback_exceptions(true)
        .callback(Input::new("go", "n_clicks"), Output::new("gone", "children"), |n: Option<u64>| n.unwrap_or(0))
        .name("to_nowhere");
    let mut t = TestApp::start(app).await?;
    t.set("go", "n_clicks", 1).await?;
    assert_eq!(t.calls("to_nowhere").await, 0, "neither on load nor on a click");
    assert!(t.take_errors().is_empty(), "and nothing is reported");
    Ok(())
}

fn late_input(n: u64) -> Vec<Value> {
    vec![input("late").value(format!("late {n}")).to_json()]
}

fn input_with_its_output(n: u64) -> Vec<Value> {
    vec![input("late2").value(format!("late {n}")).to_json(), div(id("out2")).to_json()]
}

#[tokio::test]
async fn prevent_initial_call_fires_when_only_the_input_is_new() -> Result<()> {
    let app = App::new("inserted")
        .layout(div((button("add").id("add"), div(id("slot")), div(id("out")), button("add2").id("add2"), div(id("slot2")))))
        .suppress_callback_exceptions(true)
        .callback(Input::new("add", "n_clicks"), Output::new("slot", "children"), late_input)
        .prevent_initial_call()
        .callback(Input::new("late", "value"), Output::new("out", "children"), |v: String| v)
        .prevent_initial_call()
        .name("input_only_new")
        .callback(Input::new("add2", "n_clicks"), Output::new("slot2", "children"), input_with_its_output)
        .prevent_initial_call()
        .callback(Input::new("late2", "value"), Output::new("out2", "children"), |v: String| v)
        .prevent_initial_call()
        .name("both_new");
    let mut t = TestApp::start(app).await?;
    t.set("add", "n_clicks", 1).await?;
    assert_eq!(t.get("out", "children").await, "late 1", "the input arrived next to an output already there: it fires");
    t.set("add2", "n_clicks", 1).await?;
    assert_eq!(t.calls("both_new").await, 0, "input and output arrived together: prevent_initial_call holds");
    Ok(())
}

#[test]
fn allow_duplicate_without_prevent_initial_call_is_refused() {
    let app = App::new("dup")
        .layout(div((button("a").id("a"), div(id("out")))))
        .callback(Input::new("a", "n_clicks"), Output::new("out", "children").allow_duplicate(), |n: Option<u64>| n.unwrap_or(0))
        .name("dup_writer");
    let err = app.build().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("dup_writer") && err.contains("out.children") && err.contains("prevent_initial_call"), "{err}");
}

// ---- plain callbacks never hold the runtime's workers -------------------------------------

fn wait_for_the_fast_one(n: u64, signal: Shared<std::sync::Mutex<std::sync::mpsc::Receiver<()>>>) -> String {
    let got = signal.lock().map(|rx| rx.recv_timeout(std::time::Duration::from_secs(20)).is_ok()).unwrap_or(false);
    format!("slow {n}: {}", if got { "signalled" } else { "timed out" })
}

fn signal_both(n: u64, signal: Shared<std::sync::Mutex<std::sync::mpsc::Sender<()>>>) -> String {
    if let Ok(tx) = signal.lock() {
        let _ = tx.send(());
        let _ = tx.send(());
    }
    format!("fast {n}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_plain_callbacks_in_two_windows_never_stall_a_third() -> Result<()> {
    // Windows A and B each run a plain callback that waits until window C's instant callback
    // has run. Had they run on the runtime's two workers, C could not run until they gave up.
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let spec = App::new("workers")
        .shared(std::sync::Mutex::new(rx))
        .shared(std::sync::Mutex::new(tx))
        .layout(div((button("slow").id("slow"), button("fast").id("fast"), div(id("slow-out")), div(id("fast-out")))))
        .prevent_initial_callbacks(true)
        .callback(Input::new("slow", "n_clicks"), Output::new("slow-out", "children"), wait_for_the_fast_one)
        .callback(Input::new("fast", "n_clicks"), Output::new("fast-out", "children"), signal_both)
        .build()?;
    let (a, _a_events, _) = Session::start(spec.clone()).await?;
    let (b, _b_events, _) = Session::start(spec.clone()).await?;
    let (c, _c_events, _) = Session::start(spec).await?;
    let (a2, b2) = (a.clone(), b.clone());
    let slow_a = tokio::spawn(async move { a2.apply(vec![Change::new("slow", "n_clicks", 1)]).await });
    let slow_b = tokio::spawn(async move { b2.apply(vec![Change::new("slow", "n_clicks", 2)]).await });
    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    c.apply(vec![Change::new("fast", "n_clicks", 1)]).await?;
    let _ = (slow_a.await, slow_b.await);
    a.idle().await?;
    b.idle().await?;
    assert_eq!(a.get("slow-out".into(), "children").await?, "slow 1: signalled");
    assert_eq!(b.get("slow-out".into(), "children").await?, "slow 2: signalled");
    assert_eq!(c.get("fast-out".into(), "children").await?, "fast 1");
    Ok(())
}

#[tokio::test]
async fn a_window_may_change_only_what_a_user_can() -> Result<()> {
    let app = App::new("editable").layout(div((
        input("name").value("a"),
        button("go").id("go"),
        store("secret").data("kept"),
        div("text").id("box"),
    )));
    let (session, _events, _) = Session::start(app.build()?).await?;
    for (id, prop, value) in
        [("box", "children", json!("forged")), ("secret", "data", json!("forged")), ("go", "disabled", json!(true))]
    {
        let refused = session.apply(vec![Change::new(id, prop, value)]).await.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(refused.contains(&format!("{prop} is not a property a user can change")), "{id}.{prop}: {refused}");
    }
    assert_eq!(session.get("secret".into(), "data").await?, "kept", "nothing refused was applied");
    session.apply(vec![Change::new("name", "value", "b"), Change::new("go", "n_clicks", 1)]).await?;
    assert_eq!(session.get("name".into(), "value").await?, "b", "what a user changes is accepted");
    Ok(())
}

fn stuck(n: u64, gate: Shared<std::sync::Mutex<std::sync::mpsc::Receiver<()>>>) -> String {
    if let Ok(rx) = gate.lock() {
        let _ = rx.recv_timeout(std::time::Duration::from_secs(20));
    }
    format!("late {n}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_past_its_timeout_is_given_up_and_its_late_result_dropped() -> Result<()> {
    let (open_gate, gate) = std::sync::mpsc::channel::<()>();
    let app = App::new("timeout")
        .shared(std::sync::Mutex::new(gate))
        .layout(div((button("go").id("go"), div("idle").id("out"), button("other").id("other"), div(id("other-out")))))
        .prevent_initial_callbacks(true)
        .callback(Input::new("go", "n_clicks"), Output::new("out", "children"), stuck)
        .timeout(std::time::Duration::from_millis(100))
        .running(Output::new("go", "disabled"), true, false)
        .callback(Input::new("other", "n_clicks"), Output::new("other-out", "children"), |n: u64| format!("other {n}"));
    let mut t = TestApp::start(app).await?;
    t.set("go", "n_clicks", 1).await?;
    let errors = t.take_errors();
    assert!(errors.iter().any(|e| e.callback == "stuck" && e.message.contains("timed out after 100ms")), "{errors:#?}");
    assert_eq!(t.get("go", "disabled").await, json!(false), "its running state is reset");
    t.set("other", "n_clicks", 1).await?;
    assert_eq!(t.get("other-out", "children").await, "other 1", "the window goes on");
    let _ = open_gate.send(());
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    t.settle().await;
    assert_eq!(t.get("out", "children").await, "idle", "the late result is dropped");
    Ok(())
}

/// Live runs of `until_cancelled`, and the most there ever were at once.
#[derive(Default)]
struct Live {
    now: std::sync::atomic::AtomicUsize,
    most: std::sync::atomic::AtomicUsize,
}

fn until_cancelled(n: u64, ctx: Ctx, live: Shared<LiveHandle>) -> String {
    use std::sync::atomic::Ordering::SeqCst;
    let live: &Live = &(live.0).0;
    let now = live.now.fetch_add(1, SeqCst) + 1;
    live.most.fetch_max(now, SeqCst);
    while !ctx.is_cancelled() {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    live.now.fetch_sub(1, SeqCst);
    format!("run {n}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_and_restarting_a_background_callback_never_piles_up_runs() -> Result<()> {
    let live = std::sync::Arc::new(Live::default());
    let app = App::new("restart")
        .shared(LiveHandle(live.clone()))
        .layout(div((button("go").id("go"), button("stop").id("stop"), div("idle").id("out"))))
        .prevent_initial_callbacks(true)
        .callback(Input::new("go", "n_clicks"), Output::new("out", "children"), until_cancelled)
        .background()
        .cancel(Input::new("stop", "n_clicks"));
    let mut t = TestApp::start(app).await?;
    for n in 1..=200u64 {
        t.set_nowait("go", "n_clicks", n).await?;
        t.set_nowait("stop", "n_clicks", n).await?;
    }
    t.set("stop", "n_clicks", 1000).await?;
    // The last cancelled run winds down on its own thread: give it a moment to see the flag.
    for _ in 0..500 {
        if live.now.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    assert!(live.most.load(std::sync::atomic::Ordering::SeqCst) <= 2, "at most the cancelled run winding down and the new one");
    assert_eq!(live.now.load(std::sync::atomic::Ordering::SeqCst), 0, "every run ended");
    assert_eq!(t.get("out", "children").await, "idle", "no cancelled run's result was shown");
    Ok(())
}

struct LiveHandle(std::sync::Arc<Live>);

fn slow_copy(v: String) -> String {
    std::thread::sleep(std::time::Duration::from_millis(20));
    v
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_steady_input_the_screen_follows_instead_of_waiting_for_the_input_to_stop() -> Result<()> {
    // A change every 5 ms for 300 ms, each firing a 20 ms callback again before the last one
    // ends: the wave never finishes while the input goes on.
    let app = App::new("steady")
        .layout(div((input("in").value(""), div(id("slow")), div(id("echo")))))
        .prevent_initial_callbacks(true)
        .callback(Input::new("in", "value"), Output::new("slow", "children"), slow_copy)
        .callback(Input::new("in", "value"), Output::new("echo", "children"), |v: String| v);
    let (session, mut events, _) = Session::start(app.build()?).await?;
    let (seen_tx, mut seen) = tokio::sync::mpsc::unbounded_channel::<u64>();
    let mut sends = Vec::new();
    for i in 0..60 {
        let (s, tx) = (session.clone(), seen_tx.clone());
        sends.push(tokio::spawn(async move {
            if let Ok(Some(batch)) = s.apply(vec![Change::new("in", "value", format!("v{i}"))]).await {
                let _ = tx.send(batch.wave);
            }
        }));
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    // What reached the window while the input was still going:
    let mut during = 0;
    while seen.try_recv().is_ok() {
        during += 1;
    }
    while let Ok(event) = events.try_recv() {
        during += usize::from(matches!(event, SessionEvent::Batch { .. }));
    }
    for s in sends {
        let _ = s.await;
    }
    session.idle().await?;
    assert!(during >= 3, "batches reached the window during the input: {during}");
    assert_eq!(session.get("echo".into(), "children").await?, "v59");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn among_allow_duplicate_writers_of_one_wave_the_later_depth_wins() {
    // `slow` (depth 1) and `mid` (depth 1) start together; `mid` feeds `deep` (depth 2), a
    // lone short callback that runs at once and writes `out` before `slow` is done. Dash's
    // order puts `deep` after `slow`: its write must stand.
    fn slow(n: u64) -> String {
        std::thread::sleep(std::time::Duration::from_millis(150));
        format!("slow {n}")
    }
    fn mid(n: u64) -> u64 {
        n
    }
    fn deep(n: u64) -> String {
        format!("deep {n}")
    }
    let app = App::new("depth")
        .layout(div((button("go").id("go"), div(id("mid")), div(id("out")))))
        .callback(Input::new("go", "n_clicks"), Output::new("out", "children").allow_duplicate(), slow)
        .name("slow")
        .prevent_initial_call()
        .callback(Input::new("go", "n_clicks"), Output::new("mid", "children"), mid)
        .prevent_initial_call()
        .callback(Input::new("mid", "children"), Output::new("out", "children").allow_duplicate(), deep)
        .prevent_initial_call();
    let mut t = TestApp::start(app).await.expect("starts");
    t.set("go", "n_clicks", 1).await.expect("click");
    assert_eq!(t.calls("slow").await, 1);
    assert_eq!(t.get("out", "children").await, "deep 1", "the depth-2 writer's value stands");
    t.set("go", "n_clicks", 2).await.expect("click");
    assert_eq!(t.get("out", "children").await, "deep 2", "and again in the next wave");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn under_steady_input_a_batch_never_shows_a_value_beside_a_stale_dependent() -> Result<()> {
    // hello's shape: typing feeds a quick Rust `greet` and a clientside `initials`, which feeds
    // a Rust `count`. The window answers `initials` after a frame and types on at once: the
    // answer and the next change reach the session together. The early flush a steady input
    // gets may send `greet`, but `initials` only with its `count`.
    fn greet(v: String) -> String {
        format!("hello {v}")
    }
    fn count(initials: String) -> String {
        format!("{initials}: {}", initials.len())
    }
    let app = App::new("hello-like")
        .layout(div((input("name").value(""), div(id("greeting")), div(id("initials")), div(id("count")))))
        .prevent_initial_callbacks(true)
        .callback(Input::new("name", "value"), Output::new("greeting", "children"), greet)
        .clientside_callback(Input::new("name", "value"), Output::new("initials", "children"), "function(v) { return v; }")
        .callback(Input::new("initials", "children"), Output::new("count", "children"), count);
    let (session, mut events, _) = Session::start(app.build()?).await?;
    let mut shown: std::collections::BTreeMap<String, Value> = std::collections::BTreeMap::new();
    let mut check = |batch: &PatchBatch| {
        for u in &batch.updates {
            if let UpdateKind::Value(v) = &u.update {
                shown.insert(u.id.to_string(), v.clone());
            }
        }
        if let (Some(Value::String(i)), Some(Value::String(c))) = (shown.get("initials"), shown.get("count")) {
            assert_eq!(c, &format!("{i}: {}", i.len()), "batch {} shows initials {i} beside count {c}", batch.wave);
        }
    };
    let mut typed = String::new();
    for letter in "abcdefghijklmnop".chars() {
        typed.push(letter);
        if let Some(batch) = session.apply(vec![Change::new("name", "value", typed.clone())]).await? {
            check(&batch);
        }
        // The window runs the clientside call, a frame passes, then it answers as the next key lands.
        let call = loop {
            match tokio::time::timeout(std::time::Duration::from_secs(5), events.recv()).await {
                Ok(Some(SessionEvent::Clientside { call })) => break call,
                Ok(Some(SessionEvent::Batch { batch })) => check(&batch),
                Ok(Some(_)) => {}
                _ => panic!("no clientside call for {typed}"),
            }
        };
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        let answer = ClientsideResult {
            call: call.call,
            outcome: ClientsideOutcome::Value { value: call.args[0].clone() },
            set_props: vec![],
        };
        let next = format!("{typed}{letter}");
        let (answered, applied) =
            tokio::join!(session.clientside_result(answer), session.apply(vec![Change::new("name", "value", next)]));
        answered?;
        if let Some(batch) = applied? {
            check(&batch);
        }
        while let Ok(event) = events.try_recv() {
            match event {
                SessionEvent::Batch { batch } => check(&batch),
                SessionEvent::Clientside { call } => {
                    let answer = ClientsideResult {
                        call: call.call,
                        outcome: ClientsideOutcome::Value { value: call.args[0].clone() },
                        set_props: vec![],
                    };
                    session.clientside_result(answer).await?;
                }
                _ => {}
            }
        }
        session.idle().await.ok();
    }
    Ok(())
}
