//! Durability under SIGKILL: a child process writes waves of store updates through a real
//! session and says which waves were acknowledged (their batch was handed out, so the screen
//! would show them saved); it is killed at random moments, and after every kill the database
//! must hold every acknowledged wave, written whole, and pass `PRAGMA integrity_check`.
//!
//! `DESKDASH_CRASH_KILLS` sets how many kills (100 by default, as in `./run test`).

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use deskdash_store::{Database, DatabaseOptions};
use serde_json::json;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const CHILD_DB: &str = "DESKDASH_CRASH_CHILD_DB";
const STORES: [&str; 4] = ["s0", "s1", "s2", "s3"];

fn crash_app() -> App {
    let stores: Vec<Component> = STORES.iter().map(|s| store(*s).storage(Storage::Local)).collect();
    App::new("crash").layout(div(stores))
}

/// The wave every store holds, which must be one and the same (a wave commits whole).
fn saved_wave(db: &Database) -> Result<Option<u64>, String> {
    let waves: Vec<Option<u64>> = STORES
        .iter()
        .map(|s| db.load_store(&Scope::Local, s).map(|saved| saved.and_then(|v| v.data["wave"].as_u64())))
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    if waves.windows(2).any(|w| w[0] != w[1]) {
        return Err(format!("a wave was saved in part: {waves:?}"));
    }
    Ok(waves[0])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "the child process of every_acknowledged_wave_survives_sigkill"]
async fn crash_child_writes_waves_until_killed() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::var(CHILD_DB)?;
    let db = std::sync::Arc::new(Database::open(path.as_ref(), DatabaseOptions::default())?.database);
    let start = saved_wave(&db)?.map_or(0, |w| w + 1);
    let mut t = TestApp::start_in(crash_app().build()?, Stores::new(db), "main").await?;
    // Bursts: a few KB per store per wave, so pages and the WAL are really written.
    let pad = "p".repeat(4096);
    for wave in start.. {
        let changes = STORES.iter().map(|s| Change::new(*s, "data", json!({"wave": wave, "pad": pad}))).collect();
        t.set_many(changes).await?;
        println!("acked {wave}");
    }
    Ok(())
}

#[test]
fn every_acknowledged_wave_survives_sigkill() -> Result<(), Box<dyn std::error::Error>> {
    let kills: usize = std::env::var("DESKDASH_CRASH_KILLS").ok().and_then(|k| k.parse().ok()).unwrap_or(100);
    let seed = fastrand::u64(..);
    let mut rng = fastrand::Rng::with_seed(seed);
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("crash.sqlite");
    let mut acknowledged: Option<u64> = None;
    let mut killed_mid_run = 0;
    for kill in 0..kills {
        let mut child = Command::new(std::env::current_exe()?)
            .args(["--exact", "crash_child_writes_waves_until_killed", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_DB, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (acks_tx, acks) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(wave) = line.strip_prefix("acked ").and_then(|w| w.parse::<u64>().ok()) {
                    if acks_tx.send(wave).is_err() {
                        break;
                    }
                }
            }
        });
        // Kill at a random moment after the child has started acknowledging waves.
        let first =
            acks.recv_timeout(Duration::from_secs(30)).map_err(|_| format!("kill {kill}: the child acknowledged nothing"))?;
        acknowledged = acknowledged.max(Some(first));
        std::thread::sleep(Duration::from_micros(rng.u64(0..30_000)));
        child.kill()?;
        child.wait()?;
        let _ = reader.join();
        while let Ok(wave) = acks.try_recv() {
            acknowledged = acknowledged.max(Some(wave));
        }
        let db = Database::open(&path, DatabaseOptions::default())?.database;
        assert_eq!(db.integrity_check()?, "ok", "kill {kill} (seed {seed})");
        let saved = saved_wave(&db).map_err(|e| format!("kill {kill} (seed {seed}): {e}"))?;
        assert!(saved >= acknowledged, "kill {kill} (seed {seed}): wave {acknowledged:?} was acknowledged, {saved:?} is saved");
        killed_mid_run += usize::from(saved > acknowledged);
    }
    eprintln!("{kills} kills, last acknowledged wave {acknowledged:?}, {killed_mid_run} kills between a commit and its ack");
    Ok(())
}
