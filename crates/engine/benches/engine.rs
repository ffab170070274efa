//! Engine figures: one callback's dispatch overhead, a chain of 5, a fan-out of 50, the
//! initial load of 1,000 components with 500 callbacks, `ALL` over 1,000 pattern-matched
//! components, and the memory of a session with 10,000 components.
//! Run: `cargo bench -p deskdash-engine`.

use criterion::{criterion_group, Criterion};
use deskdash_engine::*;
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::runtime::Runtime;
use tokio::sync::Mutex;

type R<T> = std::result::Result<T, CallbackError>;

fn runtime() -> Runtime {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime")
}

/// Applies one change and waits for the wave to finish, draining the batches.
async fn click(session: &Session, events: &mut SessionEvents, id: serde_json::Value, prop: &str, n: i64) {
    session.apply(vec![Change::new(id, prop, n)]).await.expect("apply");
    session.idle().await.expect("idle");
    while events.try_recv().is_ok() {}
}

fn one_app() -> App {
    App::new("one")
        .layout(div((button("b").id("b"), div(0).id("out"))))
        .callback(Input::new("b", "n_clicks"), Output::new("out", "children"), |n: Option<i64>| -> R<i64> { Ok(n.unwrap_or(0)) })
}

fn chain_app(len: usize) -> App {
    let mut kids = vec![button("b").id("b")];
    kids.extend((0..len).map(|i| div(0).id(format!("c{i}"))));
    let mut app = App::new("chain").layout(div(kids));
    app = app.callback(Input::new("b", "n_clicks"), Output::new("c0", "children"), |n: Option<i64>| -> R<i64> { Ok(n.unwrap_or(0)) });
    for i in 1..len {
        app = app.callback(Input::new(format!("c{}", i - 1), "children"), Output::new(format!("c{i}"), "children"), |v: i64| -> R<i64> { Ok(v + 1) });
    }
    app
}

fn fan_app(width: usize) -> App {
    let mut kids = vec![button("b").id("b")];
    kids.extend((0..width).map(|i| div(0).id(format!("f{i}"))));
    let mut app = App::new("fan").layout(div(kids));
    for i in 0..width {
        app = app.callback(Input::new("b", "n_clicks"), Output::new(format!("f{i}"), "children"), move |n: Option<i64>| -> R<i64> {
            Ok(n.unwrap_or(0) + i64::try_from(i).unwrap_or(0))
        });
    }
    app
}

/// 1,000 components: 500 inputs each feeding one callback that writes one div.
fn big_app() -> Arc<AppSpec> {
    let mut kids = Vec::new();
    for i in 0..500 {
        kids.push(input(format!("in{i}")).value(i));
        kids.push(div(0).id(format!("out{i}")));
    }
    let mut app = App::new("big").layout(div(kids));
    for i in 0..500 {
        app = app.callback(Input::new(format!("in{i}"), "value"), Output::new(format!("out{i}"), "children"), |v: i64| -> R<i64> { Ok(v * 2) });
    }
    app.build().expect("builds")
}

fn all_app(n: i64) -> App {
    let mut kids = vec![div(0).id("total")];
    kids.extend((0..n).map(|i| input(json!({"type": "item", "index": i})).value(i)));
    App::new("all").layout(div(kids)).callback(
        Input::new(json!({"type": "item", "index": ALL}), "value"),
        Output::new("total", "children"),
        |v: Vec<i64>| -> R<i64> { Ok(v.iter().sum()) },
    )
}

/// Times `iters` clicks from a task on the session's runtime, as the shell's IPC handler
/// would send them (no hop through a thread outside the runtime).
fn clicks_on_runtime(rt: &Runtime, session: &Session, events: &Arc<Mutex<SessionEvents>>, id: serde_json::Value, prop: &'static str, iters: u64) -> Duration {
    let (session, events) = (session.clone(), events.clone());
    rt.block_on(async move {
        tokio::spawn(async move {
            let mut events = events.lock().await;
            let start = Instant::now();
            for n in 0..iters {
                click(&session, &mut events, id.clone(), prop, i64::try_from(n).unwrap_or(0)).await;
            }
            start.elapsed()
        })
        .await
        .expect("bench task")
    })
}

fn bench_waves(c: &mut Criterion) {
    let rt = runtime();
    let mut group = c.benchmark_group("wave");
    let cases = [
        ("one_callback", one_app(), json!("b"), "n_clicks"),
        ("chain_of_5", chain_app(5), json!("b"), "n_clicks"),
        ("fan_out_50", fan_app(50), json!("b"), "n_clicks"),
        ("all_over_1000", all_app(1000), json!({"type": "item", "index": 7}), "value"),
    ];
    for (name, app, id, prop) in cases {
        let spec = app.build().expect("builds");
        let (session, events, _) = rt.block_on(Session::start(spec)).expect("starts");
        let events = Arc::new(Mutex::new(events));
        group.bench_function(name, |b| b.iter_custom(|iters| clicks_on_runtime(&rt, &session, &events, id.clone(), prop, iters)));
    }
    group.finish();
}

fn bench_initial_load(c: &mut Criterion) {
    let rt = runtime();
    let spec = big_app();
    let mut group = c.benchmark_group("initial_load");
    group.sample_size(20);
    group.bench_function("1000_components_500_callbacks", |b| {
        b.iter(|| {
            rt.block_on(async {
                let (session, _events, first) = Session::start(spec.clone()).await.expect("starts");
                session.idle().await.expect("idle");
                first
            })
        })
    });
    group.finish();
}

fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

/// Prints the resident memory a session of 10,000 components adds.
fn session_memory() {
    let rt = runtime();
    let mut kids = Vec::new();
    for i in 0..5000 {
        kids.push(input(format!("in{i}")).value(i).placeholder("type here"));
        kids.push(div(format!("text {i}")).id(format!("out{i}")).class_name("cell"));
    }
    let app = App::new("mem").layout(div(kids)).build().expect("builds");
    let before = rss_kib();
    let held = rt.block_on(async {
        let (session, events, first) = Session::start(app).await.expect("starts");
        session.idle().await.expect("idle");
        (session, events, first)
    });
    let after = rss_kib();
    println!("session_memory/10000_components: {:.1} MB resident added", (after.saturating_sub(before)) as f64 / 1024.0);
    drop(held);
}

criterion_group!(benches, bench_waves, bench_initial_load);

fn main() {
    session_memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
