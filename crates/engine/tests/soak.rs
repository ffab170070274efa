//! Load, as figures: one window driven at 10,000 callbacks a second with its resident memory
//! sampled every second, and four windows busy in slow callbacks while a fifth window's
//! instant callback is timed (p50/p99). The checks are of correctness (every change answered,
//! the last value shown); the figures are printed, not asserted.
//!
//! `./run test` runs them for 3 s; `DESKDASH_SOAK_SECONDS=600 cargo test --release -p
//! deskdash-engine --test soak -- --nocapture --test-threads=1` is the ten-minute run.

use deskdash_engine::testing::resident_mb;
use deskdash_engine::*;
use std::time::{Duration, Instant};

fn seconds() -> u64 {
    std::env::var("DESKDASH_SOAK_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted.get(((sorted.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(f64::NAN)
}

fn out_id() -> ComponentId {
    ComponentId::from_json(&serde_json::json!("out")).expect("a plain id")
}

fn double(n: u64) -> u64 {
    n * 2
}

fn counter_app() -> App {
    App::new("soak").layout(div((button("go").id("go"), div(id("out"))))).callback(
        Input::new("go", "n_clicks"),
        Output::new("out", "children"),
        double,
    )
}

/// Drains a session's events so nothing queues up unread (as a window's Channel would).
fn drain(mut events: SessionEvents) {
    tokio::spawn(async move { while events.recv().await.is_some() {} });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_window_at_ten_thousand_callbacks_a_second_keeps_its_memory_flat() -> Result<()> {
    let (session, events, _) = Session::start(counter_app().build()?).await?;
    drain(events);
    let (per_second, total_seconds) = (10_000u64, seconds());
    let started = Instant::now();
    let mut samples = vec![resident_mb()];
    let mut sent = 0u64;
    for second in 0..total_seconds {
        let deadline = started + Duration::from_secs(second + 1);
        // Paced in bursts of 100, so the rate is 10,000 a second on average.
        for _ in 0..per_second / 100 {
            for _ in 0..100 {
                sent += 1;
                session.apply(vec![Change::new("go", "n_clicks", sent)]).await?;
            }
            let burst_end =
                started + Duration::from_secs(second) + Duration::from_secs_f64(sent as f64 / per_second as f64 - second as f64);
            if let Some(wait) = burst_end.checked_duration_since(Instant::now()) {
                tokio::time::sleep(wait).await;
            }
        }
        if let Some(wait) = deadline.checked_duration_since(Instant::now()) {
            tokio::time::sleep(wait).await;
        }
        samples.push(resident_mb());
    }
    session.idle().await?;
    let elapsed = started.elapsed().as_secs_f64();
    let calls = session.call_counts().await?.values().sum::<u64>();
    let shown = session.get(out_id(), "children").await?;
    let rss: Vec<String> = samples.iter().map(|m| format!("{m:.0}")).collect();
    eprintln!(
        "soak: {sent} changes in {elapsed:.1} s ({:.0}/s), {calls} callbacks run; RSS MB each second: {}",
        sent as f64 / elapsed,
        rss.join(" ")
    );
    assert_eq!(shown, serde_json::json!(sent * 2), "the last change's result is what the window shows");
    assert!(calls >= 1 && calls <= sent + 1, "calls coalesce under load, never multiply: {calls} for {sent}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_windows_in_slow_callbacks_leave_a_fifth_windows_instant_callback_alone() -> Result<()> {
    fn slow(n: u64) -> u64 {
        std::thread::sleep(Duration::from_secs(2));
        n
    }
    let slow_app = App::new("slow")
        .layout(div((button("go").id("go"), div(id("out")))))
        .callback(Input::new("go", "n_clicks"), Output::new("out", "children"), slow)
        .build()?;
    // Each slow window is kept busy by its own task: a new click as soon as the last call ends.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mut busy = Vec::new();
    for w in 0..4u64 {
        let (session, events, _) = Session::start(slow_app.clone()).await?;
        drain(events);
        let stop = stop.clone();
        busy.push(tokio::spawn(async move {
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                if session.apply(vec![Change::new("go", "n_clicks", w * 1_000_000 + n)]).await.is_err()
                    || session.idle().await.is_err()
                {
                    break;
                }
            }
            n
        }));
    }
    let (quick, events, _) = Session::start(counter_app().build()?).await?;
    drain(events);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    let mut latencies = Vec::new();
    let mut n = 0u64;
    while started.elapsed() < Duration::from_secs(seconds()) {
        n += 1;
        let t = Instant::now();
        if quick.apply(vec![Change::new("go", "n_clicks", n)]).await?.is_none() {
            quick.idle().await?;
        }
        latencies.push(t.elapsed().as_secs_f64() * 1000.0);
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let mut slow_calls = 0;
    for task in busy {
        slow_calls += task.await.unwrap_or(0);
    }
    latencies.sort_by(f64::total_cmp);
    eprintln!(
        "soak: a fifth window's instant callback while four windows run 2 s callbacks ({slow_calls} of them): p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms over {} clicks",
        percentile(&latencies, 0.5),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(f64::NAN),
        latencies.len()
    );
    let shown = quick.get(out_id(), "children").await?;
    assert_eq!(shown, serde_json::json!(n * 2));
    Ok(())
}
