//! deskdash-store: an app's SQLite database, beside the app in its data directory. It keeps
//! session and local stores for the engine (through `deskdash_engine::StoreBackend`),
//! committing each wave's writes in one durable transaction, and looks after the file: WAL,
//! schema migrations, a corrupt file set aside, a newer schema refused untouched.

mod database;
mod error;
mod schema;

pub use database::{Database, DatabaseOptions, Opened};
pub use error::{Result, StoreError};
