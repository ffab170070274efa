//! A chat whose history is a local store (SQLite beside the app: still there after a
//! restart) and whose replies stream in as they are written: the send callback answers at
//! once, and a task it starts pushes the reply into the window piece by piece (a `Pusher`
//! argument), with no `Interval` polling. Replies come from offline rules, or from an
//! OpenAI-compatible endpoint set in the Responder settings, its API key kept in the system
//! keychain (the Settings page, behind the app's account). Run: `cargo run -p chat`.

mod responder;

use deskdash::engine::pages::LOCATION_ID;
use deskdash::prelude::*;
use responder::{Message, ResponderSettings};

/// The keychain secret the endpoint's API key is kept in.
const API_KEY: &str = "api-key";

/// What sending answers at once: the history with the user's message, the emptied input, Send
/// disabled until the reply is in, and last reply's error cleared.
type Sent = (Update<Vec<Message>>, Update<&'static str>, Update<bool>, Update<&'static str>);

/// Sends the user's message: it joins the history at once, the input clears, Send waits
/// for the reply, and a task streams the reply in and then saves it.
#[allow(clippy::too_many_arguments)]
fn send(
    _clicks: Option<u64>,
    _submits: Option<u64>,
    text: Option<String>,
    history: Option<Vec<Message>>,
    replying: Option<bool>,
    settings: Option<ResponderSettings>,
    secrets: Secrets,
    push: Pusher,
) -> Result<Sent, CallbackError> {
    let text = text.unwrap_or_default();
    if text.trim().is_empty() || replying == Some(true) {
        return Err(PreventUpdate.into());
    }
    let settings = settings.unwrap_or_default();
    // Read here, in Rust: the key never reaches the window.
    let key = if settings.uses_endpoint() { secrets.get(API_KEY)? } else { None };
    let mut history = history.unwrap_or_default();
    history.push(Message::user(text.trim()));
    tokio::spawn(stream_reply(push, history.clone(), settings, key));
    Ok((Update::Set(history), Update::Set(""), Update::Set(true), Update::Set("")))
}

