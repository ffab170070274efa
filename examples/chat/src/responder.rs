//! Who answers: the offline rules (by default), or a model behind an OpenAI-compatible HTTP
//! endpoint once the user has set its URL (the chat's Responder settings, a local store) and,
//! if it needs one, its API key (the app's Settings page, kept in the system keychain). Either
//! way the reply is handed over as it is written, each time with all the text so far.

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use std::time::Duration;

/// The pause between two words of the offline rules' reply.
const WORD_PAUSE: Duration = Duration::from_millis(70);

/// How long an endpoint may take to start answering.
const CONNECT_LIMIT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// "user" or "assistant", as chat APIs name them.
    pub role: String,
    pub text: String,
}

impl Message {
    pub fn user(text: &str) -> Self {
        Message { role: "user".into(), text: text.into() }
    }
    pub fn assistant(text: &str) -> Self {
        Message { role: "assistant".into(), text: text.into() }
    }
}

/// Where replies come from, as the Responder settings keep it: no URL means the offline rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ResponderSettings {
    /// The API's base URL, such as `https://api.openai.com/v1` (`/chat/completions` follows).
    #[serde(default)]
    pub url: String,
    #[serde(default)]
    pub model: String,
}

impl ResponderSettings {
    pub fn uses_endpoint(&self) -> bool {
        !self.url.trim().is_empty()
    }

