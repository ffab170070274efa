//! The app's database: opened once at start in the app's own data directory, and handed to
//! every window's session as its stores and as the memo cache's disk tier. A database that cannot be used never stops the app:
//! its stores are kept in memory for this run and every window says so.

use crate::protocol::Notice;
use deskdash_engine::{Memo, MemoOptions, Stores};
use deskdash_store::{Database, DatabaseOptions};
use std::path::Path;
use std::sync::Arc;

/// The database's file name inside the app data directory.
pub const DATABASE_FILE: &str = "deskdash.sqlite";

/// The app's stores, and what each window must tell the user about them at load.
pub struct AppStores {
    pub stores: Arc<Stores>,
    pub notices: Vec<Notice>,
}

/// Opens `<data_dir>/deskdash.sqlite` (stores held to `max_store_bytes` when the app set
/// it); without a data directory, stores live in memory.
pub fn open(data_dir: Option<&Path>, max_store_bytes: Option<usize>) -> AppStores {
    let Some(dir) = data_dir else {
        let notice = "This app has no data folder, so what it stores is kept only until it closes.".to_string();
        tracing::error!("{notice}");
        return AppStores { stores: Stores::in_memory(), notices: vec![Notice::saved_data(notice)] };
    };
    let path = dir.join(DATABASE_FILE);
    let defaults = DatabaseOptions::default();
    let options = DatabaseOptions { max_value_bytes: max_store_bytes.unwrap_or(defaults.max_value_bytes), ..defaults };
    match Database::open(&path, options) {
        Ok(opened) => {
            let notices = opened
                .set_aside
                .iter()
                .map(|moved| {
                    Notice::saved_data(format!(
                        "The saved data in {} could not be read. It was moved to {} and the app started with empty stores.",
                        path.display(),
                        moved.display()
                    ))
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
            AppStores { stores: Stores::in_memory(), notices: vec![Notice::saved_data(notice)] }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deskdash_engine::testing::TestApp;
    use deskdash_engine::{div, input, store, App, Input, Output, Storage};

    fn notes(max_store_bytes: Option<usize>) -> App {
        let app = App::new("notes")
            .layout(div((input("note"), store("notes").storage(Storage::Local))))
            .callback(Input::new("note", "value"), Output::new("notes", "data"), |v: String| v)
            .prevent_initial_call();
        match max_store_bytes {
            Some(bytes) => app.max_store_bytes(bytes),
            None => app,
        }
    }

    #[tokio::test]
    async fn the_apps_store_bound_reaches_the_database() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let app = notes(Some(16)).build()?;
        let opened = open(Some(dir.path()), app.max_store_bytes);
        assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        let mut t = TestApp::start_in(app, opened.stores, "main").await?;
        t.set("note", "value", "short").await?;
        t.set("note", "value", "far too long for sixteen bytes").await?;
        let notices = t.take_notices();
        assert!(notices.len() == 1 && notices[0].contains("more than the 16 bytes"), "{notices:?}");
        assert_eq!(t.get("notes", "data").await, "short");
        Ok(())
    }

    #[tokio::test]
    async fn a_database_that_cannot_be_used_leaves_stores_in_memory_and_says_so() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let path = dir.path().join(DATABASE_FILE);
        drop(Database::open(&path, DatabaseOptions::default())?);
        mark_as_written_by_a_newer_app(&path)?;
        let opened = open(Some(dir.path()), None);
        assert_eq!(opened.notices.len(), 1);
        assert!(
            opened.notices[0].message.contains("newer than this app knows")
                && opened.notices[0].message.contains("kept only in memory"),
            "{:?}",
            opened.notices
        );
        let mut t = TestApp::start_in(notes(None).build()?, opened.stores, "main").await?;
        t.set("note", "value", "still works").await?;
        assert_eq!(t.get("notes", "data").await, "still works");
        Ok(())
    }

    /// Marks the file as written by a newer app, through the database's own writer.
    fn mark_as_written_by_a_newer_app(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
        let db = Database::open(path, DatabaseOptions::default())?.database;
        db.execute_batch_for_tests("PRAGMA user_version = 99;")?;
        Ok(())
    }
}
