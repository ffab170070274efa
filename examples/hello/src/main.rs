//! The smallest deskdash app: what you type is echoed below. Your initials are computed by a
//! clientside (JavaScript) callback and counted by a Rust callback downstream of it, in the same
//! wave. A Fail button shows how a failing callback is reported (the dev overlay in debug
//! builds, the log always) while the app keeps working. Run: `cargo run -p hello`.

use deskdash::prelude::*;

const INITIALS_JS: &str = "function(name) {
    const words = (name || '').trim().split(/\\s+/).filter(Boolean);
    return words.map(w => w[0].toUpperCase()).join('');
}";

fn greet(name: Option<String>) -> String {
    match name.as_deref().map(str::trim) {
        None | Some("") => "Hello!".into(),
        Some(name) => format!("Hello, {name}!"),
    }
}

fn count_initials(initials: String) -> String {
    match initials.chars().count() {
        0 => "No initials yet".into(),
        1 => " is your initial".into(),
        n => format!(" are your {n} initials"),
    }
}

fn count_clicks(n: Option<u64>) -> String {
    let n = n.unwrap_or(0);
    format!("clicked {n} time{}", if n == 1 { "" } else { "s" })
}

fn fail_on_purpose(_n: u64) {
    panic!("the Fail button always fails");
}

fn layout() -> Component {
    stack((
        h1("Hello"),
        p("Type your name: a Rust callback greets you, a clientside (JavaScript) callback picks your initials and Rust counts them."),
        input("name").value("world").placeholder("Your name").label("Name"),
        h2(id("greeting")),
        p((span(id("initials")).style(json!({"fontWeight": 600})), span(id("initials-count")))).id("initials-line"),
        group((button("Count").id("count"), span(id("count-out")), button("Fail").id("fail").variant("light").color("red"))).gap("md"),
    ))
    .gap("md")
    .style(json!({"maxWidth": 640, "margin": "0 auto", "padding": 32}))
}

fn main() -> deskdash::Result<()> {
    App::new("Hello deskdash")
        .layout(layout())
        .callback(Input::new("name", "value"), Output::new("greeting", "children"), greet)
        .clientside_callback(Input::new("name", "value"), Output::new("initials", "children"), INITIALS_JS)
        .name("initials")
        .callback(Input::new("initials", "children"), Output::new("initials-count", "children"), count_initials)
        .callback(Input::new("count", "n_clicks"), Output::new("count-out", "children"), count_clicks)
        .callback(Input::new("fail", "n_clicks"), (), fail_on_purpose)
        .prevent_initial_call()
        .run(tauri::generate_context!())
}
