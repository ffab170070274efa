//! A session: one window's component tree, property values and running callbacks. It is an
//! actor on the tokio runtime: changes go in, one ordered stream of [`SessionEvent`]s comes
//! out (a patch batch per wave, error reports, clientside calls), and callbacks run
//! concurrently beside it. A wave that finishes quickly hands its batch back as the answer
//! to the change that started it instead.

mod outputs;
mod runner;
mod scheduler;

use crate::app::AppSpec;
use crate::error::{EngineError, Result};
use crate::id::ComponentId;
use crate::messages::{Change, ClientsideResult, InitialLoad, PatchBatch, SessionEvent};
use crate::storage::Stores;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// How long [`Session::apply`] waits for the wave it started, to return that wave's batch
/// itself (one round trip for the window); a slower wave's batch goes on the event stream.
pub const QUICK_WAVE: Duration = Duration::from_millis(100);

/// The event stream a session produces, in order.
pub type SessionEvents = mpsc::UnboundedReceiver<SessionEvent>;

/// Where the batch of a wave goes when the change that started it is still waiting: whoever
/// takes the sender first (the actor with the batch, or `apply` giving up) decides.
pub(crate) type BatchSlot = Arc<Mutex<Option<oneshot::Sender<PatchBatch>>>>;

pub(crate) enum Command {
    Apply {
        changes: Vec<Change>,
        from: Source,
        reply: oneshot::Sender<Result<()>>,
        batch: BatchSlot,
    },
    Completed(scheduler::Completion),
    ClientsideDone {
        result: ClientsideResult,
        reply: oneshot::Sender<Result<()>>,
    },
    Progress {
        key: crate::instances::InstKey,
        generation: u64,
        value: Value,
    },
    TimedOut {
        key: crate::instances::InstKey,
        generation: u64,
    },
    Get {
        id: ComponentId,
        prop: String,
        reply: oneshot::Sender<Result<Value>>,
    },
    Layout {
        reply: oneshot::Sender<Value>,
    },
    Idle {
        reply: oneshot::Sender<()>,
    },
    CallCounts {
        reply: oneshot::Sender<HashMap<String, u64>>,
    },
    StoresChanged(Vec<crate::storage::StoreWrite>),
    /// A background task pushed values (`Pusher::set`): take them and apply them.
    Pushed(Arc<crate::push::PushState>),
    /// A callback's request to the shell (a window, a dialog), passed on as an event.
    Desktop(crate::desktop::DesktopRequest),
    /// The window logged out: its protected callbacks still running are cancelled.
    LoggedOut,
    /// Time to see whether the window has been idle long enough to lock.
    CheckIdle {
        reply: Option<oneshot::Sender<()>>,
    },
}

/// Who made a change: a user in the window (only the properties a user can change), or the
/// app itself, in process (tests, Rust code driving its own window: any property).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Window,
    App,
}

/// A handle to a running session; cheap to clone. The actor stops when every handle is dropped.
#[derive(Clone)]
pub struct Session {
    tx: mpsc::UnboundedSender<Command>,
}

/// Starts the app's background tasks for one window, each with the window's pusher.
fn start_tasks(app: &AppSpec, tx: &mpsc::UnboundedSender<Command>) -> Vec<tokio::task::JoinHandle<()>> {
    app.tasks
        .iter()
        .map(|task| {
            let pusher = crate::push::Pusher::new(tx.downgrade(), app.push_interval, tokio::runtime::Handle::current());
            tokio::spawn(task(pusher))
        })
        .collect()
}

/// Asks the session now and then whether its window has been idle long enough to lock.
async fn idle_ticks(session: mpsc::WeakUnboundedSender<Command>, idle: Duration) {
    let every = (idle / 4).clamp(Duration::from_millis(250), Duration::from_secs(5));
    loop {
        tokio::time::sleep(every).await;
        let Some(tx) = session.upgrade() else { return };
        if tx.send(Command::CheckIdle { reply: None }).is_err() {
            return;
        }
    }
}

impl Session {
    /// Starts a session for one window, its stores in memory only: renders the layout, runs
    /// the initial callbacks, and returns the layout with their first batches. Must be called
    /// inside a tokio runtime.
    pub async fn start(app: Arc<AppSpec>) -> Result<(Session, SessionEvents, InitialLoad)> {
        Session::start_in(app, Stores::in_memory(), "main").await
    }

