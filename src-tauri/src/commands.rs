//! The whole IPC surface the webview may call: `connect` (a window's layout, first batches and
//! its push Channel), `apply_changes` (what the user changed; answered with the wave's batch
//! when it is quick) and `clientside_result` (the answer to a clientside call). Every
//! message is size-bounded and validated before it reaches the engine; the message types
//! live in `protocol.rs`. `remember_theme` saves the user's light/dark choice.

use crate::codec;
use crate::error::{Result, ShellError};
use crate::protocol::{ApplyReply, ChangeMessage, LoadMessage, Theme, ToWindow};
use crate::windows::{forward, Windows};
use deskdash_engine::{Change, ClientsideResult, ErrorReport, Session};
use serde::de::DeserializeOwned;
use tauri::ipc::{Channel, InvokeBody, InvokeResponseBody, Request, Response};
use tauri::{Manager, Runtime, State, Webview};

/// The largest change message accepted (uploads included).
pub const MAX_MESSAGE_BYTES: usize = 32 * 1024 * 1024;
/// The most changes one message may carry.
pub const MAX_CHANGES: usize = 1024;

/// Starts (or restarts, on reload) the window's session. Returns at once; the layout and the
/// results of the initial callbacks arrive as the Channel's first message (`kind: "load"`),
/// followed by later batches, errors and clientside calls: one ordered stream, and the
/// window is never left waiting on a reply while the initial callbacks run.
#[tauri::command]
pub async fn connect<R: Runtime>(
    webview: Webview<R>,
    windows: State<'_, Windows>,
    on_event: Channel<InvokeResponseBody>,
) -> Result<()> {
    let label = webview.label().to_string();
    windows.remove(&label);
    let spec = windows.spec.clone();
    let stores = windows.stores.stores.clone();
    let app = webview.app_handle().clone();
    tauri::async_runtime::spawn(async move {
        let (session, events, initial) = match Session::start_in(spec.clone(), stores, &label).await {
            Ok(s) => s,
            Err(e) => {
                tracing::error!(window = %label, "session failed to start: {e}");
                let error = ErrorReport { callback: "connect".into(), inputs: vec![], message: e.to_string() };
                let _ = on_event.send(codec::encode(&ToWindow::Error { error }));
                return;
            }
        };
        app.state::<Windows>().insert(&label, session);
        let notices = app.state::<Windows>().notices();
        let load = ToWindow::Load(LoadMessage {
            title: spec.name.clone(),
            debug: cfg!(debug_assertions),
            instrument: cfg!(debug_assertions) || std::env::var_os("DESKDASH_INSTRUMENT").is_some(),
            layout: initial.layout,
            batches: initial.batches,
            clientside: spec.clientside_functions(),
            component_bundles: spec.component_bundles.len(),
            notices,
            theme: crate::window_state::theme(&app),
            app_theme: spec.theme.overrides(),
            color_scheme: spec.theme.scheme(),
        });
        let message = codec::encode(&load);
        tracing::info!(window = %label, bytes = codec::len(&message), "connected; layout sent");
        if on_event.send(message).is_ok() {
            app.state::<Windows>().listen(&label, on_event.clone());
            forward(app, label, events, on_event).await;
        }
    });
    Ok(())
}

/// Decodes a message body, refusing oversized or malformed ones with the reason.
/// The most JSON values (numbers, strings, lists, objects, ...) one message may hold. Parsed,
/// each costs tens of bytes whatever its text costs, so this, not the byte limit, bounds the
/// memory a message takes: a message of a million `1,` would otherwise grow seventeen-fold.
pub const MAX_MESSAGE_VALUES: usize = 2_000_000;

/// Counts the values in JSON text without parsing it: one per `,` `[` `{` `:` outside
/// strings, which is at least the number of values the parser would build, give or take one.
fn count_values(bytes: &[u8]) -> usize {
    let (mut count, mut in_string, mut escaped) = (1usize, false, false);
    for &b in bytes {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b',' | b'[' | b'{' | b':') => count += 1,
            (false, _, _) => {}
        }
    }
    count
}

fn decode_bounded<T: DeserializeOwned>(body: &InvokeBody) -> Result<T> {
    match body {
        InvokeBody::Raw(bytes) => {
            if bytes.len() > MAX_MESSAGE_BYTES {
                return Err(ShellError::TooLarge { size: bytes.len(), limit: MAX_MESSAGE_BYTES });
            }
            let values = count_values(bytes);
            if values > MAX_MESSAGE_VALUES {
                return Err(ShellError::Malformed(format!("{values} values in one message; the limit is {MAX_MESSAGE_VALUES}")));
            }
            serde_json::from_slice(bytes).map_err(|e| ShellError::Malformed(e.to_string()))
        }
        // The renderer always sends bytes. A JSON body was already parsed by Tauri, and
        // measuring it would mean serializing it again: refused without a look.
        InvokeBody::Json(_) => Err(ShellError::Malformed("send the message as raw bytes, not as a JSON argument".into())),
    }
}

/// Decodes a change message, refusing oversized or malformed ones with the reason.
pub fn decode_changes(body: &InvokeBody) -> Result<Vec<Change>> {
    let message: ChangeMessage = decode_bounded(body)?;
    if message.changes.len() > MAX_CHANGES {
        return Err(ShellError::Malformed(format!(
            "{} changes in one message; the limit is {MAX_CHANGES}",
            message.changes.len()
        )));
    }
    Ok(message.changes)
}

