//! Storage figures, printed as a table and, last, one JSON object:
//! - durable store writes: waves per second, each committing one local store of 1 KB or 1 MB
//!   to SQLite (WAL, synchronous=FULL) before its batch is handed out;
//! - a 1,000,000-row value shared by four callbacks: wave time and heap allocations per wave,
//!   as a server-side value (`Serverside<T>`) against the same rows as a JSON store;
//! - a memo hit: from memory, and from the SQLite tier (after a restart, as it were).
//! Run: `cargo bench -p deskdash-store --bench storage` (`./run bench` runs it too).

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use deskdash_store::{Database, DatabaseOptions};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: &stats_alloc::StatsAlloc<std::alloc::System> = &stats_alloc::INSTRUMENTED_SYSTEM;

const ROWS: usize = 1_000_000;

#[derive(Serialize, Deserialize)]
struct Columns {
    price: Vec<f64>,
    demand: Vec<f64>,
}

fn columns() -> Columns {
    Columns { price: (0..ROWS).map(|i| i as f64 * 0.5).collect(), demand: (0..ROWS).map(|i| (i % 97) as f64).collect() }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Waves per second, each writing one `bytes`-sized local store durably.
async fn write_throughput(bytes: usize, waves: u64) -> f64 {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Database::open(&dir.path().join("bench.sqlite"), DatabaseOptions::default()).expect("database").database;
    let app = App::new("writes").layout(div(store("s").storage(Storage::Local)));
    let mut t = TestApp::start_in(app.build().expect("app"), Stores::new(Arc::new(db)), "main").await.expect("starts");
    let pad = "x".repeat(bytes.saturating_sub(16));
    let started = Instant::now();
    for n in 0..waves {
        t.set("s", "data", json!([n, pad])).await.expect("write");
    }
    waves as f64 / started.elapsed().as_secs_f64()
}

/// A click that writes the rows into a store read by four callbacks: median wave time (ms),
/// and the heap blocks and bytes allocated per wave.
async fn shared_rows(app: App, clicks: u64) -> (f64, f64, f64) {
    let mut t = TestApp::start(app).await.expect("starts");
    let mut times = Vec::new();
    let (mut blocks, mut bytes) = (0u64, 0u64);
    for n in 1..=clicks {
        let region = stats_alloc::Region::new(ALLOC);
        let started = Instant::now();
        t.set("go", "n_clicks", n).await.expect("click");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        let change = region.change();
        blocks += change.allocations as u64;
        bytes += change.bytes_allocated as u64;
        assert!(t.take_errors().is_empty());
    }
    (median(times), blocks as f64 / clicks as f64, bytes as f64 / clicks as f64 / 1_048_576.0)
}

fn base(name: &str) -> App {
    let outs: Vec<Component> = (0..4).map(|i| div(id(format!("r{i}")))).collect();
    App::new(name).layout(div((button("go").id("go"), store("rows"), div(outs))))
}

fn serverside_app(rows: Arc<Columns>) -> App {
    let write = move |_n: u64| Serverside(rows.clone());
    let mut app =
        base("serverside").callback(Input::new("go", "n_clicks"), Output::new("rows", "data"), write).prevent_initial_call();
    for i in 0..4 {
        let read = |c: Serverside<Columns>| c.price.iter().sum::<f64>() + c.demand[7];
        app = app
            .callback(Input::new("rows", "data"), Output::new(format!("r{i}").as_str(), "children"), read)
            .prevent_initial_call();
    }
    app
}

fn json_app(rows: Arc<Columns>) -> App {
    let write = move |_n: u64| -> CallbackResult<Value> { serde_json::to_value(&*rows).map_err(CallbackError::msg) };
    let mut app = base("json").callback(Input::new("go", "n_clicks"), Output::new("rows", "data"), write).prevent_initial_call();
    for i in 0..4 {
        let read = |c: Columns| c.price.iter().sum::<f64>() + c.demand[7];
        app = app
            .callback(Input::new("rows", "data"), Output::new(format!("r{i}").as_str(), "children"), read)
            .prevent_initial_call();
    }
    app
}

/// Median time of one memo hit (µs), from memory and from disk.
fn memo_hits() -> (f64, f64) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = Arc::new(Database::open(&dir.path().join("memo.sqlite"), DatabaseOptions::default()).expect("database").database);
    let memo = Memo::new(MemoOptions::default(), Some(db));
    let ttl = Duration::from_secs(600);
    let result = || (0..1000).map(|i| format!("row {i}")).collect::<Vec<String>>();
    let args = ("North", 2026, "monthly");
    let _ = memo.cached("report", &args, ttl, result);
    let mut from_memory = Vec::new();
    for _ in 0..2000 {
        let t = Instant::now();
        let rows: Vec<String> = memo.cached("report", &args, ttl, result);
        from_memory.push(t.elapsed().as_secs_f64() * 1e6);
        assert_eq!(rows.len(), 1000);
    }
    let mut from_disk = Vec::new();
    for _ in 0..200 {
        memo.clear_memory();
        let t = Instant::now();
        let rows: Vec<String> = memo.cached("report", &args, ttl, || unreachable!("a hit on disk"));
        from_disk.push(t.elapsed().as_secs_f64() * 1e6);
        assert_eq!(rows.len(), 1000);
    }
    (median(from_memory), median(from_disk))
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
    let mut summary = Map::new();
    println!("{:<44} {:>14}", "figure", "value");
    for (label, bytes, waves) in [("store_writes_per_s_1kb", 1024, 300), ("store_writes_per_s_1mb", 1024 * 1024, 40)] {
        let per_s = rt.block_on(write_throughput(bytes, waves));
        println!("{label:<44} {per_s:>12.0}/s");
        summary.insert(label.into(), json!(per_s.round()));
    }
    let rows = Arc::new(columns());
    let (with_ms, with_blocks, with_mb) = rt.block_on(shared_rows(serverside_app(rows.clone()), 7));
    let (json_ms, json_blocks, json_mb) = rt.block_on(shared_rows(json_app(rows), 7));
    for (label, value, unit) in [
        ("rows_1m_4_readers_serverside_wave_ms", with_ms, "ms"),
        ("rows_1m_4_readers_json_wave_ms", json_ms, "ms"),
        ("rows_1m_4_readers_serverside_alloc_mb", with_mb, "MB"),
        ("rows_1m_4_readers_json_alloc_mb", json_mb, "MB"),
        ("rows_1m_4_readers_serverside_allocs", with_blocks, ""),
        ("rows_1m_4_readers_json_allocs", json_blocks, ""),
    ] {
        println!("{label:<44} {value:>12.2}{unit}");
        summary.insert(label.into(), json!((value * 100.0).round() / 100.0));
    }
    summary.insert("rows_1m_wave_ratio".into(), json!(((with_ms / json_ms) * 1000.0).round() / 1000.0));
    let (memory_us, disk_us) = memo_hits();
    for (label, value) in [("memo_hit_memory_us", memory_us), ("memo_hit_disk_us", disk_us)] {
        println!("{label:<44} {value:>12.1}µs");
        summary.insert(label.into(), json!((value * 10.0).round() / 10.0));
    }
    std::thread::sleep(Duration::from_millis(10));
    println!("{}", Value::Object(summary));
}
