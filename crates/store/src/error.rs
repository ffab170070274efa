//! The store crate's one error enum: each variant names the database file, and the store
//! where one is involved, so the message can be shown to the user as it is.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("database {path}: cannot create its folder: {source}")]
    Folder { path: PathBuf, source: std::io::Error },
    #[error("database {path} could not be opened: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("database {path} is damaged and could not be set aside: {source}")]
    SetAside { path: PathBuf, source: std::io::Error },
    #[error("database {path} has schema version {found}, newer than this app knows ({known}); it was left untouched: update the app to open it")]
    NewerSchema { path: PathBuf, found: usize, known: usize },
    #[error("database {path} could not be migrated to the current schema: {source}")]
    Migration { path: PathBuf, source: rusqlite_migration::Error },
    #[error("database {path} is locked by another process (waited {waited_ms} ms)")]
    Locked { path: PathBuf, waited_ms: u128 },
    #[error("{entry}: its data is {bytes} bytes, more than the {limit} bytes a store may hold")]
    TooLarge { entry: String, bytes: usize, limit: usize },
    #[error("database {path}: {entries} could not be saved: {source}")]
    Write { path: PathBuf, entries: String, source: rusqlite::Error },
    #[error("database {path}: {entry} could not be read: {reason}")]
    Read { path: PathBuf, entry: String, reason: String },
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
