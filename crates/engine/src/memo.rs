//! The memo cache (flask-caching's `@cache.memoize(timeout)`): an author's function result,
//! keyed by the function's name and its serialized arguments, kept for a time to live. One
//! cache per app, shared by every window: a memory tier (bounded in bytes, least recently
//! used entries evicted first), and, when the app has a database, a disk tier behind it that
//! survives restarts. Concurrent calls with one key compute once; the others wait for it.
//!
//! A callback takes it as an argument:
//!
//! ```
//! # use deskdash_engine::*;
//! # use std::time::Duration;
//! fn slow_square(n: u64) -> u64 {
//!     std::thread::sleep(Duration::from_millis(50));
//!     n * n
//! }
//! fn show(n: u64, memo: Memo) -> String {
//!     let squared = memo.cached("slow_square", &n, Duration::from_secs(600), || slow_square(n));
//!     format!("{n}² = {squared}")
//! }
//! # let _ = App::new("x").layout(div((input("n").value(3), div(id("out"))))).callback(Input::new("n", "value"), Output::new("out", "children"), show).build().unwrap();
//! ```

use crate::error::CallbackError;
use crate::handler::{ArgCursor, FromCallArg};
use crate::storage::StorageFault;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::any::Any;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Where memoized results go when they leave memory: SQLite in the shell.
pub trait MemoDisk: Send + Sync {
    /// The saved result for `key` and when it expires (ms since the epoch), if it has not
    /// expired by `now_ms`.
    fn memo_get(&self, key: &str, now_ms: i64) -> Result<Option<(Value, i64)>, StorageFault>;
    /// Saves a result until `expires_ms`, keeping the tier within its size bound.
    fn memo_put(&self, key: &str, value: &Value, expires_ms: i64) -> Result<(), StorageFault>;
}

/// How much the memory tier may hold.
#[derive(Debug, Clone, Copy)]
pub struct MemoOptions {
    /// Bytes of results (measured as their JSON) kept in memory before the least recently
    /// used are evicted.
    pub memory_bytes: u64,
}

impl Default for MemoOptions {
    fn default() -> Self {
        MemoOptions { memory_bytes: 256 * 1024 * 1024 }
    }
}

#[derive(Clone)]
struct Held {
    value: Arc<dyn Any + Send + Sync>,
    bytes: u32,
    ttl: Duration,
}

/// Each entry lives for the time to live its call asked for.
struct PerEntry;

impl moka::Expiry<String, Held> for PerEntry {
    fn expire_after_create(&self, _key: &String, held: &Held, _created_at: Instant) -> Option<Duration> {
        Some(held.ttl)
    }
}

/// The app's memo cache; cheap to clone (one cache behind every handle).
#[derive(Clone)]
pub struct Memo {
    memory: moka::sync::Cache<String, Held>,
    disk: Option<Arc<dyn MemoDisk>>,
}

impl Memo {
    pub fn new(options: MemoOptions, disk: Option<Arc<dyn MemoDisk>>) -> Memo {
        let memory = moka::sync::Cache::builder()
            .max_capacity(options.memory_bytes)
            .weigher(|_key: &String, held: &Held| held.bytes)
            .expire_after(PerEntry)
            .build();
        Memo { memory, disk }
    }

    /// `compute()`'s result for `function` called with `args`: from memory, else from disk,
    /// else computed (once, however many windows ask at the same moment) and kept for `ttl`.
    /// Arguments that do not serialize cannot be keyed: then `compute` runs, uncached.
    pub fn cached<T, A, F>(&self, function: &str, args: &A, ttl: Duration, compute: F) -> T
    where
        T: Serialize + DeserializeOwned + Clone + Send + Sync + 'static,
        A: Serialize + ?Sized,
        F: FnOnce() -> T,
    {
        let Ok(args) = serde_json::to_string(args) else {
            tracing::warn!(function, "memo: arguments do not serialize; computed without caching");
            return compute();
        };
        let key = format!("{function}\u{1f}{args}");
        let mut compute = Some(compute);
        let held = self.memory.get_with(key.clone(), || {
            let compute = compute.take();
            self.load_or_compute(&key, ttl, || compute.map(|f| f()))
        });
        match held.value.downcast::<T>() {
            Ok(value) => (*value).clone(),
            // One name memoized with two result types (a bug in the app): the held result is
            // of the other type, so this call computes its own, uncached.
            Err(_) => {
                tracing::error!(function, "memo: memoized with two result types; computed without caching");
                match compute.take() {
                    Some(f) => f(),
                    None => unreachable!("a result computed by this call has this call's type"),
                }
            }
        }
    }

    fn load_or_compute<T, F>(&self, key: &str, ttl: Duration, compute: F) -> Held
    where
        T: Serialize + DeserializeOwned + Send + Sync + 'static,
        F: FnOnce() -> Option<T>,
    {
        let now = crate::storage::now_ms();
        if let Some(disk) = &self.disk {
            match disk.memo_get(key, now) {
                Ok(Some((json, expires))) => {
                    let bytes = u32::try_from(json.to_string().len()).unwrap_or(u32::MAX);
                    if let Ok(value) = serde_json::from_value::<T>(json) {
                        // It lives in memory only as long as it has left on disk.
                        let left = Duration::from_millis(u64::try_from(expires.saturating_sub(now)).unwrap_or(1).max(1));
                        return Held { value: Arc::new(value), bytes, ttl: left.min(ttl) };
                    }
                }
                Ok(None) => {}
                Err(fault) => tracing::warn!("memo: the disk tier could not be read: {fault}"),
            }
        }
        let Some(value) = compute() else { unreachable!("the cache runs the loader once, with the compute function") };
        let json = serde_json::to_value(&value).ok();
        let bytes = json.as_ref().map_or(std::mem::size_of::<T>(), |j| j.to_string().len());
        if let (Some(disk), Some(json)) = (&self.disk, &json) {
            let expires = now.saturating_add(i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX));
            if let Err(fault) = disk.memo_put(key, json, expires) {
                tracing::warn!("memo: the disk tier could not be written: {fault}");
            }
        }
        Held { value: Arc::new(value), bytes: u32::try_from(bytes).unwrap_or(u32::MAX), ttl }
    }

    /// Drops every entry held in memory (the disk tier keeps its own until they expire).
    pub fn clear_memory(&self) {
        self.memory.invalidate_all();
        self.memory.run_pending_tasks();
    }

    /// How many entries memory holds now (after pending evictions).
    pub fn entries_in_memory(&self) -> u64 {
        self.memory.run_pending_tasks();
        self.memory.entry_count()
    }
}

impl FromCallArg for Memo {
    const TAKES_VALUE: bool = false;
    fn from_call(cursor: &mut ArgCursor) -> Result<Self, CallbackError> {
        Ok(cursor.ctx().0.memo.clone())
    }
}
