//! Where `session` and `local` stores keep their data beyond one window's memory, as the
//! engine sees it: a [`StoreBackend`] (SQLite in the shell, a map in tests), and the app's
//! [`Stores`], shared by every window's session, so a local store written in one window is
//! pushed to the others that show it. The engine knows no database: it hands a wave's writes
//! to the backend in one call before that wave's batch is sent.

use crate::memo::{Memo, MemoOptions};
use crate::serverside::TypedValue;
use crate::session::Command;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc::WeakUnboundedSender;

/// Which saved copy a store's data belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Scope {
    /// One window's: survives a reload of that window, ends when the app exits.
    Session { window: String },
    /// The app's: survives restarts, shared by every window.
    Local,
}

/// What a saved entry is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Entry {
    /// A store's data, by the store's id (`ComponentId`'s display form).
    Store(String),
    /// A user's edit of a persisted property (Dash's `persistence`), under the persistence
    /// value it was made with (as JSON); its data is `[new value, value before the edit]`.
    UserEdit { component: String, prop: String, persistence: String },
}

impl std::fmt::Display for Entry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Entry::Store(id) => write!(f, "store {id}"),
            Entry::UserEdit { component, prop, .. } => write!(f, "the choice in {component}.{prop}"),
        }
    }
}

/// A store's saved data and when it was written (milliseconds since the Unix epoch, as Dash's
/// `modified_timestamp`).
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub data: Value,
    pub modified_timestamp: i64,
}

/// One store's new state at the end of a wave.
#[derive(Debug, Clone, PartialEq)]
pub struct StoreWrite {
    pub scope: Scope,
    pub entry: Entry,
    /// The data to keep; `None` removes the saved copy (the store was cleared or set to null).
    pub data: Option<Value>,
    pub modified_timestamp: i64,
}

/// Why a backend could not load or save: its message names the database and the store.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct StorageFault(pub String);

/// Durable storage for stores. `commit` writes all of a wave's stores or none of them, and
/// returns only once they would survive a crash.
pub trait StoreBackend: Send + Sync {
    fn load(&self, scope: &Scope, entry: &Entry) -> Result<Option<Saved>, StorageFault>;
    fn commit(&self, writes: &[StoreWrite]) -> Result<(), StorageFault>;
}

/// A backend in memory: what an app without a database (and a test) uses. Local stores live
/// as long as this value, so two sessions started on the same one see each other's writes.
#[derive(Default)]
pub struct MemoryBackend {
    saved: Mutex<HashMap<(Scope, Entry), Saved>>,
}

impl StoreBackend for MemoryBackend {
    fn load(&self, scope: &Scope, entry: &Entry) -> Result<Option<Saved>, StorageFault> {
        let saved = self.saved.lock().map_err(|_| StorageFault("memory store poisoned".into()))?;
        Ok(saved.get(&(scope.clone(), entry.clone())).cloned())
    }

    fn commit(&self, writes: &[StoreWrite]) -> Result<(), StorageFault> {
        let mut saved = self.saved.lock().map_err(|_| StorageFault("memory store poisoned".into()))?;
        for w in writes {
            let key = (w.scope.clone(), w.entry.clone());
            match &w.data {
                Some(data) => saved.insert(key, Saved { data: data.clone(), modified_timestamp: w.modified_timestamp }),
                None => saved.remove(&key),
            };
        }
        Ok(())
    }
}

/// One app's stores: the backend, and every live session, to tell each about local stores
/// the others wrote.
pub struct Stores {
    backend: Arc<dyn StoreBackend>,
    /// Server-side values in session stores, by window and store: they outlive a reload of
    /// the window, not the process.
    session_typed: Mutex<HashMap<(String, String), TypedValue>>,
    sessions: Mutex<Vec<(u64, WeakUnboundedSender<Command>)>>,
    next_member: AtomicU64,
    memo: Memo,
}

impl Stores {
    /// Stores on `backend`, with a memo cache in memory only.
    pub fn new(backend: Arc<dyn StoreBackend>) -> Arc<Stores> {
        Stores::with_memo(backend, Memo::new(MemoOptions::default(), None))
    }

    /// Stores on `backend`, with the app's memo cache.
    pub fn with_memo(backend: Arc<dyn StoreBackend>, memo: Memo) -> Arc<Stores> {
        Arc::new(Stores {
            backend,
            memo,
            session_typed: Mutex::new(HashMap::new()),
            sessions: Mutex::new(Vec::new()),
            next_member: AtomicU64::new(1),
        })
    }

    /// Stores kept in memory only (nothing survives the process).
    pub fn in_memory() -> Arc<Stores> {
        Stores::new(Arc::new(MemoryBackend::default()))
    }

    /// The app's memo cache.
    pub fn memo(&self) -> &Memo {
        &self.memo
    }

    pub(crate) fn backend(&self) -> &dyn StoreBackend {
        self.backend.as_ref()
    }

    pub(crate) fn keep_typed(&self, window: &str, store: &str, value: Option<TypedValue>) {
        if let Ok(mut kept) = self.session_typed.lock() {
            let key = (window.to_string(), store.to_string());
            match value {
                Some(v) => kept.insert(key, v),
                None => kept.remove(&key),
            };
        }
    }

    pub(crate) fn typed_for(&self, window: &str, store: &str) -> Option<TypedValue> {
        self.session_typed.lock().ok()?.get(&(window.to_string(), store.to_string())).cloned()
    }

    /// Registers a session to hear of other sessions' local writes; returns its member number.
    pub(crate) fn join(&self, session: WeakUnboundedSender<Command>) -> u64 {
        let member = self.next_member.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut sessions) = self.sessions.lock() {
            sessions.retain(|(_, tx)| tx.strong_count() > 0);
            sessions.push((member, session));
        }
        member
    }

    /// Tells every other live session about the local stores `from` has just committed.
    pub(crate) fn announce(&self, from: u64, writes: &[StoreWrite]) {
        let local: Vec<StoreWrite> =
            writes.iter().filter(|w| w.scope == Scope::Local && matches!(w.entry, Entry::Store(_))).cloned().collect();
        if local.is_empty() {
            return;
        }
        let Ok(mut sessions) = self.sessions.lock() else { return };
        sessions.retain(|(member, tx)| {
            if *member == from {
                return tx.strong_count() > 0;
            }
            match tx.upgrade() {
                Some(tx) => tx.send(Command::StoresChanged(local.clone())).is_ok(),
                None => false,
            }
        });
    }
}

/// Milliseconds since the Unix epoch, for `modified_timestamp`.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}