/// Shows the reply as it is written, then adds it to the history and lets the user send
/// again; a reply that fails says why, and the user's message stays in the history.
async fn stream_reply(push: Pusher, mut history: Vec<Message>, settings: ResponderSettings, key: Option<String>) {
    let replied = responder::reply(&settings, key, &history, |text| push.set("live", "children", text).is_ok()).await;
    match replied {
        Ok(text) => {
            history.push(Message::assistant(&text));
            let _ = push.set("history", "data", &history);
        }
        Err(e) => {
            tracing::warn!("the reply failed: {e}");
            let _ = push.set("reply-error", "children", format!("No reply: {e}"));
        }
    }
    let _ = push.set("live", "children", "").and_then(|()| push.set("send", "disabled", false));
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

/// Which responder answers, under the title; read again when the window comes back from the
/// Settings page, where the key may have changed.
fn show_responder(settings: Option<ResponderSettings>, _page: Option<String>, secrets: Secrets) -> Result<String, CallbackError> {
    let settings = settings.unwrap_or_default();
    if !settings.uses_endpoint() {
        return Ok("Replies come from offline rules. Set an endpoint under Responder to ask a model.".into());
    }
    let key = match secrets.get(API_KEY) {
        Ok(Some(_)) => "its API key is in the keychain",
        Ok(None) => "no API key is set (Settings)",
        Err(_) => "the keychain is not available",
    };
    Ok(format!("Replies come from {} at {}; {key}.", settings.model, settings.url))
}

/// The Responder button opens its settings, filled from the store; Save and Cancel close them.
fn open_responder(_n: u64, settings: Option<ResponderSettings>) -> (bool, String, String) {
    let settings = settings.unwrap_or_default();
    (true, settings.url, settings.model)
}

fn save_responder(_n: u64, url: Option<String>, model: Option<String>) -> (ResponderSettings, bool) {
    let settings = ResponderSettings {
        url: url.unwrap_or_default().trim().to_string(),
        model: model.unwrap_or_default().trim().to_string(),
    };
    (settings, false)
}

fn cancel_responder(_n: u64) -> bool {
    false
}

fn responder_modal() -> Component {
    dmc::modal("responder-modal")
        .title("Responder")
        .children(dmc::stack((
            dmc::text("An OpenAI-compatible chat completions API. Leave the URL empty to answer offline.").size("sm"),
            dmc::text_input("responder-url").label("Endpoint URL").placeholder("https://api.openai.com/v1"),
            dmc::text_input("responder-model").label("Model").placeholder("gpt-4o-mini"),
            dmc::text("The API key is kept in the system keychain: set it on the Settings page.").size("xs").c("dimmed"),
            dmc::group((
                dmc::button("Cancel").id("responder-cancel").variant("default"),
                dmc::button("Save").id("responder-save"),
            ))
            .justify("flex-end"),
        )))
        .opened(false)
        .centered(true)
}

fn chat_page(_: &PageArgs) -> Component {
    dmc::stack((
        dmc::text("").id("count").size("sm").c("dimmed"),
        dmc::card((dmc::stack(()).id("messages").gap("xs"), dmc::text("").id("live").size("sm").c("dimmed").mt("xs")))
            .with_border()
            .mih(360),
        dmc::text("").id("reply-error").size("sm").c("red"),
        dmc::group((
            dmc::text_input("message").placeholder("Write a message, then Enter").prop("flex", 1).debounce(true),
            dmc::button("Send").id("send").left_section(dmc::icon("tabler:send")).disabled(false),
        ))
        .prop("wrap", "nowrap"),
    ))
}

fn layout() -> Component {
    dmc::container(dmc::stack((
        dmc::group((
            dmc::group((dmc::icon("tabler:message-chatbot").width(28), dmc::title(2, "Chat"))).gap("sm"),
            dmc::group((
                dmc::anchor("Chat", "/").size("sm"),
                dmc::anchor("Settings", "/settings").size("sm"),
                dmc::button("Responder").id("responder").variant("subtle").prop("color", "gray"),
                dmc::button("Clear history").id("clear").variant("subtle").prop("color", "gray"),
            ))
            .gap("sm"),
        ))
        .justify("space-between")
        .mr(48),
        dmc::text("").id("responder-status").size("xs").c("dimmed"),
        // Outside the page: kept while the Settings page is shown.
        store("history").storage(Storage::Local),
        store("responder-settings").storage(Storage::Local),
        responder_modal(),
        page_container(),
    )))
    .prop("size", 680)
    .py("lg")
}

fn app() -> App {
    App::new("Chat")
        .auth(Auth::new().secret(API_KEY, "API key of the chat endpoint").settings_page("/settings"))
        .register_page(Page::new("/", chat_page).name("Chat").public())
        .layout(layout())
        .callback(
            (
                Input::new("send", "n_clicks"),
                Input::new("message", "n_submit"),
                State::new("message", "value"),
                State::new("history", "data"),
                State::new("send", "disabled"),
                State::new("responder-settings", "data"),
            ),
            (
                Output::new("history", "data"),
                Output::new("message", "value"),
                Output::new("send", "disabled"),
                Output::new("reply-error", "children"),
            ),
            send,
        )
        .prevent_initial_call()
        .public()
        .callback(
            Input::new("history", "data"),
            (Output::new("messages", "children"), Output::new("count", "children")),
            show_history,
        )
        .public()
        .callback(Input::new("clear", "n_clicks"), Output::new("history", "clear_data"), clear)
        .prevent_initial_call()
        .public()
        .callback(
            (Input::new("responder-settings", "data"), Input::new(LOCATION_ID, "pathname")),
            Output::new("responder-status", "children"),
            show_responder,
        )
        .public()
        .callback(
            (Input::new("responder", "n_clicks"), State::new("responder-settings", "data")),
            (
                Output::new("responder-modal", "opened"),
                Output::new("responder-url", "value"),
                Output::new("responder-model", "value"),
            ),
            open_responder,
        )
        .prevent_initial_call()
        .public()
        .callback(
            (
                Input::new("responder-save", "n_clicks"),
                State::new("responder-url", "value"),
                State::new("responder-model", "value"),
            ),
            (Output::new("responder-settings", "data"), Output::new("responder-modal", "opened").allow_duplicate()),
            save_responder,
        )
        .prevent_initial_call()
        .public()
        .callback(
            Input::new("responder-cancel", "n_clicks"),
            Output::new("responder-modal", "opened").allow_duplicate(),
            cancel_responder,
        )
        .prevent_initial_call()
        .public()
}

fn main() -> deskdash::Result<()> {
    app().run(tauri::generate_context!())
}

#[cfg(test)]
mod tests;
