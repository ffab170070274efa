//! Windows are sessions: each webview window label maps to one engine session, whose events
//! (patch batches, errors, clientside calls) are forwarded to that window over its Channel.

use crate::codec;
use deskdash_engine::{AppSpec, Session, SessionEvents};
use crate::protocol::ToWindow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tauri::ipc::{Channel, InvokeResponseBody};

/// The app's sessions, one per window label.
pub struct Windows {
    pub spec: Arc<AppSpec>,
    sessions: Mutex<HashMap<String, Session>>,
}

impl Windows {
    pub fn new(spec: Arc<AppSpec>) -> Self {
        Windows { spec, sessions: Mutex::new(HashMap::new()) }
    }

    /// Registers the session of a window; a reload replaces (and so ends) the old one.
    pub fn insert(&self, label: &str, session: Session) {
        if let Ok(mut map) = self.sessions.lock() {
            map.insert(label.to_string(), session);
        }
    }

    pub fn get(&self, label: &str) -> Option<Session> {
        self.sessions.lock().ok().and_then(|m| m.get(label).cloned())
    }

    pub fn remove(&self, label: &str) {
        if let Ok(mut map) = self.sessions.lock() {
            map.remove(label);
        }
    }
}

/// Pushes a session's events to its window, in the order the session produced them, until
/// either side goes away.
pub async fn forward(label: String, mut events: SessionEvents, channel: Channel<InvokeResponseBody>) {
    while let Some(event) = events.recv().await {
        if let Err(e) = channel.send(codec::encode(&ToWindow::from(event))) {
            tracing::info!(window = %label, "window stopped listening: {e}");
            break;
        }
    }
}
