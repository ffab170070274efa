//! One app's database file: opening it (WAL, a busy timeout, migrations; a damaged file set
//! aside for a fresh one, a newer schema refused with the file untouched) and the engine's
//! [`StoreBackend`] on top: a wave's writes in one transaction, synced before it returns.

use crate::error::{Result, StoreError};
use crate::schema;
use deskdash_engine::{Entry, MemoDisk, Saved, Scope, StorageFault, StoreBackend, StoreWrite};
use rusqlite::{params, Connection, ErrorCode, OptionalExtension, TransactionBehavior};
use rusqlite_migration::SchemaVersion;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

/// How the database is opened and what it accepts.
#[derive(Debug, Clone)]
pub struct DatabaseOptions {
    /// How long a write waits for another process's lock before failing.
    pub busy_timeout: Duration,
    /// The largest store data accepted, in bytes of JSON.
    pub max_value_bytes: usize,
    /// How many bytes of memoized results the disk tier keeps; the soonest to expire go first.
    pub max_memo_bytes: u64,
}

impl Default for DatabaseOptions {
    fn default() -> Self {
        DatabaseOptions {
            busy_timeout: Duration::from_secs(5),
            max_value_bytes: 256 * 1024 * 1024,
            max_memo_bytes: 1024 * 1024 * 1024,
        }
    }
}

/// An open database.
pub struct Database {
    path: PathBuf,
    conn: Mutex<Connection>,
    options: DatabaseOptions,
}

/// What opening found: the database, and the path a damaged file was moved to, if it was.
pub struct Opened {
    pub database: Database,
    pub set_aside: Option<PathBuf>,
}

fn scope_key(scope: &Scope) -> String {
    match scope {
        Scope::Local => "local".into(),
        Scope::Session { window } => format!("session:{window}"),
    }
}

fn code(e: &rusqlite::Error) -> Option<ErrorCode> {
    e.sqlite_error_code()
}

