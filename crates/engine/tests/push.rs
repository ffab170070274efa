//! Push updates (`App::task`, `Pusher`): a background task sets a window's properties without
//! any input; what it sets fires dependents like a callback's output; a fast producer
//! coalesces instead of queueing; a bad push is reported and the rest land; a closed window
//! ends its tasks.

use deskdash_engine::{div, App, EngineError, Input, Output, PatchBatch, Pusher, Session, SessionEvent};
use serde_json::{json, Value};
use std::time::Duration;

fn doubled(n: u64) -> u64 {
    n * 2
}

fn app() -> App {
    App::new("push").layout(div((div(0).id("count"), div(0).id("double")))).callback(
        Input::new("count", "children"),
        Output::new("double", "children"),
        doubled,
    )
}

/// Every batch the session sends within `window`, in order.
async fn batches_for(events: &mut deskdash_engine::SessionEvents, window: Duration) -> (Vec<PatchBatch>, Vec<String>) {
    let (mut batches, mut errors) = (Vec::new(), Vec::new());
    let deadline = tokio::time::Instant::now() + window;
    while let Ok(Some(event)) = tokio::time::timeout_at(deadline, events.recv()).await {
        match event {
            SessionEvent::Batch { batch } => batches.push(batch),
            SessionEvent::Error { error } => errors.push(error.message),
            _ => {}
        }
    }
    (batches, errors)
}

fn last_value(batches: &[PatchBatch], id: &str, prop: &str) -> Option<Value> {
    let all = serde_json::to_value(batches).ok()?;
    all.as_array()?
        .iter()
        .flat_map(|b| b["updates"].as_array().cloned().unwrap_or_default())
        .filter(|u| u["id"] == json!(id) && u["prop"] == prop)
        .filter_map(|u| u.get("value").cloned())
        .last()
}

#[tokio::test]
async fn a_task_sets_a_value_with_no_input_and_its_dependents_fire() -> deskdash_engine::Result<()> {
    let app = app().task(|push: Pusher| async move {
        for n in 1..=3u64 {
            tokio::time::sleep(Duration::from_millis(30)).await;
            if push.set("count", "children", n).is_err() {
                return;
            }
        }
    });
    let (session, mut events, _) = Session::start(app.build()?).await?;
    let (batches, errors) = batches_for(&mut events, Duration::from_millis(600)).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(last_value(&batches, "count", "children"), Some(json!(3)));
    assert_eq!(last_value(&batches, "double", "children"), Some(json!(6)), "the callback on the pushed value fired");
    assert_eq!(
        session
            .get(
                deskdash_engine::ComponentId::from_json(&json!("double"))
                    .map_err(|reason| EngineError::MalformedChange { reason })?,
                "children"
            )
            .await?,
        json!(6)
    );
    Ok(())
}

#[tokio::test]
async fn a_fast_producer_coalesces_into_few_batches_ending_on_its_last_value() -> deskdash_engine::Result<()> {
    let (stats_tx, stats_rx) = tokio::sync::oneshot::channel();
    let stats_tx = std::sync::Mutex::new(Some(stats_tx));
    let app = app().push_interval(Duration::from_millis(50)).task(move |push: Pusher| {
        let report = stats_tx.lock().ok().and_then(|mut s| s.take());
        async move {
            // 200,000 values as fast as the producer can make them, across about 0.3 s.
            let started = std::time::Instant::now();
            let mut n = 0u64;
            while n < 200_000 {
                n += 1;
                if push.set("count", "children", n).is_err() {
                    return;
                }
                if n % 20_000 == 0 {
                    tokio::time::sleep(Duration::from_millis(30)).await;
                }
            }
            if let Some(report) = report {
                let _ = report.send((push.stats(), started.elapsed()));
            }
        }
    });
    let (_session, mut events, _) = Session::start(app.build()?).await?;
    let (batches, errors) = batches_for(&mut events, Duration::from_millis(1500)).await;
    assert!(errors.is_empty(), "{errors:?}");
    let (stats, took) = stats_rx.await.map_err(|_| EngineError::SessionClosed)?;
    let pushed: Vec<&PatchBatch> =
        batches.iter().filter(|b| serde_json::to_string(b).unwrap_or_default().contains("\"count\"")).collect();
    // One delivery per 50 ms at most: a bounded number of batches, whatever the producer did.
    let bound = (took.as_millis() / 50) as usize + 3;
    assert!(pushed.len() <= bound, "{} batches for {took:?} of pushing (bound {bound})", pushed.len());
    assert!(stats.coalesced > 190_000, "most values were replaced before delivery: {stats:?}");
    assert_eq!(stats.delivered + stats.coalesced, 200_000, "every value was delivered or replaced: {stats:?}");
    assert_eq!(last_value(&batches, "count", "children"), Some(json!(200_000)), "the last value always lands");
    assert_eq!(last_value(&batches, "double", "children"), Some(json!(400_000)));
    Ok(())
}

