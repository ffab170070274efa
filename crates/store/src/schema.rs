//! The database's schema, as an ordered list of migrations (rusqlite_migration keeps the
//! version in SQLite's `user_version`). Append only: a shipped migration is never edited.

use rusqlite_migration::{Migrations, M};

const LIST: &[M<'static>] = &[
    // Session and local stores. `scope` is `local`, or `session:<window label>`.
    M::up(
        "CREATE TABLE stores (
            scope TEXT NOT NULL,
            store TEXT NOT NULL,
            data TEXT NOT NULL,
            modified_timestamp INTEGER NOT NULL,
            PRIMARY KEY (scope, store)
        ) WITHOUT ROWID;",
    ),
    // Users' edits of persisted properties (Dash's `persistence`): `edit` is the JSON of
    // `[new value, value before the edit]`.
    M::up(
        "CREATE TABLE user_edits (
            scope TEXT NOT NULL,
            component TEXT NOT NULL,
            prop TEXT NOT NULL,
            persistence TEXT NOT NULL,
            edit TEXT NOT NULL,
            modified_timestamp INTEGER NOT NULL,
            PRIMARY KEY (scope, component, prop, persistence)
        ) WITHOUT ROWID;",
    ),
    // The memo cache's disk tier: a result's JSON until it expires (ms since the epoch).
    M::up(
        "CREATE TABLE memo (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            expires_ms INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX memo_by_expiry ON memo (expires_ms);",
    ),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(LIST)
}

/// The schema version this binary writes: how many migrations it knows.
pub fn known_version() -> usize {
    LIST.len()
}
