//! The test harness, in-process (Dash's `dash_duo` without a browser): start an app, set
//! properties as a user would, wait for the callbacks to settle, and read values, call counts,
//! batches and errors.
//!
//! ```
//! use deskdash_engine::{testing::TestApp, *};
//! # fn main() -> std::result::Result<(), Box<dyn std::error::Error>> {
//! # tokio::runtime::Runtime::new()?.block_on(async {
//! fn hello(v: String) -> String {
//!     format!("hello {v}")
//! }
//! let app = App::new("echo")
//!     .layout(div((input("name").value("a"), div(id("out")))))
//!     .callback(Input::new("name", "value"), Output::new("out", "children"), hello);
//! let mut t = TestApp::start(app).await?;
//! t.set("name", "value", "b").await?;
//! assert_eq!(t.get("out", "children").await, "hello b");
//! # Ok::<(), EngineError>(())
//! # })?;
//! # Ok(())
//! # }
//! ```

use crate::app::{App, AppSpec};
use crate::component::IdArg;
use crate::error::{EngineError, ErrorReport, Result};
use crate::id::ComponentId;
use crate::messages::{Change, ClientsideCall, ClientsideOutcome, ClientsideResult, InitialLoad, PatchBatch, SessionEvent};
use crate::session::Session;
use crate::storage::Stores;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Stands in for a clientside callback's JavaScript in a test (no JavaScript runs here):
/// given the call (arguments and context), says how it ends.
pub type StandIn = Arc<dyn Fn(&ClientsideCall) -> ClientsideOutcome + Send + Sync>;

/// A started app with one session, driven from a test.
pub struct TestApp {
    pub session: Session,
    /// Batches and errors, in the order the session produced them (clientside calls are
    /// answered by the stand-ins as they arrive).
    event_rx: mpsc::UnboundedReceiver<SessionEvent>,
    /// Asks the forwarding task to pass on everything the session has sent so far.
    sync_tx: mpsc::UnboundedSender<oneshot::Sender<()>>,
    pub initial: InitialLoad,
    batches: Vec<PatchBatch>,
    errors: Vec<ErrorReport>,
    notices: Vec<String>,
    desktop: Vec<crate::desktop::DesktopRequest>,
    counts_before: HashMap<String, u64>,
}

fn id_of(id: impl Into<IdArg>) -> Result<ComponentId> {
    ComponentId::from_json(&id.into().into_json()).map_err(|reason| EngineError::MalformedChange { reason })
}

impl TestApp {
    /// Builds the app (registration errors surface here), starts a session and waits for the
    /// initial callbacks to settle.
    pub async fn start(app: App) -> Result<TestApp> {
        Self::start_with_clientside(app, Vec::new()).await
    }

    /// As `start`, with a Rust stand-in for each clientside callback, by callback name. A
    /// clientside callback without one fails with an error report saying so.
    pub async fn start_with_clientside(app: App, stand_ins: Vec<(&str, StandIn)>) -> Result<TestApp> {
        Self::start_window(app.build()?, Stores::in_memory(), "main", stand_ins).await
    }

    /// Starts the window `window` of an app whose session and local stores are `stores`: a
    /// second `TestApp` on the same `stores` is another window of the app (or, with the same
    /// label, the same window reloaded), and new `Stores` on the same backend are the app
    /// restarted.
    pub async fn start_in(app: Arc<AppSpec>, stores: Arc<Stores>, window: &str) -> Result<TestApp> {
        Self::start_window(app, stores, window, Vec::new()).await
    }

    async fn start_window(
        app: Arc<AppSpec>,
        stores: Arc<Stores>,
        window: &str,
        stand_ins: Vec<(&str, StandIn)>,
    ) -> Result<TestApp> {
        // An app with accounts whose test connected no keychain gets one in memory.
        if let Some(auth) = app.auth.as_ref().filter(|a| !a.is_connected()) {
            auth.connect(Ok(Arc::new(crate::auth::MemoryBackend::default())));
        }
        let (session, events, initial) = Session::start_in(app, stores, window).await?;
        let stand_ins: HashMap<String, StandIn> = stand_ins.into_iter().map(|(n, f)| (n.to_string(), f)).collect();
        let answering = session.clone();
        let (seen_tx, event_rx) = mpsc::unbounded_channel();
        let (sync_tx, sync_rx) = mpsc::unbounded_channel();
        tokio::spawn(forward_events(events, sync_rx, seen_tx, answering, stand_ins));
        let mut t = TestApp {
            session,
            event_rx,
            sync_tx,
            batches: initial.batches.clone(),
            initial,
            errors: Vec::new(),
            notices: Vec::new(),
            desktop: Vec::new(),
            counts_before: HashMap::new(),
        };
        t.settle().await;
        Ok(t)
    }

    /// Waits until no callback is requested or running, and collects what arrived.
    pub async fn settle(&mut self) {
        let _ = self.session.idle().await;
        // Idle means the session has sent its events; wait until they are passed on here.
        let (done, synced) = oneshot::channel();
        if self.sync_tx.send(done).is_ok() {
            let _ = synced.await;
        }
        self.drain();
    }

    fn drain(&mut self) {
        while let Ok(event) = self.event_rx.try_recv() {
            match event {
                SessionEvent::Batch { batch } => self.batches.push(batch),
                SessionEvent::Error { error } => self.errors.push(error),
                SessionEvent::Notice { message } => self.notices.push(message),
                SessionEvent::Desktop { request } => self.desktop.push(request),
                SessionEvent::Clientside { .. } => {}
            }
        }
        // A quick wave's batch came back as the answer to its change, so it may sit before
        // batches of earlier, slower waves that came on the stream: keep wave order.
        self.batches.sort_by_key(|b| b.wave);
    }