#[tokio::test]
async fn a_bad_push_is_reported_and_the_good_ones_land() -> deskdash_engine::Result<()> {
    let app = app().task(|push: Pusher| async move {
        let _ = push.set("nowhere", "children", 1);
        let _ = push.set("count", "no_such_prop", 1);
        let _ = push.set("count", "children", 7);
    });
    let (_session, mut events, _) = Session::start(app.build()?).await?;
    let (batches, errors) = batches_for(&mut events, Duration::from_millis(400)).await;
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("nowhere")), "{errors:?}");
    assert!(errors.iter().any(|e| e.contains("no_such_prop")), "{errors:?}");
    assert_eq!(last_value(&batches, "double", "children"), Some(json!(14)));
    Ok(())
}

#[tokio::test]
async fn a_closed_window_refuses_pushes_and_ends_its_tasks() -> deskdash_engine::Result<()> {
    let spec = app().build()?;
    let (session, events, _) = Session::start(spec).await?;
    let pusher = session.pusher(Duration::from_millis(16));
    assert!(pusher.is_open());
    pusher.set("count", "children", 1)?;
    drop(session);
    drop(events);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!pusher.is_open());
    assert!(matches!(pusher.set("count", "children", 2), Err(EngineError::SessionClosed)));
    Ok(())
}

#[tokio::test]
async fn a_windows_tasks_are_cancelled_when_it_closes() -> deskdash_engine::Result<()> {
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::Arc;
    let ticks = Arc::new(AtomicU64::new(0));
    let counted = ticks.clone();
    // A task that never looks at its pusher: only cancellation stops it.
    let app = app().task(move |_push: Pusher| {
        let ticks = counted.clone();
        async move {
            loop {
                ticks.fetch_add(1, Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        }
    });
    let (session, events, _) = Session::start(app.build()?).await?;
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert!(ticks.load(Ordering::Relaxed) > 0, "the task runs while the window is open");
    drop(session);
    drop(events);
    tokio::time::sleep(Duration::from_millis(60)).await;
    let after_close = ticks.load(Ordering::Relaxed);
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(ticks.load(Ordering::Relaxed), after_close, "the task was cancelled with its window");
    Ok(())
}

/// Answers at once with an empty reply, then streams it in word by word.
fn reply(_clicks: u64, push: Pusher) -> String {
    tokio::spawn(async move {
        let mut text = String::new();
        for word in ["streamed", "word", "by", "word"] {
            tokio::time::sleep(Duration::from_millis(40)).await;
            text = if text.is_empty() { word.to_string() } else { format!("{text} {word}") };
            if push.set("count", "children", text.clone()).is_err() {
                return;
            }
        }
    });
    String::new()
}

#[tokio::test]
async fn a_callback_streams_its_reply_after_returning() -> deskdash_engine::Result<()> {
    let app = App::new("stream")
        .layout(div((deskdash_engine::button("Ask").id("ask"), div("").id("count"))))
        .callback(Input::new("ask", "n_clicks"), Output::new("count", "children"), reply)
        .prevent_initial_call();
    let (session, mut events, _) = Session::start(app.build()?).await?;
    session.apply(vec![deskdash_engine::Change::new("ask", "n_clicks", 1)]).await?;
    let (batches, errors) = batches_for(&mut events, Duration::from_millis(600)).await;
    assert!(errors.is_empty(), "{errors:?}");
    let shown: Vec<Value> = serde_json::to_value(&batches)
        .map(|all| {
            all.as_array()
                .into_iter()
                .flatten()
                .flat_map(|b| b["updates"].as_array().cloned().unwrap_or_default())
                .filter(|u| u["id"] == json!("count"))
                .filter_map(|u| u.get("value").cloned())
                .collect()
        })
        .unwrap_or_default();
    assert!(shown.len() >= 3, "the reply arrived in several pieces: {shown:?}");
    assert_eq!(shown.last(), Some(&json!("streamed word by word")));
    Ok(())
}
