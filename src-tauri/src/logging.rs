//! Logs (tracing) always go to stderr and to `deskdash.log` in the app's log directory.

use std::path::Path;
use std::sync::Mutex;
use tracing_subscriber::fmt::writer::MakeWriterExt;
use tracing_subscriber::EnvFilter;

/// Installs the subscriber. Falls back to stderr alone when the log file cannot be opened,
/// saying so, rather than failing the app.
pub fn init(log_dir: Option<&Path>) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let file = log_dir.and_then(|dir| {
        std::fs::create_dir_all(dir).ok()?;
        std::fs::OpenOptions::new().create(true).append(true).open(dir.join("deskdash.log")).ok()
    });
    let result = match file {
        Some(f) => tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_ansi(false)
            .with_writer(std::io::stderr.and(Mutex::new(f)))
            .try_init(),
        None => {
            eprintln!("deskdash: could not open a log file under {log_dir:?}; logging to stderr only");
            tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init()
        }
    };
    if result.is_err() {
        eprintln!("deskdash: a tracing subscriber was already installed; keeping it");
    }
}
