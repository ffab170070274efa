//! The chat's callbacks, headless: a reply streams in and joins the history, from the offline
//! rules or from an OpenAI-compatible endpoint (a local fake of one), and an endpoint that
//! refuses or cannot be reached says so in the window.

use super::*;
use deskdash::engine::auth::MemoryBackend;
use serde::Deserialize;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The app with an in-memory keychain, holding `key` as the endpoint's API key if given.
async fn started(key: Option<&str>) -> deskdash::Result<TestApp> {
    let spec = app().build()?;
    let backend = Arc::new(MemoryBackend::default());
    if let Some(key) = key {
        backend.set_secret(API_KEY, key).expect("the in-memory keychain takes the key");
    }
    if let Some(auth) = spec.auth.as_ref() {
        auth.connect(Ok(backend));
    }
    Ok(TestApp::start_in(spec, Stores::in_memory(), "main").await?)
}

/// Sends `text` (the `clicks`-th click on Send) and collects each text the live reply showed
/// until Send is enabled again.
async fn send_and_watch(t: &mut TestApp, text: &str, clicks: u64) -> deskdash::Result<Vec<Value>> {
    t.set("message", "value", text).await?;
    t.set("send", "n_clicks", clicks).await?;
    let mut pieces = Vec::new();
    for _ in 0..300 {
        tokio::time::sleep(Duration::from_millis(10)).await;
        let live = t.get("live", "children").await;
        if live.as_str().is_some_and(|s| !s.is_empty()) && pieces.last() != Some(&live) {
            pieces.push(live);
        }
        if t.get("send", "disabled").await == json!(false) {
            break;
        }
    }
    Ok(pieces)
}

fn history(value: Value) -> Vec<Message> {
    Vec::<Message>::deserialize(value).unwrap_or_default()
}

async fn use_endpoint(t: &mut TestApp, url: &str, model: &str) -> deskdash::Result<()> {
    t.set("responder", "n_clicks", 1).await?;
    assert_eq!(t.get("responder-modal", "opened").await, json!(true));
    t.set("responder-url", "value", url).await?;
    t.set("responder-model", "value", model).await?;
    t.set("responder-save", "n_clicks", 1).await?;
    assert_eq!(t.get("responder-modal", "opened").await, json!(false), "Save closes the settings");
    Ok(())
}

/// A fake chat completions endpoint on a free local port: answers each request with
/// `status`, streaming `pieces` as server-sent events a little apart; keeps each request seen.
struct FakeEndpoint {
    url: String,
    requests: Arc<Mutex<Vec<String>>>,
}

impl FakeEndpoint {
    async fn start(status: u16, pieces: &'static [&'static str]) -> FakeEndpoint {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("a local port");
        let url = format!("http://{}/v1", listener.local_addr().expect("its address"));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let mut request = Vec::new();
                let mut buf = [0u8; 8192];
                // Headers, then the JSON body (the fake reads until the body's closing brace).
                while let Ok(n) = socket.read(&mut buf).await {
                    request.extend_from_slice(&buf[..n]);
                    let text = String::from_utf8_lossy(&request);
                    if n == 0 || (text.contains("\r\n\r\n") && text.trim_end().ends_with('}')) {
                        break;
                    }
                }
                seen.lock().map(|mut r| r.push(String::from_utf8_lossy(&request).into_owned())).ok();
                if status != 200 {
                    let body = r#"{"error":{"message":"Incorrect API key provided"}}"#;
                    let head = format!(
                        "HTTP/1.1 {status} Unauthorized\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                        body.len()
                    );
                    let _ = socket.write_all(format!("{head}{body}").as_bytes()).await;
                    continue;
                }
                let _ =
                    socket.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n").await;
                let role = r#"{"choices":[{"index":0,"delta":{"role":"assistant"}}]}"#;
                let _ = socket.write_all(format!("data: {role}\n\n").as_bytes()).await;
                for piece in pieces {
                    tokio::time::sleep(Duration::from_millis(40)).await;
                    let chunk = json!({"choices": [{"index": 0, "delta": {"content": piece}}]});
                    let _ = socket.write_all(format!("data: {chunk}\n\n").as_bytes()).await;
                    let _ = socket.flush().await;
                }
                let _ = socket.write_all(b"data: [DONE]\n\n").await;
            }
        });
        FakeEndpoint { url, requests }
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

