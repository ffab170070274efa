//! How a wave's batch reaches the window: as the answer to the change that started it when
//! the wave is quick, else on the session's one ordered event stream; never both, never lost.

use deskdash_engine::*;
use serde_json::json;
use std::time::Duration;

fn app() -> App {
    App::new("round trip")
        .layout(div((button("quick").id("quick"), button("slow").id("slow"), div("").id("q"), div("").id("s"), div("").id("e"))))
        .callback(Input::new("quick", "n_clicks"), Output::new("q", "children"), |n: u64| format!("quick {n}"))
        .callback(Input::new("slow", "n_clicks"), Output::new("s", "children"), |n: u64| {
            std::thread::sleep(QUICK_WAVE * 3);
            format!("slow {n}")
        })
        .prevent_initial_callbacks(true)
}

fn updated(batch: &PatchBatch) -> Vec<(String, serde_json::Value)> {
    batch
        .updates
        .iter()
        .map(|u| match &u.update {
            UpdateKind::Value(v) => (u.id.to_string(), v.clone()),
            UpdateKind::Patch(_) => (u.id.to_string(), json!("patch")),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_quick_wave_answers_the_change_that_started_it() -> Result<()> {
    let (session, mut events, _) = Session::start(app().build()?).await?;
    let batch = session.apply(vec![Change::new("quick", "n_clicks", 1)]).await?;
    let batch = batch.ok_or(EngineError::SessionClosed)?;
    assert_eq!(updated(&batch), vec![("q".to_string(), json!("quick 1"))]);
    session.idle().await?;
    assert!(events.try_recv().is_err(), "the batch is not sent twice");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_wave_comes_on_the_event_stream() -> Result<()> {
    let (session, mut events, _) = Session::start(app().build()?).await?;
    assert_eq!(session.apply(vec![Change::new("slow", "n_clicks", 1)]).await?, None, "the change is answered without its batch");
    let event = tokio::time::timeout(Duration::from_secs(10), events.recv()).await.map_err(|_| EngineError::SessionClosed)?;
    match event {
        Some(SessionEvent::Batch { batch }) => assert_eq!(updated(&batch), vec![("s".to_string(), json!("slow 1"))]),
        other => panic!("expected the slow wave's batch, got {other:?}"),
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_that_fires_nothing_is_answered_at_once_with_no_batch() -> Result<()> {
    let (session, _events, _) = Session::start(app().build()?).await?;
    let started = std::time::Instant::now();
    assert_eq!(session.apply_as_app(vec![Change::new("e", "children", "x")]).await?, None);
    // Not a timing target: without the release the answer would wait out QUICK_WAVE.
    assert!(started.elapsed() < QUICK_WAVE, "answered after {:?}", started.elapsed());
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_and_batches_keep_the_order_the_session_made_them() -> Result<()> {
    let app = App::new("order")
        .layout(div((button("go").id("go"), div("").id("a"), div("").id("b"))))
        .callback(Input::new("go", "n_clicks"), Output::new("a", "children"), |n: u64| -> CallbackResult<String> {
            std::thread::sleep(QUICK_WAVE * 2);
            Err(CallbackError::msg(format!("fails on click {n}")))
        })
        .callback(Input::new("a", "children"), Output::new("b", "children"), |a: String| a)
        .prevent_initial_callbacks(true);
    let (session, mut events, _) = Session::start(app.build()?).await?;
    for n in 1..=3u64 {
        session.apply(vec![Change::new("go", "n_clicks", n)]).await?;
        session.idle().await?;
    }
    let mut messages = Vec::new();
    while let Ok(event) = events.try_recv() {
        if let SessionEvent::Error { error } = event {
            messages.push(error.message);
        }
    }
    assert_eq!(messages, vec!["fails on click 1", "fails on click 2", "fails on click 3"]);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn waves_are_numbered_from_one_without_gaps_across_both_paths() -> Result<()> {
    // No initial callback runs, so the load carries no batch and uses no wave number.
    let (session, mut events, initial) = Session::start(app().build()?).await?;
    assert!(initial.batches.is_empty());
    let mut waves = Vec::new();
    for (id, n) in [("quick", 1), ("slow", 1), ("quick", 2), ("e", 0)] {
        let change = if id == "e" { Change::new("e", "children", "x") } else { Change::new(id, "n_clicks", n) };
        waves.extend(session.apply_as_app(vec![change]).await?.map(|b| b.wave));
        session.idle().await?;
    }
    while let Ok(event) = events.try_recv() {
        if let SessionEvent::Batch { batch } = event {
            waves.push(batch.wave);
        }
    }
    waves.sort_unstable();
    assert_eq!(waves, vec![1, 2, 3], "a change that fires nothing uses no wave number");
    Ok(())
}
