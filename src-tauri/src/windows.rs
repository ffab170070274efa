//! Windows are sessions: each webview window label maps to one engine session, whose events
//! (patch batches, errors, clientside calls) are forwarded to that window over its Channel.

use crate::codec;
use crate::error::ShellError;
use crate::protocol::{Notice, Routed, ToWindow};
use crate::storage::AppStores;
use deskdash_engine::{AppSpec, Session, SessionEvents};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tauri::ipc::{Channel, InvokeResponseBody};
use tauri::{AppHandle, Runtime};

/// How many messages from one window may be parsed at once. Parsing is where a message costs
/// the most memory (many times its size); this bounds what a flood of concurrent invokes can
/// take, while each is also held to `MAX_MESSAGE_BYTES` and `MAX_MESSAGE_VALUES`.
pub const MAX_IN_FLIGHT: usize = 8;

/// The app's sessions, one per window label.
pub struct Windows {
    pub spec: Arc<AppSpec>,
    /// Every window's session and local stores.
    pub stores: AppStores,
    sessions: Mutex<HashMap<String, Session>>,
    in_flight: Mutex<HashMap<String, usize>>,
    /// What every window is told in this run (a database set aside, an update refused): sent
    /// to the windows open when it happens and in the load message of any opened later.
    notices: Mutex<Vec<Notice>>,
    /// Each connected window's Channel, for the notices of the app as a whole.
    channels: Mutex<HashMap<String, Channel<InvokeResponseBody>>>,
}

/// A message being parsed for a window; dropping it frees the window's slot.
pub struct InFlight<'a> {
    windows: &'a Windows,
    label: String,
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        if let Ok(mut counts) = self.windows.in_flight.lock() {
            if let Some(n) = counts.get_mut(&self.label) {
                *n = n.saturating_sub(1);
            }
        }
    }
}

impl Windows {
    pub fn new(spec: Arc<AppSpec>, stores: AppStores) -> Self {
        let notices = Mutex::new(stores.notices.clone());
        Windows {
            spec,
            stores,
            sessions: Mutex::new(HashMap::new()),
            in_flight: Mutex::new(HashMap::new()),
            notices,
            channels: Mutex::new(HashMap::new()),
        }
    }

    /// The notices a window connecting now is told in its load message.
    pub fn notices(&self) -> Vec<Notice> {
        self.notices.lock().map(|n| n.clone()).unwrap_or_default()
    }

    /// Tells every open window, and every window opened later in this run.
    pub fn notify(&self, notice: Notice) {
        let message = codec::encode(&ToWindow::Notice(notice.clone()));
        if let Ok(mut notices) = self.notices.lock() {
            notices.push(notice);
        }
        if let Ok(channels) = self.channels.lock() {
            for channel in channels.values() {
                // A window that stopped listening is told again when it reconnects.
                let _ = channel.send(message.clone());
            }
        }
    }

    /// Where the app-wide notices reach a connected window.
    pub fn listen(&self, label: &str, channel: Channel<InvokeResponseBody>) {
        if let Ok(mut channels) = self.channels.lock() {
            channels.insert(label.to_string(), channel);
        }
    }

    /// Takes one of the window's [`MAX_IN_FLIGHT`] slots, or says why not.
    pub fn admit(&self, label: &str) -> Result<InFlight<'_>, ShellError> {
        let mut counts =
            self.in_flight.lock().map_err(|_| ShellError::Busy { window: label.to_string(), limit: MAX_IN_FLIGHT })?;
        let n = counts.entry(label.to_string()).or_default();
        if *n >= MAX_IN_FLIGHT {
            return Err(ShellError::Busy { window: label.to_string(), limit: MAX_IN_FLIGHT });
        }
        *n += 1;
        Ok(InFlight { windows: self, label: label.to_string() })
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
        if let Ok(mut channels) = self.channels.lock() {
            channels.remove(label);
        }
    }
}

/// Pushes a session's events to its window, in the order the session produced them, until
/// either side goes away; requests to the desktop (a window, a dialog) are acted on here.
pub async fn forward<R: Runtime>(
    app: AppHandle<R>,
    label: String,
    mut events: SessionEvents,
    channel: Channel<InvokeResponseBody>,
) {
    while let Some(event) = events.recv().await {
        let message = match Routed::from(event) {
            Routed::ToWindow(message) => message,
            Routed::Desktop(request) => {
                crate::desktop::handle(&app, &label, request, &channel);
                continue;
            }
        };
        if let Err(e) = channel.send(codec::encode(&message)) {
            tracing::info!(window = %label, "window stopped listening: {e}");
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_gets_a_bounded_number_of_messages_in_flight() -> Result<(), Box<dyn std::error::Error>> {
        let stores = AppStores { stores: deskdash_engine::Stores::in_memory(), notices: Vec::new() };
        let windows = Windows::new(deskdash_engine::App::new("t").build()?, stores);
        let held: Vec<InFlight> = (0..MAX_IN_FLIGHT).map(|_| windows.admit("main")).collect::<Result<_, _>>()?;
        let refused = windows.admit("main").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(refused.contains(&format!("{MAX_IN_FLIGHT} messages in flight")), "{refused}");
        assert!(windows.admit("other").is_ok(), "another window has its own slots");
        drop(held);
        assert!(windows.admit("main").is_ok(), "slots come back when messages are done");
        Ok(())
    }
}
