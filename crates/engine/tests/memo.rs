//! The memo cache: one computation per function and arguments within the time to live, a
//! memory bound with eviction, single-flight across threads, and one cache for every window.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

const MINUTE: Duration = Duration::from_secs(60);

#[test]
fn one_computation_per_function_and_arguments() {
    let memo = Memo::new(MemoOptions::default(), None);
    let runs = AtomicUsize::new(0);
    let square = |n: u64| {
        memo.cached("square", &n, MINUTE, || {
            runs.fetch_add(1, Ordering::SeqCst);
            n * n
        })
    };
    assert_eq!((square(3), square(3), square(4)), (9, 9, 16));
    assert_eq!(runs.load(Ordering::SeqCst), 2, "3 once, 4 once");
    let other: u64 = memo.cached("cube", &3u64, MINUTE, || 27);
    assert_eq!(other, 27, "another function with the same arguments is another entry");
}

#[test]
fn an_entry_expires_after_its_time_to_live() {
    let memo = Memo::new(MemoOptions::default(), None);
    let runs = AtomicUsize::new(0);
    let call = || {
        memo.cached("now", &(), Duration::from_millis(40), || {
            runs.fetch_add(1, Ordering::SeqCst);
        })
    };
    call();
    call();
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    std::thread::sleep(Duration::from_millis(120));
    call();
    assert_eq!(runs.load(Ordering::SeqCst), 2, "computed again once expired");
}

#[test]
fn the_memory_bound_evicts_entries() {
    let memo = Memo::new(MemoOptions { memory_bytes: 4_000 }, None);
    for i in 0..50u64 {
        let _: String = memo.cached("pad", &i, MINUTE, || "x".repeat(400));
    }
    let held = memo.entries_in_memory();
    assert!(held < 50 && held <= 10, "about 4,000 bytes of 400-byte results are held, not {held}");
}

#[test]
fn concurrent_calls_with_one_key_compute_once() {
    let memo = Memo::new(MemoOptions::default(), None);
    let runs = Arc::new(AtomicUsize::new(0));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (memo, runs) = (memo.clone(), runs.clone());
            std::thread::spawn(move || {
                memo.cached("slow", &"key", MINUTE, || {
                    runs.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(100));
                    42u32
                })
            })
        })
        .collect();
    let results: Vec<u32> = threads.into_iter().map(|t| t.join().unwrap_or(0)).collect();
    assert_eq!(results, vec![42; 8]);
    assert_eq!(runs.load(Ordering::SeqCst), 1, "eight callers, one computation");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_window_of_the_app_shares_the_cache() -> Result<()> {
    /// Counts the report's computations; the test keeps a handle too.
    #[derive(Clone, Default)]
    struct Runs(Arc<AtomicUsize>);
    fn report(region: String, memo: Memo, runs: Shared<Runs>) -> String {
        let total = memo.cached("report", &region, MINUTE, || {
            runs.0 .0.fetch_add(1, Ordering::SeqCst);
            region.len() * 1000
        });
        format!("{region}: {total}")
    }
    let runs = Runs::default();
    let app = App::new("memo")
        .shared(runs.clone())
        .layout(div((input("region").value("North"), div(id("out")))))
        .callback(Input::new("region", "value"), Output::new("out", "children"), report)
        .build()?;
    let stores = Stores::in_memory();
    let mut a = TestApp::start_in(app.clone(), stores.clone(), "a").await?;
    let b = TestApp::start_in(app, stores.clone(), "b").await?;
    assert_eq!(a.get("out", "children").await, "North: 5000");
    assert_eq!(b.get("out", "children").await, "North: 5000");
    assert_eq!(runs.0.load(Ordering::SeqCst), 1, "the second window's initial call was a hit");
    a.set("region", "value", "West").await?;
    assert_eq!(a.get("out", "children").await, "West: 4000");
    assert_eq!(runs.0.load(Ordering::SeqCst), 2);
    Ok(())
}