    /// As [`Session::start`], for the window labelled `window` of an app whose session and
    /// local stores are `stores` (one value for every window of the app).
    pub async fn start_in(app: Arc<AppSpec>, stores: Arc<Stores>, window: &str) -> Result<(Session, SessionEvents, InitialLoad)> {
        let (tx, rx) = mpsc::unbounded_channel();
        let (event_tx, events) = mpsc::unbounded_channel();
        let (first_tx, first_rx) = oneshot::channel();
        let shared = app.clone();
        let (actor, layout) = {
            let layout = shared.layout.render();
            let place = scheduler::Place { stores, window: window.to_string() };
            let actor = scheduler::Actor::new(app, &layout, tx.downgrade(), event_tx, first_tx, place)?;
            (actor, shared.layout_for_renderer(&layout))
        };
        let mut tasks = start_tasks(&shared, &tx);
        if let Some(idle) = shared.auth.as_ref().and_then(|a| a.settings.idle_lock) {
            tasks.push(tokio::spawn(idle_ticks(tx.downgrade(), idle)));
        }
        tokio::spawn(async move {
            actor.run(rx).await;
            // The window is gone: its background tasks end with it.
            tasks.iter().for_each(tokio::task::JoinHandle::abort);
        });
        let first = first_rx.await.map_err(|_| EngineError::SessionClosed)?;
        let session = Session { tx };
        Ok((session, events, InitialLoad { layout, batches: first }))
    }

    /// A handle that sets this window's properties from outside its callbacks.
    pub fn pusher(&self, interval: std::time::Duration) -> crate::push::Pusher {
        crate::push::Pusher::new(self.tx.downgrade(), interval, tokio::runtime::Handle::current())
    }

    async fn ask<T>(&self, make: impl FnOnce(oneshot::Sender<T>) -> Command) -> Result<T> {
        let (reply, rx) = oneshot::channel();
        self.tx.send(make(reply)).map_err(|_| EngineError::SessionClosed)?;
        rx.await.map_err(|_| EngineError::SessionClosed)
    }

    /// Applies user changes. Every change is checked first (known id, known property, value
    /// type); if one is wrong, none is applied and the error names it. When the wave this
    /// starts finishes within [`QUICK_WAVE`], its batch is returned here; otherwise (and for
    /// every later wave) batches arrive on the event stream. Batches are numbered by wave, so
    /// a receiver can keep their order across both paths.
    ///
    /// Only the properties a user can change are accepted (`catalog::user_editable`): what a
    /// window sends is never trusted to set `children`, a store's `data` or `disabled`.
    pub async fn apply(&self, changes: Vec<Change>) -> Result<Option<PatchBatch>> {
        self.apply_from(changes, Source::Window).await
    }

    /// As [`Session::apply`], for changes the app makes itself, in process (tests, Rust code
    /// driving its own window): any property may be set.
    pub async fn apply_as_app(&self, changes: Vec<Change>) -> Result<Option<PatchBatch>> {
        self.apply_from(changes, Source::App).await
    }

    async fn apply_from(&self, changes: Vec<Change>, from: Source) -> Result<Option<PatchBatch>> {
        let (batch_tx, mut batch_rx) = oneshot::channel();
        let slot: BatchSlot = Arc::new(Mutex::new(Some(batch_tx)));
        let batch = slot.clone();
        self.ask(|reply| Command::Apply { changes, from, reply, batch }).await??;
        match tokio::time::timeout(QUICK_WAVE, &mut batch_rx).await {
            Ok(answer) => Ok(answer.ok()),
            Err(_) => {
                let unclaimed = slot.lock().map(|mut s| s.take().is_some()).unwrap_or(true);
                // The actor took the sender just now: its batch is on the way here.
                Ok(if unclaimed { None } else { batch_rx.await.ok() })
            }
        }
    }

    /// The renderer's answer to a clientside call. An answer for a call that is no longer
    /// awaited (cancelled, or its component removed) is dropped; one naming a call that was
    /// never made is an error.
    pub async fn clientside_result(&self, result: ClientsideResult) -> Result<()> {
        self.ask(|reply| Command::ClientsideDone { result, reply }).await?
    }

    /// The current value of one property.
    pub async fn get(&self, id: ComponentId, prop: &str) -> Result<Value> {
        let prop = prop.to_string();
        self.ask(|reply| Command::Get { id, prop, reply }).await?
    }

    /// The layout as it stands now (for a window reload).
    pub async fn layout(&self) -> Result<Value> {
        self.ask(|reply| Command::Layout { reply }).await
    }

    /// Locks the window now if it has been idle past the app's idle lock (a timer asks this
    /// on its own; tests with a manual clock ask after moving it).
    pub async fn check_idle(&self) -> Result<()> {
        self.ask(|reply| Command::CheckIdle { reply: Some(reply) }).await
    }

    /// Resolves once no callback is requested or running.
    pub async fn idle(&self) -> Result<()> {
        self.ask(|reply| Command::Idle { reply }).await
    }

    /// How many times each callback (by name) has been called.
    pub async fn call_counts(&self) -> Result<HashMap<String, u64>> {
        self.ask(|reply| Command::CallCounts { reply }).await
    }
}