fn is_damaged(e: &rusqlite::Error) -> bool {
    matches!(code(e), Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
}

fn is_locked(e: &rusqlite::Error) -> bool {
    matches!(code(e), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

impl Database {
    /// Opens (creating if need be) the database at `path`. A file SQLite cannot read as a
    /// database is renamed `<name>.damaged-<unix seconds>` beside it, kept for the user, and a
    /// fresh one is created; `Opened::set_aside` says where it went. Session stores of an
    /// earlier run are dropped: a session ends with the app.
    pub fn open(path: &Path, options: DatabaseOptions) -> Result<Opened> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|source| StoreError::Folder { path: path.into(), source })?;
        }
        match Self::open_file(path, &options) {
            Err(StoreError::Open { source, .. }) if is_damaged(&source) => {
                let moved = set_aside(path)?;
                tracing::error!(database = %path.display(), moved_to = %moved.display(), "damaged database set aside: {source}");
                let database = Self::open_file(path, &options)?;
                Ok(Opened { database, set_aside: Some(moved) })
            }
            other => other.map(|database| Opened { database, set_aside: None }),
        }
    }

    fn open_file(path: &Path, options: &DatabaseOptions) -> Result<Database> {
        let opening = |source| StoreError::Open { path: path.into(), source };
        let mut conn = Connection::open(path).map_err(opening)?;
        conn.busy_timeout(options.busy_timeout).map_err(opening)?;
        let migrations = schema::migrations();
        // Read before anything is written: a newer schema leaves the file as it is.
        match migrations.current_version(&conn) {
            Ok(SchemaVersion::Outside(found)) => {
                return Err(StoreError::NewerSchema { path: path.into(), found: found.get(), known: schema::known_version() })
            }
            Ok(_) => {}
            Err(rusqlite_migration::Error::RusqliteError { err, .. }) => return Err(opening(err)),
            Err(source) => return Err(StoreError::Migration { path: path.into(), source }),
        }
        let locked = |e: rusqlite::Error| {
            if is_locked(&e) {
                StoreError::Locked { path: path.into(), waited_ms: options.busy_timeout.as_millis() }
            } else {
                opening(e)
            }
        };
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(())).map_err(locked)?;
        // FULL syncs the WAL on every commit: a wave acknowledged survives a power loss.
        conn.pragma_update(None, "synchronous", "FULL").map_err(locked)?;
        migrations.to_latest(&mut conn).map_err(|source| match source {
            rusqlite_migration::Error::RusqliteError { err, .. } => locked(err),
            source => StoreError::Migration { path: path.into(), source },
        })?;
        conn.execute_batch(
            "DELETE FROM stores WHERE scope LIKE 'session:%'; DELETE FROM user_edits WHERE scope LIKE 'session:%';",
        )
        .map_err(locked)?;
        Ok(Database { path: path.into(), conn: Mutex::new(conn), options: options.clone() })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn connection(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock leaves SQLite consistent (the transaction rolls
        // back when dropped), so the connection is still good to use.
        self.conn.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `PRAGMA integrity_check`: `ok`, or SQLite's list of problems.
    pub fn integrity_check(&self) -> Result<String> {
        self.connection()
            .query_row("PRAGMA integrity_check", [], |row| row.get::<_, String>(0))
            .map_err(|source| StoreError::Open { path: self.path.clone(), source })
    }

    /// Reads one store's saved copy.
    pub fn load_store(&self, scope: &Scope, store: &str) -> Result<Option<Saved>> {
        self.load_entry(scope, &Entry::Store(store.to_string()))
    }

    /// Reads one saved entry.
    pub fn load_entry(&self, scope: &Scope, entry: &Entry) -> Result<Option<Saved>> {
        let read = |reason: String| StoreError::Read { path: self.path.clone(), entry: entry.to_string(), reason };
        let conn = self.connection();
        let row = |row: &rusqlite::Row| Ok((row.get::<_, String>(0)?, row.get::<_, i64>(1)?));
        let found = match entry {
            Entry::Store(store) => conn.query_row(
                "SELECT data, modified_timestamp FROM stores WHERE scope = ?1 AND store = ?2",
                params![scope_key(scope), store],
                row,
            ),
            Entry::UserEdit { component, prop, persistence } => conn.query_row(
                "SELECT edit, modified_timestamp FROM user_edits
                 WHERE scope = ?1 AND component = ?2 AND prop = ?3 AND persistence = ?4",
                params![scope_key(scope), component, prop, persistence],
                row,
            ),
        };
        let row: Option<(String, i64)> = found.optional().map_err(|e| read(e.to_string()))?;
        row.map(|(text, modified_timestamp)| {
            let data = serde_json::from_str(&text).map_err(|e| read(format!("its saved data is not JSON: {e}")))?;
            Ok(Saved { data, modified_timestamp })
        })
        .transpose()
    }

    /// Saves a wave's writes in one transaction: all of them or, on an error, none.
    pub fn commit_stores(&self, writes: &[StoreWrite]) -> Result<()> {
        let mut encoded = Vec::with_capacity(writes.len());
        for w in writes {
            let text = w.data.as_ref().map(serde_json::Value::to_string);
            let bytes = text.as_ref().map_or(0, String::len);
            if bytes > self.options.max_value_bytes {
                return Err(StoreError::TooLarge { entry: w.entry.to_string(), bytes, limit: self.options.max_value_bytes });
            }
            encoded.push((scope_key(&w.scope), w, text));
        }
        let names = || writes.iter().map(|w| w.entry.to_string()).collect::<Vec<_>>().join(", ");
        let failed = |source: rusqlite::Error| {
            if is_locked(&source) {
                StoreError::Locked { path: self.path.clone(), waited_ms: self.options.busy_timeout.as_millis() }
            } else {
                StoreError::Write { path: self.path.clone(), entries: names(), source }
            }
        };
        let mut conn = self.connection();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed)?;
        for (scope, w, text) in encoded {
            match (&w.entry, text) {
                (Entry::Store(store), Some(text)) => tx.execute(
                    "INSERT INTO stores (scope, store, data, modified_timestamp) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (scope, store) DO UPDATE SET data = excluded.data, modified_timestamp = excluded.modified_timestamp",
                    params![scope, store, text, w.modified_timestamp],
                ),
                (Entry::Store(store), None) => {
                    tx.execute("DELETE FROM stores WHERE scope = ?1 AND store = ?2", params![scope, store])
                }
                (Entry::UserEdit { component, prop, persistence }, Some(text)) => tx.execute(
                    "INSERT INTO user_edits (scope, component, prop, persistence, edit, modified_timestamp)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                     ON CONFLICT (scope, component, prop, persistence)
                     DO UPDATE SET edit = excluded.edit, modified_timestamp = excluded.modified_timestamp",
                    params![scope, component, prop, persistence, text, w.modified_timestamp],
                ),
                (Entry::UserEdit { component, prop, persistence }, None) => tx.execute(
                    "DELETE FROM user_edits WHERE scope = ?1 AND component = ?2 AND prop = ?3 AND persistence = ?4",
                    params![scope, component, prop, persistence],
                ),
            }
            .map_err(failed)?;
        }
        tx.commit().map_err(failed)
    }

    /// Runs SQL on the connection: for tests that make the database misbehave (a full disk
    /// through `max_page_count`, a read-only connection through `query_only`).
    #[doc(hidden)]
    pub fn execute_batch_for_tests(&self, sql: &str) -> Result<()> {
        self.connection().execute_batch(sql).map_err(|source| StoreError::Open { path: self.path.clone(), source })
    }
}

impl Database {
    fn memo_failed(&self, source: rusqlite::Error) -> StorageFault {
        StorageFault(format!("database {}: memo cache: {source}", self.path.display()))
    }
}

impl MemoDisk for Database {
    fn memo_get(&self, key: &str, now_ms: i64) -> std::result::Result<Option<(Value, i64)>, StorageFault> {
        let row: Option<(String, i64)> = self
            .connection()
            .query_row("SELECT value, expires_ms FROM memo WHERE key = ?1 AND expires_ms > ?2", params![key, now_ms], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()
            .map_err(|e| self.memo_failed(e))?;
        Ok(row.and_then(|(text, expires)| serde_json::from_str(&text).ok().map(|v| (v, expires))))
    }

    fn memo_put(&self, key: &str, value: &Value, expires_ms: i64) -> std::result::Result<(), StorageFault> {
        let text = value.to_string();
        let mut conn = self.connection();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| self.memo_failed(e))?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX));
        tx.execute("DELETE FROM memo WHERE expires_ms <= ?1", params![now]).map_err(|e| self.memo_failed(e))?;
        tx.execute(
            "INSERT INTO memo (key, value, bytes, expires_ms) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value, bytes = excluded.bytes, expires_ms = excluded.expires_ms",
            params![key, text, i64::try_from(text.len()).unwrap_or(i64::MAX), expires_ms],
        )
        .map_err(|e| self.memo_failed(e))?;
        // Over the bound: drop the entries closest to expiring until it fits.
        let total =
            |tx: &rusqlite::Transaction| tx.query_row("SELECT COALESCE(SUM(bytes), 0) FROM memo", [], |r| r.get::<_, i64>(0));
        let limit = i64::try_from(self.options.max_memo_bytes).unwrap_or(i64::MAX);
        while total(&tx).map_err(|e| self.memo_failed(e))? > limit {
            let dropped = tx
                .execute(
                    "DELETE FROM memo WHERE key = (SELECT key FROM memo WHERE key <> ?1 ORDER BY expires_ms LIMIT 1)",
                    params![key],
                )
                .map_err(|e| self.memo_failed(e))?;
            if dropped == 0 {
                break;
            }
        }
        tx.commit().map_err(|e| self.memo_failed(e))
    }
}

impl StoreBackend for Database {
    fn load(&self, scope: &Scope, entry: &Entry) -> std::result::Result<Option<Saved>, StorageFault> {
        self.load_entry(scope, entry).map_err(|e| StorageFault(e.to_string()))
    }

    fn commit(&self, writes: &[StoreWrite]) -> std::result::Result<(), StorageFault> {
        self.commit_stores(writes).map_err(|e| StorageFault(e.to_string()))
    }
}

/// Moves a damaged database (and its WAL and shared-memory files) out of the way.
fn set_aside(path: &Path) -> Result<PathBuf> {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "database".into());
    let moved = path.with_file_name(format!("{name}.damaged-{seconds}"));
    std::fs::rename(path, &moved).map_err(|source| StoreError::SetAside { path: path.into(), source })?;
    for suffix in ["-wal", "-shm"] {
        let side = PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            let _ = std::fs::rename(&side, format!("{}{suffix}", moved.display()));
        }
    }
    Ok(moved)
}
