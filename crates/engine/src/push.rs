//! Push updates: a background task of the app (a timer, a stream, a file watcher) sets
//! properties of a window at any time, without polling. What it sets goes through the same
//! path as a callback's result (a wave, its dependents, one patch batch). A fast producer
//! coalesces: between two deliveries only the latest value of each property is kept, and
//! deliveries are at most one per `App::push_interval`, so nothing queues without bound.

use crate::component::IdArg;
use crate::error::{EngineError, Result};
use crate::messages::Change;
use crate::session::Command;
use serde::Serialize;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;

/// The shortest time between two deliveries of pushed values to a window, unless the app
/// sets another (`App::push_interval`): a screen's frame.
pub const DEFAULT_PUSH_INTERVAL: Duration = Duration::from_millis(16);

/// A background task started for each window: it gets the window's [`Pusher`] and runs until
/// it returns or the window closes (then it is cancelled).
pub type Task = Arc<dyn Fn(Pusher) -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

/// What a pusher holds for the session between deliveries.
#[derive(Debug, Default)]
pub(crate) struct Pending {
    changes: Vec<Change>,
    /// Whether a delivery is already on its way to the session.
    scheduled: bool,
    last_delivery: Option<Instant>,
    /// Values replaced by a newer one before they were delivered.
    coalesced: u64,
    delivered: u64,
}

#[derive(Debug)]
pub(crate) struct PushState {
    session: mpsc::WeakUnboundedSender<Command>,
    pending: Mutex<Pending>,
    interval: Duration,
    runtime: tokio::runtime::Handle,
}

impl PushState {
    /// Takes what is pending for one delivery (called by the session's actor).
    pub(crate) fn take(&self) -> Vec<Change> {
        let mut pending = self.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        pending.scheduled = false;
        pending.last_delivery = Some(Instant::now());
        pending.delivered += pending.changes.len() as u64;
        std::mem::take(&mut pending.changes)
    }
}

/// Sets properties of one window from outside its callbacks. Cheap to clone; usable from any
/// thread (a blocking file watcher included).
#[derive(Debug, Clone)]
pub struct Pusher {
    state: Arc<PushState>,
}

/// How many values a pusher was given, delivered, and dropped for a newer one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushStats {
    pub delivered: u64,
    pub coalesced: u64,
}

impl Pusher {
    pub(crate) fn new(session: mpsc::WeakUnboundedSender<Command>, interval: Duration, runtime: tokio::runtime::Handle) -> Self {
        Pusher { state: Arc::new(PushState { session, pending: Mutex::new(Pending::default()), interval, runtime }) }
    }

    /// Sets `prop` of component `id` in the window, as a callback's output would: its
    /// dependents fire, and the window repaints in one batch with whatever else was pushed
    /// since the last delivery. An unknown id or prop, or a value of the wrong type, is
    /// reported in the window's error overlay and the log; the other values still land.
    /// Fails once the window is closed, so a task's loop can end with `?`.
    pub fn set(&self, id: impl Into<IdArg>, prop: &str, value: impl Serialize) -> Result<()> {
        if self.state.session.upgrade().is_none() {
            return Err(EngineError::SessionClosed);
        }
        let change = Change::new(id, prop, value);
        let mut pending = self.state.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match pending.changes.iter_mut().find(|c| c.id == change.id && c.prop == change.prop) {
            Some(older) => {
                older.value = change.value;
                pending.coalesced += 1;
            }
            None => pending.changes.push(change),
        }
        if !pending.scheduled {
            pending.scheduled = true;
            let wait = pending.last_delivery.map_or(Duration::ZERO, |at| self.state.interval.saturating_sub(at.elapsed()));
            let state = self.state.clone();
            self.state.runtime.spawn(async move {
                if !wait.is_zero() {
                    tokio::time::sleep(wait).await;
                }
                if let Some(session) = state.session.upgrade() {
                    let _ = session.send(Command::Pushed(state.clone()));
                }
            });
        }
        Ok(())
    }

    /// Whether the window is still open.
    pub fn is_open(&self) -> bool {
        self.state.session.upgrade().is_some_and(|s| !s.is_closed())
    }

    /// How many values this pusher delivered and how many it dropped for a newer one.
    pub fn stats(&self) -> PushStats {
        let pending = self.state.pending.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        PushStats { delivered: pending.delivered, coalesced: pending.coalesced }
    }
}

/// A callback that takes a `Pusher` can keep setting its window's properties after it
/// returned: a reply streamed in word by word from a task it spawns.
impl crate::handler::FromCallArg for Pusher {
    const TAKES_VALUE: bool = false;
    fn from_call(cursor: &mut crate::handler::ArgCursor) -> std::result::Result<Self, crate::error::CallbackError> {
        let ctx = &cursor.ctx().0;
        Ok(Pusher::new(ctx.session.clone(), ctx.push_interval, tokio::runtime::Handle::current()))
    }
}
