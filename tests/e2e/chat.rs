//! The chat in a real window: a reply streams in word by word (several repaints, pushed from
//! the task the send callback started, with no polling), and the history survives a restart;
//! with an OpenAI-compatible endpoint set (a local stand-in) and its API key kept in the
//! keychain, the reply streams in from the endpoint.

use super::{app_data_dir, identifier_of};
use crate::harness::Window;

/// Starts recording every text the live reply shows while it is written.
async fn watch_the_reply(w: &Window) {
    w.js("window.__pieces = []; new MutationObserver(() => { const t = document.getElementById('live').textContent; if (t) window.__pieces.push(t); })
            .observe(document.getElementById('live'), {subtree: true, childList: true, characterData: true}); return true;")
        .await;
}

/// What the live reply showed since `watch_the_reply`, in order.
async fn reply_pieces(w: &Window) -> Vec<String> {
    let pieces = w.js("return window.__pieces;").await;
    pieces.as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect()).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_streams_in_pieces_and_the_history_survives_a_restart() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("chat")));
    let w = Window::launch("chat", "chat").await;
    w.wait_text("count", "No messages yet: say hello.", 20).await;
    watch_the_reply(&w).await;
    w.type_into("message", "hello").await;
    w.click("send").await;
    w.wait_text("count", "2 messages, kept across restarts", 30).await;
    let pieces = reply_pieces(&w).await;
    assert!(pieces.len() >= 3, "the reply arrived in several pieces: {pieces:?}");
    assert!(pieces.windows(2).all(|p| p[1].starts_with(p[0].as_str())), "each piece extends the last: {pieces:?}");
    let reply = w.text("message-1").await;
    assert!(reply.starts_with("Hello!"), "the reply joined the history: {reply:?}");
    w.screenshot("replied").await;
    w.close().await;

    let w = Window::launch("chat", "chat").await;
    w.wait_text("count", "2 messages, kept across restarts", 20).await;
    assert_eq!(w.text("message-0").await, "hello");
    assert!(w.text("message-1").await.starts_with("Hello!"));
    w.screenshot("after-restart").await;
    w.close().await;
}

const PASSWORD: &str = "a chat password";

/// The settings page's field, or button, of the secret `name`.
fn secret_part(part: &str, name: &str) -> String {
    format!(r#"[data-dash-id='{{"name":"{name}","type":"{part}"}}']"#)
}

/// A local stand-in for an OpenAI-compatible API (`tests/fake_chat_endpoint.py`).
struct FakeEndpoint {
    child: std::process::Child,
    port: u16,
    dir: std::path::PathBuf,
}

impl FakeEndpoint {
    fn start() -> FakeEndpoint {
        let port =
            std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port");
        let dir = std::env::temp_dir().join(format!("deskdash-chat-endpoint-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("the endpoint's directory");
        let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fake_chat_endpoint.py");
        let child = std::process::Command::new("python3")
            .arg(script)
            .arg(port.to_string())
            .arg(&dir)
            .spawn()
            .expect("python3 for the endpoint");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(std::time::Instant::now() < deadline, "the fake endpoint did not listen on {port}");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        FakeEndpoint { child, port, dir }
    }

    fn requests(&self) -> Vec<serde_json::Value> {
        let text = std::fs::read_to_string(self.dir.join("requests.jsonl")).unwrap_or_default();
        text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect()
    }
}

impl Drop for FakeEndpoint {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The user points the chat at an endpoint, signs in to keep its API key in the keychain, and
/// the reply streams in from the endpoint, which was sent the key and the conversation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_streams_in_from_an_endpoint_set_in_the_settings_with_the_keychains_key() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("chat")));
    let endpoint = FakeEndpoint::start();
    let w = Window::launch("chat", "chat-endpoint").await;
    w.wait_text("count", "No messages yet: say hello.", 20).await;

    w.click("responder").await;
    w.wait_js("const e = document.getElementById('responder-url'); return !!e && e.offsetParent !== null;", 20).await;
    w.type_into("responder-url", &format!("http://127.0.0.1:{}/v1", endpoint.port)).await;
    w.type_into("responder-model", "test-model").await;
    w.click("responder-save").await;
    w.wait_js("const e = document.getElementById('responder-status'); return !!e && e.textContent.includes('test-model');", 20)
        .await;
    assert!(w.text("responder-status").await.contains("no API key is set"));

    // The key: on the Settings page, behind the app's first account, into the keychain. The
    // header's links move the window without reloading it (the marker survives).
    w.js("window.__sameDocument = true; [...document.querySelectorAll('a')].find(a => a.textContent === 'Settings').click(); return true;").await;
    w.wait_js("return !!document.getElementById('_auth_create_user')", 30).await;
    w.type_into("_auth_create_user", "Ada").await;
    w.type_into("_auth_create_password", PASSWORD).await;
    w.type_into("_auth_create_confirm", PASSWORD).await;
    w.click("_auth_create_submit").await;
    let value = secret_part("_secret_value", "api-key");
    w.wait_js(&format!("return !!document.querySelector({value:?})"), 30).await;
    let field = w.client.find(fantoccini::Locator::Css(&value)).await.expect("the API key field");
    field.send_keys("sk-e2e-key").await.expect("type the key");
    let save = w.client.find(fantoccini::Locator::Css(&secret_part("_secret_set", "api-key"))).await.expect("its Save");
    save.click().await.expect("save the key");
    let status = secret_part("_secret_status", "api-key");
    w.wait_js(&format!("const e = document.querySelector({status:?}); return !!e && e.textContent.startsWith('Set');"), 20).await;

    w.js("[...document.querySelectorAll('a')].find(a => a.textContent === 'Chat').click(); return true;").await;
    w.wait_js(
        "const e = document.getElementById('responder-status'); return !!e && e.textContent.includes('API key is in the keychain');",
        30,
    )
    .await;
    w.wait_js("return !!document.getElementById('live')", 20).await;
    assert_eq!(w.js("return window.__sameDocument === true").await, true, "the links did not reload the window");
    watch_the_reply(&w).await;
    w.type_into("message", "hello endpoint").await;
    w.click("send").await;
    w.wait_text("count", "2 messages, kept across restarts", 30).await;
    assert_eq!(w.text("message-1").await, "Streamed from the test endpoint.");
    let pieces = reply_pieces(&w).await;
    assert!(pieces.len() >= 3, "the reply arrived in several pieces: {pieces:?}");
    w.screenshot("replied").await;
    w.close().await;

    let requests = endpoint.requests();
    let last = requests.last().expect("the endpoint was asked");
    assert_eq!(last["path"], "/v1/chat/completions");
    assert_eq!(last["authorization"], "Bearer sk-e2e-key", "the key from the keychain is sent");
    assert_eq!(last["body"]["model"], "test-model");
    assert_eq!(last["body"]["stream"], true);
    assert_eq!(last["body"]["messages"][0]["content"], "hello endpoint");
}