    fn completions_url(&self) -> String {
        format!("{}/chat/completions", self.url.trim().trim_end_matches('/'))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReplyError {
    #[error("{url} could not be reached: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("{url} answered {status}: {body}")]
    Refused { url: String, status: u16, body: String },
    #[error("{url} sent a part of the reply that is not a chat completion chunk: {reason}")]
    Malformed { url: String, reason: String },
    #[error("set a model for {url} in the Responder settings")]
    NoModel { url: String },
}

/// Writes the reply to `history` (whose last message is the user's), calling `written` with
/// the whole text so far each time it grows; stops early when `written` returns false (the
/// window is gone). Returns the whole reply.
pub async fn reply(
    settings: &ResponderSettings,
    key: Option<String>,
    history: &[Message],
    mut written: impl FnMut(&str) -> bool,
) -> Result<String, ReplyError> {
    if !settings.uses_endpoint() {
        return Ok(rules_reply(history, written).await);
    }
    let url = settings.completions_url();
    if settings.model.trim().is_empty() {
        return Err(ReplyError::NoModel { url: settings.url.clone() });
    }
    let messages: Vec<Value> = history.iter().map(|m| json!({"role": m.role, "content": m.text})).collect();
    let body = json!({"model": settings.model.trim(), "stream": true, "messages": messages});
    let mut request = client(&url)?.post(&url).json(&body).timeout(CONNECT_LIMIT);
    if let Some(key) = key.filter(|k| !k.is_empty()) {
        request = request.bearer_auth(key);
    }
    let unreachable = |e: reqwest::Error| ReplyError::Unreachable { url: url.clone(), reason: e.to_string() };
    let response = request.send().await.map_err(unreachable)?;
    let status = response.status();
    if !status.is_success() {
        let body = response.text().await.unwrap_or_default();
        return Err(ReplyError::Refused { url, status: status.as_u16(), body: body.chars().take(300).collect() });
    }
    let mut text = String::new();
    let mut events = SseLines::default();
    let mut body = response.bytes_stream();
    while let Some(bytes) = body.next().await {
        let bytes = bytes.map_err(unreachable)?;
        for data in events.push(&bytes) {
            if data == "[DONE]" {
                return Ok(text);
            }
            let piece = delta_text(&data).map_err(|reason| ReplyError::Malformed { url: url.clone(), reason })?;
            if !piece.is_empty() {
                text.push_str(&piece);
                if !written(&text) {
                    return Ok(text);
                }
            }
        }
    }
    Ok(text)
}

/// An HTTP client. HTTPS goes through rustls with the ring provider (the one the updater also
/// installs), set up on first use: without a provider reqwest would panic.
fn client(url: &str) -> Result<reqwest::Client, ReplyError> {
    if rustls::crypto::CryptoProvider::get_default().is_none() {
        // Another thread may install it first; either way one is installed.
        let _ = rustls::crypto::ring::default_provider().install_default();
    }
    reqwest::Client::builder().build().map_err(|e| ReplyError::Unreachable { url: url.to_string(), reason: e.to_string() })
}

/// The text a chat completion chunk adds (`choices[0].delta.content`; none in a chunk that
/// only names the role or the finish).
fn delta_text(data: &str) -> Result<String, String> {
    let chunk: Value = serde_json::from_str(data).map_err(|e| e.to_string())?;
    let choice = chunk["choices"].get(0).ok_or_else(|| format!("no choices in {data}"))?;
    Ok(choice["delta"]["content"].as_str().unwrap_or_default().to_string())
}

/// Server-sent events as they arrive in pieces: the `data:` payload of each complete line.
#[derive(Default)]
struct SseLines {
    pending: Vec<u8>,
}

impl SseLines {
    fn push(&mut self, bytes: &[u8]) -> Vec<String> {
        self.pending.extend_from_slice(bytes);
        let mut data = Vec::new();
        while let Some(end) = self.pending.iter().position(|&b| b == b'\n') {
            let line: Vec<u8> = self.pending.drain(..=end).collect();
            let line = String::from_utf8_lossy(&line);
            if let Some(payload) = line.trim_end_matches(['\r', '\n']).strip_prefix("data:") {
                data.push(payload.trim_start().to_string());
            }
        }
        data
    }
}

/// The offline responder: a few rules, and otherwise the user's words back, a word at a time.
async fn rules_reply(history: &[Message], mut written: impl FnMut(&str) -> bool) -> String {
    let mut text = String::new();
    for word in rules_words(history) {
        tokio::time::sleep(WORD_PAUSE).await;
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(&word);
        if !written(&text) {
            break;
        }
    }
    text
}

fn rules_words(history: &[Message]) -> Vec<String> {
    let said = history.last().map(|m| m.text.trim().to_lowercase()).unwrap_or_default();
    let asked = history.iter().filter(|m| m.role == "user").count();
    let text = if said.starts_with("hello") || said.starts_with("hi") {
        "Hello! I answer offline, by rules. Ask me the time, or what I keep.".to_string()
    } else if said.contains("time") {
        format!("This machine's clock says {} seconds since 1970.", unix_seconds())
    } else if said.contains("keep") || said.contains("history") {
        format!(
            "I keep this conversation in SQLite beside the app: {asked} messages from you so far, still here after a restart."
        )
    } else {
        format!("You said: {}", history.last().map(|m| m.text.trim()).unwrap_or_default())
    };
    text.split_whitespace().map(String::from).collect()
}

fn unix_seconds() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_greet_explain_and_echo() {
        let words = rules_words(&[Message::user("hello there")]);
        assert_eq!(words.first().map(String::as_str), Some("Hello!"));
        let echo = rules_words(&[Message::user("  tea or coffee ")]);
        assert_eq!(echo.join(" "), "You said: tea or coffee");
        let kept = rules_words(&[Message::user("a"), Message::assistant("b"), Message::user("what do you keep?")]).join(" ");
        assert!(kept.contains("2 messages from you"), "{kept}");
    }

    #[test]
    fn server_sent_events_are_read_across_pieces() {
        let mut lines = SseLines::default();
        assert!(lines.push(b"data: {\"a\"").is_empty(), "half a line waits for the rest");
        assert_eq!(lines.push(b":1}\r\n\r\n: a comment\ndata: [DONE]\n"), ["{\"a\":1}", "[DONE]"]);
    }

    #[test]
    fn a_chunk_adds_its_delta_and_a_broken_one_is_named() {
        assert_eq!(delta_text(r#"{"choices":[{"delta":{"content":"Hel"}}]}"#), Ok("Hel".into()));
        assert_eq!(delta_text(r#"{"choices":[{"delta":{"role":"assistant"}}]}"#), Ok(String::new()));
        assert!(delta_text("not json").is_err());
        assert!(delta_text(r#"{"error":"x"}"#).is_err_and(|e| e.contains("no choices")));
    }
}