    fn received(&mut self, batch: Option<PatchBatch>) {
        self.batches.extend(batch);
    }

    /// Sets one property as the user would, then waits for the callbacks it fires.
    pub async fn set(&mut self, id: impl Into<IdArg>, prop: &str, value: impl Serialize) -> Result<()> {
        self.set_many(vec![Change::new(id, prop, value)]).await
    }

    /// Sets several properties at once (one user action), then waits.
    pub async fn set_many(&mut self, changes: Vec<Change>) -> Result<()> {
        self.mark_counts().await;
        let batch = self.session.apply_as_app(changes).await?;
        self.received(batch);
        self.settle().await;
        Ok(())
    }

    /// Sends one change as the window would: only a property a user can change, checked
    /// against the window's login as every message from the webview is.
    pub async fn user_set(&mut self, id: impl Into<IdArg>, prop: &str, value: impl Serialize) -> Result<()> {
        self.user_set_many(vec![Change::new(id, prop, value)]).await
    }

    /// As [`TestApp::user_set`], several changes in one message.
    pub async fn user_set_many(&mut self, changes: Vec<Change>) -> Result<()> {
        self.mark_counts().await;
        let batch = self.session.apply(changes).await?;
        self.received(batch);
        self.settle().await;
        Ok(())
    }

    /// Sets a property without waiting (to test what happens while callbacks run).
    pub async fn set_nowait(&mut self, id: impl Into<IdArg>, prop: &str, value: impl Serialize) -> Result<()> {
        let batch = self.session.apply_as_app(vec![Change::new(id, prop, value)]).await?;
        self.received(batch);
        Ok(())
    }

    /// The current value of a property; `Value::Null` if it is unset or unknown.
    pub async fn get(&self, id: impl Into<IdArg>, prop: &str) -> Value {
        match id_of(id) {
            Ok(id) => self.session.get(id, prop).await.unwrap_or(Value::Null),
            Err(_) => Value::Null,
        }
    }

    /// Total calls of the named callback since start.
    pub async fn calls(&self, callback: &str) -> u64 {
        self.session.call_counts().await.ok().and_then(|c| c.get(callback).copied()).unwrap_or(0)
    }

    /// Calls of the named callback since the last `set`/`set_many`.
    pub async fn calls_since_last_set(&self, callback: &str) -> u64 {
        self.calls(callback).await - self.counts_before.get(callback).copied().unwrap_or(0)
    }

    /// Records the call counts now, as the base for `calls_since_last_set`.
    pub async fn mark_counts(&mut self) {
        self.counts_before = self.session.call_counts().await.unwrap_or_default();
    }

    /// Errors reported so far (drained).
    pub fn take_errors(&mut self) -> Vec<ErrorReport> {
        self.drain();
        std::mem::take(&mut self.errors)
    }

    /// Notices for the user so far (drained): stores not saved, saved data unreadable.
    pub fn take_notices(&mut self) -> Vec<String> {
        self.drain();
        std::mem::take(&mut self.notices)
    }

    /// What callbacks asked of the desktop so far (drained): windows, dialogs. A test answers a
    /// dialog as the shell does, with `set` on the request's `answer` property.
    pub fn take_desktop_requests(&mut self) -> Vec<crate::desktop::DesktopRequest> {
        self.drain();
        std::mem::take(&mut self.desktop)
    }

    /// Batches received so far, the initial ones included (drained).
    pub fn take_batches(&mut self) -> Vec<PatchBatch> {
        self.drain();
        std::mem::take(&mut self.batches)
    }
}

/// Answers clientside calls as the renderer would, concurrently with the test, and passes
/// every other event on in order. A sync request is answered once every event already sent
/// has been passed on.
async fn forward_events(
    mut events: crate::session::SessionEvents,
    mut sync: mpsc::UnboundedReceiver<oneshot::Sender<()>>,
    seen: mpsc::UnboundedSender<SessionEvent>,
    session: Session,
    stand_ins: HashMap<String, StandIn>,
) {
    loop {
        let event = tokio::select! {
            biased;
            event = events.recv() => match event {
                Some(e) => e,
                None => break,
            },
            done = sync.recv() => match done {
                Some(done) => {
                    while let Ok(event) = events.try_recv() {
                        let _ = seen.send(event);
                    }
                    let _ = done.send(());
                    continue;
                }
                // The TestApp was dropped: so is the session handle held here, which ends
                // the window's session as closing a window does.
                None => break,
            },
        };
        let SessionEvent::Clientside { call } = event else {
            let _ = seen.send(event);
            continue;
        };
        let outcome = match stand_ins.get(&call.name) {
            Some(f) => f(&call),
            None => {
                ClientsideOutcome::Error { message: format!("no stand-in for clientside callback {} in this TestApp", call.name) }
            }
        };
        let result = ClientsideResult { call: call.call, outcome, set_props: Vec::new() };
        if session.clientside_result(result).await.is_err() {
            break;
        }
    }
}

/// This process's resident memory in MB, from Linux's `/proc/self/status` (0 where there is
/// none): for tests and benches that print memory figures.
pub fn resident_mb() -> f64 {
    status_mb("VmRSS:")
}

/// The most resident memory this process has had so far, in MB (Linux's `VmHWM`).
pub fn peak_resident_mb() -> f64 {
    status_mb("VmHWM:")
}

fn status_mb(field: &str) -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with(field)).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .unwrap_or(0.0)
        / 1024.0
}
