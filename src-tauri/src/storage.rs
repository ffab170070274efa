//! The app's database: opened once at start in the app's own data directory, and handed to
//! every window's session as its stores and as the memo cache's disk tier. A database that cannot be used never stops the app:
//! its stores are kept in memory for this run and every window says so.

use deskdash_engine::{Memo, MemoOptions, Stores};
use deskdash_store::{Database, DatabaseOptions};
use std::path::Path;
use std::sync::Arc;

/// The database's file name inside the app data directory.
pub const DATABASE_FILE: &str = "deskdash.sqlite";

/// The app's stores, and what each window must tell the user about them at load.
pub struct AppStores {
    pub stores: Arc<Stores>,
    pub notices: Vec<String>,
}

/// Opens `<data_dir>/deskdash.sqlite`; without a data directory, stores live in memory.
pub fn open(data_dir: Option<&Path>) -> AppStores {
    let Some(dir) = data_dir else {
        let notice = "This app has no data folder, so what it stores is kept only until it closes.".to_string();
        tracing::error!("{notice}");
        return AppStores { stores: Stores::in_memory(), notices: vec![notice] };
    };
    let path = dir.join(DATABASE_FILE);
    match Database::open(&path, DatabaseOptions::default()) {
        Ok(opened) => {
            let notices = opened
                .set_aside
                .iter()
                .map(|moved| {
                    format!(
                        "The saved data in {} could not be read. It was moved to {} and the app started with empty stores.",
                        path.display(),
                        moved.display()
                    )
                })
                .collect();
            tracing::info!(database = %path.display(), "stores opened");
            let database = Arc::new(opened.database);
            let memo = Memo::new(MemoOptions::default(), Some(database.clone()));
            AppStores { stores: Stores::with_memo(database, memo), notices }
        }
        Err(e) => {
            let notice = format!("{e}. Until the app is restarted, what it stores is kept only in memory.");
            tracing::error!("{notice}");
            AppStores { stores: Stores::in_memory(), notices: vec![notice] }
        }
    }
}
