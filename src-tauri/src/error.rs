//! The shell's one error enum. It serializes to its message, which is what the renderer shows
//! in the dev overlay and what the log records.

use deskdash_engine::EngineError;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ShellError {
    #[error("message of {size} bytes exceeds the {limit}-byte limit")]
    TooLarge { size: usize, limit: usize },
    #[error("malformed message: {0}")]
    Malformed(String),
    #[error("window {window} has {limit} messages in flight already; this one is refused")]
    Busy { window: String, limit: usize },
    #[error("window state: {0}")]
    WindowState(String),
    #[error("window {0} is not connected; call connect first")]
    NotConnected(String),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error("app registration failed: {0}")]
    Registration(EngineError),
    #[error("tauri: {0}")]
    Tauri(#[from] tauri::Error),
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
}

impl serde::Serialize for ShellError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

pub type Result<T, E = ShellError> = std::result::Result<T, E>;
