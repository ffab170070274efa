//! A chat whose history is a local store (SQLite beside the app: still there after a
//! restart) and whose replies stream in word by word: the send callback answers at once, and
//! a task it starts pushes the reply into the window as it is written (a `Pusher` argument),
//! with no `Interval` polling. The responder is pluggable (`responder.rs`); the default one
//! answers offline. Run: `cargo run -p chat`.

mod responder;

use deskdash::prelude::*;
use responder::{Active, Message, Rules};
use std::time::Duration;

/// The pause between two streamed words.
const WORD_PAUSE: Duration = Duration::from_millis(70);

/// Sends the user's message: it joins the history at once, the input clears, Send waits
/// for the reply, and a task streams the reply in and then saves it.
fn send(
    _clicks: Option<u64>,
    _submits: Option<u64>,
    text: Option<String>,
    history: Option<Vec<Message>>,
    replying: Option<bool>,
    responder: Shared<Active>,
    push: Pusher,
) -> (Update<Vec<Message>>, Update<&'static str>, Update<bool>) {
    let text = text.unwrap_or_default();
    if text.trim().is_empty() || replying == Some(true) {
        return (Update::NoUpdate, Update::NoUpdate, Update::NoUpdate);
    }
    let mut history = history.unwrap_or_default();
    history.push(Message::user(text.trim()));
    let words = responder.0.reply(&history);
    let saved = history.clone();
    tokio::spawn(stream_reply(push, saved, words));
    (Update::Set(history), Update::Set(""), Update::Set(true))
}

/// Shows the reply as it is written, then adds it to the history and lets the user send again.
async fn stream_reply(push: Pusher, mut history: Vec<Message>, words: Vec<String>) {
    let mut written = String::new();
    for word in &words {
        tokio::time::sleep(WORD_PAUSE).await;
        if !written.is_empty() {
            written.push(' ');
        }
        written.push_str(word);
        if push.set("live", "children", written.as_str()).is_err() {
            return;
        }
    }
    history.push(Message::assistant(&written));
    let _ = push
        .set("history", "data", &history)
        .and_then(|()| push.set("live", "children", ""))
        .and_then(|()| push.set("send", "disabled", false));
}

fn bubble(message: &Message, id: Option<String>) -> Component {
    let mine = message.role == "user";
    let paper = dmc::paper(dmc::text(message.text.as_str()).size("sm")).radius("lg").px("md").py("xs").maw("80%").bg(if mine {
        "var(--mantine-primary-color-light)"
    } else {
        "var(--mantine-color-default-hover)"
    });
    let paper = match id {
        Some(id) => paper.id(id),
        None => paper,
    };
    dmc::group(paper).justify(if mine { "flex-end" } else { "flex-start" })
}

fn show_history(history: Option<Vec<Message>>) -> (Vec<Component>, String) {
    let history = history.unwrap_or_default();
    let bubbles = history.iter().enumerate().map(|(i, m)| bubble(m, Some(format!("message-{i}")))).collect();
    let count = match history.len() {
        0 => "No messages yet: say hello.".to_string(),
        n => format!("{n} messages, kept across restarts"),
    };
    (bubbles, count)
}

fn clear(_n: u64) -> bool {
    true
}

fn layout() -> Component {
    dmc::container(dmc::stack((
        dmc::group((
            dmc::group((dmc::icon("tabler:message-chatbot").width(28), dmc::title(2, "Chat"))).gap("sm"),
            dmc::button("Clear history").id("clear").variant("subtle").prop("color", "gray"),
        ))
        .justify("space-between")
        .mr(48),
        dmc::text("").id("count").size("sm").c("dimmed"),
        store("history").storage(Storage::Local),
        dmc::card((dmc::stack(()).id("messages").gap("xs"), dmc::text("").id("live").size("sm").c("dimmed").mt("xs")))
            .with_border()
            .mih(360),
        dmc::group((
            dmc::text_input("message").placeholder("Write a message, then Enter").prop("flex", 1).debounce(true),
            dmc::button("Send").id("send").left_section(dmc::icon("tabler:send")).disabled(false),
        ))
        .prop("wrap", "nowrap"),
    )))
    .prop("size", 680)
    .py("lg")
}

fn app() -> App {
    App::new("Chat")
        .shared(Active(Box::new(Rules)))
        .layout(layout())
        .callback(
            (
                Input::new("send", "n_clicks"),
                Input::new("message", "n_submit"),
                State::new("message", "value"),
                State::new("history", "data"),
                State::new("send", "disabled"),
            ),
            (Output::new("history", "data"), Output::new("message", "value"), Output::new("send", "disabled")),
            send,
        )
        .prevent_initial_call()
        .callback(
            Input::new("history", "data"),
            (Output::new("messages", "children"), Output::new("count", "children")),
            show_history,
        )
        .callback(Input::new("clear", "n_clicks"), Output::new("history", "clear_data"), clear)
        .prevent_initial_call()
}

fn main() -> deskdash::Result<()> {
    app().run(tauri::generate_context!())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[tokio::test]
    async fn a_reply_streams_in_and_joins_the_history() -> deskdash::Result<()> {
        let mut t = TestApp::start(app()).await?;
        t.set("message", "value", "hello").await?;
        t.set("send", "n_clicks", 1).await?;
        assert_eq!(t.get("send", "disabled").await, json!(true), "Send waits for the reply");
        let mut pieces = Vec::new();
        for _ in 0..100 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let live = t.get("live", "children").await;
            if live.as_str().is_some_and(|s| !s.is_empty()) && pieces.last() != Some(&live) {
                pieces.push(live);
            }
            if t.get("send", "disabled").await == json!(false) {
                break;
            }
        }
        assert!(pieces.len() >= 3, "the reply came in pieces: {pieces:?}");
        let history = Vec::<Message>::deserialize(t.get("history", "data").await).unwrap_or_default();
        assert_eq!(history.len(), 2);
        assert!(history[1].text.starts_with("Hello!"), "{history:?}");
        assert_eq!(t.get("count", "children").await, json!("2 messages, kept across restarts"));
        Ok(())
    }
}