#[tokio::test]
async fn a_reply_from_the_offline_rules_streams_in_and_joins_the_history() -> deskdash::Result<()> {
    let mut t = started(None).await?;
    assert!(t.get("responder-status", "children").await.as_str().is_some_and(|s| s.contains("offline rules")));
    let pieces = send_and_watch(&mut t, "hello", 1).await?;
    assert!(pieces.len() >= 3, "the reply came in pieces, Send waiting for it: {pieces:?}");
    let history = history(t.get("history", "data").await);
    assert_eq!(history.len(), 2);
    assert!(history[1].text.starts_with("Hello!"), "{history:?}");
    assert_eq!(t.get("count", "children").await, json!("2 messages, kept across restarts"));
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_from_an_endpoint_streams_in_with_the_keychains_key() -> deskdash::Result<()> {
    let endpoint = FakeEndpoint::start(200, &["Tea", " is", " a", " fine", " choice."]).await;
    let mut t = started(Some("sk-test-key")).await?;
    use_endpoint(&mut t, &endpoint.url, "test-model").await?;
    let status = t.get("responder-status", "children").await;
    assert!(status.as_str().is_some_and(|s| s.contains("test-model") && s.contains("API key is in the keychain")), "{status}");
    let pieces = send_and_watch(&mut t, "tea or coffee?", 1).await?;
    assert!(pieces.len() >= 3, "the reply came in pieces: {pieces:?}");
    let history = history(t.get("history", "data").await);
    let texts: Vec<&str> = pieces.iter().filter_map(Value::as_str).collect();
    assert!(texts.windows(2).all(|p| p[1].starts_with(p[0])), "each piece extends the last: {texts:?}");
    assert!(texts.iter().all(|p| "Tea is a fine choice.".starts_with(p)), "{texts:?}");
    assert_eq!(history.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(), ["tea or coffee?", "Tea is a fine choice."]);
    let request = endpoint.requests().join("\n");
    assert!(request.starts_with("POST /v1/chat/completions"), "{request}");
    assert!(request.to_lowercase().contains("authorization: bearer sk-test-key"), "the key from the keychain is sent: {request}");
    assert!(request.contains(r#""model":"test-model""#) && request.contains(r#""stream":true"#), "{request}");
    assert!(request.contains(r#""content":"tea or coffee?""#), "{request}");
    let shown = serde_json::to_string(&t.take_batches()).unwrap_or_default();
    assert!(!shown.contains("sk-test-key"), "the key never reaches the window");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_endpoint_that_refuses_or_is_not_there_says_why() -> deskdash::Result<()> {
    let endpoint = FakeEndpoint::start(401, &[]).await;
    let mut t = started(Some("wrong")).await?;
    use_endpoint(&mut t, &endpoint.url, "test-model").await?;
    send_and_watch(&mut t, "hello?", 1).await?;
    let error = t.get("reply-error", "children").await;
    assert!(error.as_str().is_some_and(|e| e.contains("answered 401") && e.contains("Incorrect API key")), "{error}");
    assert_eq!(history(t.get("history", "data").await).len(), 1, "the user's message is kept, no reply is made up");

    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.map(|l| l.local_addr().map(|a| a.port()));
    let port = closed.ok().and_then(Result::ok).unwrap_or(9);
    use_endpoint(&mut t, &format!("http://127.0.0.1:{port}/v1"), "test-model").await?;
    send_and_watch(&mut t, "anyone?", 2).await?;
    let error = t.get("reply-error", "children").await;
    assert!(error.as_str().is_some_and(|e| e.contains("could not be reached")), "{error}");
    assert_eq!(t.get("send", "disabled").await, json!(false), "the user can send again");
    Ok(())
}
