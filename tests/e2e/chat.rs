//! The chat in a real window: a reply streams in word by word (several repaints, pushed from
//! the task the send callback started, with no polling), and the history survives a restart.

use super::{app_data_dir, identifier_of};
use crate::harness::Window;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_streams_in_pieces_and_the_history_survives_a_restart() {
    let _ = std::fs::remove_dir_all(app_data_dir(&identifier_of("chat")));
    let w = Window::launch("chat", "chat").await;
    w.wait_text("count", "No messages yet: say hello.", 20).await;
    // Every text the reply shows while it is written.
    w.js("window.__pieces = []; new MutationObserver(() => { const t = document.getElementById('live').textContent; if (t) window.__pieces.push(t); })
            .observe(document.getElementById('live'), {subtree: true, childList: true, characterData: true}); return true;")
        .await;
    w.type_into("message", "hello").await;
    w.click("send").await;
    w.wait_text("count", "2 messages, kept across restarts", 30).await;
    let pieces = w.js("return window.__pieces;").await;
    let pieces: Vec<&str> = pieces.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    assert!(pieces.len() >= 3, "the reply arrived in several pieces: {pieces:?}");
    assert!(pieces.windows(2).all(|p| p[1].starts_with(p[0])), "each piece extends the last: {pieces:?}");
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
