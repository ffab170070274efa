//! Windows are sessions: each webview window label maps to one engine session, whose patch
//! batches, errors and clientside calls are forwarded to that window over its Channel.

use crate::codec;
use deskdash_engine::{AppSpec, Session, SessionEvents};
use serde_json::json;
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

/// Pushes a session's batches, errors and clientside calls to its window until either side
/// goes away.
pub async fn forward(label: String, mut events: SessionEvents, channel: Channel<InvokeResponseBody>) {
    loop {
        let message = tokio::select! {
            Some(batch) = events.batches.recv() => json!({"kind": "batch", "batch": batch}),
            Some(error) = events.errors.recv() => json!({"kind": "error", "error": error}),
            Some(call) = events.clientside.recv() => json!({"kind": "clientside", "call": call}),
            else => break,
        };
        if let Err(e) = channel.send(codec::encode_message(message)) {
            tracing::info!(window = %label, "window stopped listening: {e}");
            break;
        }
    }
}