/// Decodes the renderer's answer to a clientside call.
pub fn decode_clientside_result(body: &InvokeBody) -> Result<ClientsideResult> {
    decode_bounded(body)
}

/// The session of the window that sent a message, or why there is none.
fn session_for(windows: &Windows, label: &str) -> Result<Session> {
    windows.get(label).ok_or_else(|| ShellError::NotConnected(label.to_string()))
}

/// Logs a refused message; the webview gets the same error as the answer to its invoke.
fn logged<T>(label: &str, what: &str, outcome: Result<T>) -> Result<T> {
    if let Err(e) = &outcome {
        tracing::warn!(window = %label, "{what} refused: {e}");
    }
    outcome
}

/// Applies what the user changed. A wave that finishes quickly comes back as this invoke's
/// answer (one round trip); a slower one's batch follows on the window's Channel.
#[tauri::command]
pub async fn apply_changes<R: Runtime>(
    webview: Webview<R>,
    windows: State<'_, Windows>,
    request: Request<'_>,
) -> Result<Response> {
    let label = webview.label().to_string();
    let outcome = async {
        // A slot is held while the message is parsed (its costly moment), not while the
        // wave it starts runs: under steady input many changes wait for their waves at once.
        let changes = {
            let _slot = windows.admit(&label)?;
            decode_changes(request.body())?
        };
        let batch = session_for(&windows, &label)?.apply(changes).await?;
        Ok(Response::new(codec::encode(&ApplyReply { batch })))
    }
    .await;
    logged(&label, "change", outcome)
}

/// The renderer's answer to a clientside call; the wave it belongs to goes on from here.
#[tauri::command]
pub async fn clientside_result<R: Runtime>(webview: Webview<R>, windows: State<'_, Windows>, request: Request<'_>) -> Result<()> {
    let label = webview.label().to_string();
    let outcome = async {
        let result = {
            let _slot = windows.admit(&label)?;
            decode_clientside_result(request.body())?
        };
        Ok(session_for(&windows, &label)?.clientside_result(result).await?)
    }
    .await;
    logged(&label, "clientside result", outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_messages_name_what_is_wrong() {
        let err = |body: &[u8]| decode_changes(&InvokeBody::Raw(body.to_vec())).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err(b"{not json").contains("malformed message"));
        assert!(err(br#"{"changes": [{"id": "a", "prop": "value"}]}"#).contains("missing field `value`"));
        assert!(err(br#"{"changes": [], "extra": 1}"#).contains("unknown field `extra`"));
        assert!(err(br#"{"changes": 5}"#).contains("invalid type"));
    }

    #[test]
    fn a_message_of_too_many_values_is_refused_before_parsing() {
        let mut body = b"{\"changes\": [{\"id\": \"a\", \"prop\": \"value\", \"value\": [".to_vec();
        body.extend(std::iter::repeat_n(b"1,".as_slice(), MAX_MESSAGE_VALUES).flatten());
        body.extend_from_slice(b"1]}]}");
        assert!(body.len() < MAX_MESSAGE_BYTES, "within the byte limit");
        let e = decode_changes(&InvokeBody::Raw(body)).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("values in one message; the limit is 2000000"), "{e}");
        // Commas and brackets inside strings are text, not values.
        let text = format!(r#"{{"changes": [{{"id": "a", "prop": "value", "value": "{}"}}]}}"#, ",[{:".repeat(1_000_000));
        assert!(decode_changes(&InvokeBody::Raw(text.into_bytes())).is_ok());
    }

    #[test]
    fn json_bodies_are_refused_without_being_measured() {
        let e = decode_changes(&InvokeBody::Json(serde_json::json!({"changes": []})))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("raw bytes"), "{e}");
    }

    #[test]
    fn oversized_messages_are_refused_before_parsing() {
        let big = vec![b' '; MAX_MESSAGE_BYTES + 1];
        let e = decode_changes(&InvokeBody::Raw(big)).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("exceeds"), "{e}");
    }

    #[test]
    fn clientside_answers_are_checked() {
        let err = |body: &[u8]| {
            decode_clientside_result(&InvokeBody::Raw(body.to_vec())).err().map(|e| e.to_string()).unwrap_or_default()
        };
        assert!(err(br#"{"call": 1}"#).contains("missing field `outcome`"));
        assert!(err(br#"{"call": 1, "outcome": {"kind": "maybe"}}"#).contains("unknown variant `maybe`"));
        assert!(err(br#"{"call": -1, "outcome": {"kind": "prevent"}}"#).contains("invalid value"));
        let ok =
            decode_clientside_result(&InvokeBody::Raw(br#"{"call": 3, "outcome": {"kind": "value", "value": [1, 2]}}"#.to_vec()));
        assert_eq!(ok.map(|r| r.call).map_err(|e| e.to_string()), Ok(3));
    }

    #[test]
    fn good_messages_decode() {
        let body =
            InvokeBody::Raw(br#"{"changes": [{"id": {"type": "item", "index": 1}, "prop": "value", "value": 3}]}"#.to_vec());
        let changes = decode_changes(&body).map_err(|e| e.to_string());
        assert_eq!(changes.as_ref().map(|c| c.iter().map(|c| c.prop.as_str()).collect::<Vec<_>>()), Ok(vec!["value"]));
    }
}

/// Saves the theme the user picked (the renderer's light/dark switch), for every window and
/// the next start.
#[tauri::command]
pub fn remember_theme<R: Runtime>(app: tauri::AppHandle<R>, theme: Theme) -> Result<()> {
    crate::window_state::remember_theme(&app, theme)
}
