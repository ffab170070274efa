//! Callbacks that take time: `running`, `progress`, `cancel`, background callbacks that never
//! stall the window, independent callbacks running concurrently, the allow_duplicate race,
//! and failing callbacks that leave the session running.
//!
//! Each test waits on real synchronization (barriers, channels) rather than timing; the
//! timeouts only turn a deadlock (the bug under test) into a failure.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Barrier, Notify};

type R<T> = std::result::Result<T, CallbackError>;
const GUARD: Duration = Duration::from_secs(20);

async fn wait_for(t: &TestApp, id: &str, prop: &str, want: Value) {
    let poll = async {
        while t.get(id, prop).await != want {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
    };
    tokio::time::timeout(GUARD, poll).await.unwrap_or_else(|_| panic!("{id}.{prop} never became {want}"));
}

async fn settle(t: &mut TestApp) {
    tokio::time::timeout(GUARD, t.settle()).await.expect("callbacks settle (no deadlock)");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn running_sets_props_while_the_callback_runs_and_resets_after() {
    let gate = Arc::new(Notify::new());
    let g = gate.clone();
    let app = App::new("running").layout(div((button("go").id("go"), div("").id("out")))).add(
        Callback::new_async(Input::new("go", "n_clicks"), Output::new("out", "children"), move |n: i64| {
            let g = g.clone();
            async move {
                g.notified().await;
                Ok::<_, CallbackError>(format!("done {n}"))
            }
        })
        .prevent_initial_call(true)
        .running(Output::new("go", "disabled"), true, false)
        .name("work"),
    );
    let mut t = TestApp::start(app).await.expect("starts");
    t.set_nowait("go", "n_clicks", 1).await.expect("click");
    wait_for(&t, "go", "disabled", json!(true)).await;
    gate.notify_one();
    settle(&mut t).await;
    assert_eq!(t.get("go", "disabled").await, json!(false));
    assert_eq!(t.get("out", "children").await, json!("done 1"));
    let batches = t.take_batches();
    let shows_running = batches.iter().any(|b| b.updates.iter().any(|u| u.prop == "disabled" && u.update == UpdateKind::Value(json!(true))));
    assert!(shows_running, "a batch showed the running state before the result: {batches:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn progress_reaches_the_screen_mid_call() {
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let rx = Arc::new(Mutex::new(rx));
    let app = App::new("progress").layout(div((button("go").id("go"), input("bar").value(0), div("").id("out")))).add(
        Callback::new(Input::new("go", "n_clicks"), Output::new("out", "children"), move |_n: i64, ctx: Ctx| -> R<String> {
            for step in 1..=3 {
                ctx.set_progress(step * 10);
                rx.lock().map_err(|_| CallbackError::msg("lock"))?.recv().map_err(|e| CallbackError::msg(e))?;
            }
            Ok("finished".into())
        })
        .background()
        .progress(Output::new("bar", "value"))
        .prevent_initial_call(true)
        .name("job"),
    );
    let mut t = TestApp::start(app).await.expect("starts");
    t.set_nowait("go", "n_clicks", 1).await.expect("click");
    for want in [10, 20, 30] {
        wait_for(&t, "bar", "value", json!(want)).await;
        tx.send(()).expect("job listens");
    }
    settle(&mut t).await;
    assert_eq!(t.get("out", "children").await, json!("finished"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_aborts_a_running_callback() {
    let app = App::new("cancel")
        .layout(div((button("go").id("go"), button("stop").id("stop"), div("idle").id("out"))))
        .add(
            Callback::new_async(Input::new("go", "n_clicks"), Output::new("out", "children"), |_n: i64| async move {
                std::future::pending::<()>().await;
                Ok::<_, CallbackError>("never".to_string())
            })
            .prevent_initial_call(true)
            .running(Output::new("go", "disabled"), true, false)
            .cancel(Input::new("stop", "n_clicks"))
            .name("forever"),
        );
    let mut t = TestApp::start(app).await.expect("starts");
    t.set_nowait("go", "n_clicks", 1).await.expect("click");
    wait_for(&t, "go", "disabled", json!(true)).await;
    t.set("stop", "n_clicks", 1).await.expect("cancel");
    settle(&mut t).await;
    assert_eq!(t.get("out", "children").await, json!("idle"));
    assert_eq!(t.get("go", "disabled").await, json!(false));
    assert!(t.take_errors().is_empty());
    t.set_nowait("go", "n_clicks", 2).await.expect("clicks again");
    wait_for(&t, "go", "disabled", json!(true)).await;
    assert_eq!(t.calls("forever").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn background_callback_never_stalls_the_other_callbacks() {
    // The slow callback only finishes once the fast one has run: if it stalled the window,
    // this would deadlock.
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let rx = Arc::new(Mutex::new(rx));
    let tx = Arc::new(Mutex::new(tx));
    let app = App::new("bg")
        .layout(div((button("slow").id("slow"), button("fast").id("fast"), div("").id("s"), div("").id("f"))))
        .add(
            Callback::new(Input::new("slow", "n_clicks"), Output::new("s", "children"), move |_n: i64| -> R<String> {
                rx.lock().map_err(|_| CallbackError::msg("lock"))?.recv().map_err(CallbackError::msg)?;
                // Both now run off the actor: let the fast result's wave go out on its own
                // before this one finishes, rather than race it into the same pass.
                std::thread::sleep(std::time::Duration::from_millis(100));
                Ok("slow done".into())
            })
            .background()
            .prevent_initial_call(true)
            .name("slow"),
        )
        .add(
            Callback::new(Input::new("fast", "n_clicks"), Output::new("f", "children"), move |_n: i64| -> R<String> {
                tx.lock().map_err(|_| CallbackError::msg("lock"))?.send(()).map_err(CallbackError::msg)?;
                Ok("fast done".into())
            })
            .prevent_initial_call(true)
            .name("fast"),
        );
    let mut t = TestApp::start(app).await.expect("starts");
    t.take_batches();
    t.set_nowait("slow", "n_clicks", 1).await.expect("slow click");
    t.set_nowait("fast", "n_clicks", 1).await.expect("fast click");
    settle(&mut t).await;
    let order: Vec<String> = t.take_batches().iter().flat_map(|b| b.updates.iter().map(|u| u.id.to_string())).collect();
    assert_eq!(order, vec!["f", "s"], "the fast result reached the screen first");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn independent_callbacks_run_concurrently() {
    let barrier = Arc::new(Barrier::new(2));
    let side = |name: &'static str, out: &'static str, b: Arc<Barrier>| {
        Callback::new_async(Input::new("x", "value"), Output::new(out, "children"), move |x: i64| {
            let b = b.clone();
            async move {
                b.wait().await;
                Ok::<_, CallbackError>(x)
            }
        })
        .name(name)
    };
    let app = App::new("concurrent")
        .layout(div((input("x").value(1), div(0).id("a"), div(0).id("b"))))
        .add(side("a", "a", barrier.clone()))
        .add(side("b", "b", barrier.clone()));
    let mut t = tokio::time::timeout(GUARD, TestApp::start(app)).await.expect("both initial calls met at the barrier").expect("starts");
    t.set("x", "value", 7).await.expect("set");
    settle(&mut t).await;
    assert_eq!((t.get("a", "children").await, t.get("b", "children").await), (json!(7), json!(7)));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_callbacks_patching_one_store_at_once_lose_no_update() {
    // The seeds' allow_duplicate race: both callbacks are in flight together (the barrier
    // proves it) and each patches its own slot; both updates survive.
    let barrier = Arc::new(Barrier::new(2));
    let writer = |button: &'static str, slot: i64, b: Arc<Barrier>| {
        Callback::new_async(Input::new(button, "n_clicks"), Output::new("results", "data").allow_duplicate(), move |n: i64| {
            let b = b.clone();
            async move {
                b.wait().await;
                Ok::<_, CallbackError>(Patch::new().assign([slot], n))
            }
        })
        .prevent_initial_call(true)
        .name(button)
    };
    let app = App::new("race")
        .layout(div((button("1").id("b1"), button("2").id("b2"), store("results").data(json!([0, 0])))))
        .add(writer("b1", 0, barrier.clone()))
        .add(writer("b2", 1, barrier.clone()));
    let mut t = TestApp::start(app).await.expect("starts");
    t.set_many(vec![Change::new("b1", "n_clicks", 3), Change::new("b2", "n_clicks", 4)]).await.expect("clicks");
    settle(&mut t).await;
    assert_eq!(t.get("results", "data").await, json!([3, 4]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn panicking_callback_is_reported_and_the_session_keeps_running() {
    let app = App::new("panic")
        .layout(div((input("x").value(1), div("").id("out"), div("").id("other"))))
        .add(
            Callback::new(Input::new("x", "value"), Output::new("out", "children"), |x: i64| -> R<String> {
                if x == 0 {
                    panic!("division by zero in the report");
                }
                Ok(format!("{}", 100 / x))
            })
            .name("divide"),
        )
        .add(Callback::new(Input::new("x", "value"), Output::new("other", "children"), |x: i64| -> R<i64> { Ok(x + 1) }).name("other"));
    let mut t = TestApp::start(app).await.expect("starts");
    t.set("x", "value", 0).await.expect("set");
    let errors = t.take_errors();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].callback, "divide");
    assert_eq!(errors[0].inputs, vec!["x.value".to_string()]);
    assert!(errors[0].message.contains("division by zero in the report"), "{}", errors[0].message);
    assert_eq!(t.get("other", "children").await, json!(1), "the other callback still fired");
    t.set("x", "value", 4).await.expect("set");
    assert_eq!(t.get("out", "children").await, json!("25"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn erroring_async_callback_is_reported() {
    let app = App::new("err").layout(div((input("x").value(1), div("").id("out")))).add(
        Callback::new_async(Input::new("x", "value"), Output::new("out", "children"), |x: i64| async move {
            if x > 1 {
                return Err(CallbackError::msg("database unavailable"));
            }
            Ok(format!("{x}"))
        })
        .name("load"),
    );
    let mut t = TestApp::start(app).await.expect("starts");
    t.set("x", "value", 2).await.expect("set");
    let errors = t.take_errors();
    assert_eq!(errors.len(), 1);
    assert_eq!((errors[0].callback.as_str(), errors[0].message.as_str()), ("load", "database unavailable"));
    assert_eq!(t.get("out", "children").await, json!("1"));
}
