//! The smallest deskdash app: what you type is echoed below. Your initials are computed by a
//! clientside (JavaScript) callback and counted by a Rust callback downstream of it, in the same
//! wave. A Fail button shows how a failing callback is reported (the dev overlay in debug
//! builds, the log always) while the app keeps working. Run: `cargo run -p hello`.

use deskdash::prelude::*;

fn main() -> deskdash::Result<()> {
    App::new("Hello deskdash")
        .layout(div((
            h1("Hello"),
            p("Type your name: a Rust callback greets you, a clientside (JavaScript) callback picks your initials and Rust counts them."),
            input("name").value("world").placeholder("Your name").label("Name"),
            h2("").id("greeting"),
            p((span("").id("initials").style(json!({"fontWeight": 600})), span("").id("initials-count"))).id("initials-line"),
            div((
                button("Count").id("count"),
                span("").id("count-out").style(json!({"marginLeft": 16})),
                button("Fail").id("fail").prop("variant", "light").prop("color", "red").style(json!({"marginLeft": 16})),
            ))
            .style(json!({"marginTop": 24, "display": "flex", "alignItems": "center"})),
        ))
        .style(json!({"maxWidth": 640, "margin": "0 auto", "padding": 32})))
        .callback(Input::new("name", "value"), Output::new("greeting", "children"), |name: Option<String>| {
            let name = name.unwrap_or_default();
            Ok::<_, CallbackError>(if name.trim().is_empty() { "Hello!".to_string() } else { format!("Hello, {}!", name.trim()) })
        })
        .add(
            Callback::clientside(
                Input::new("name", "value"),
                Output::new("initials", "children"),
                "function(name) {
                    const words = (name || '').trim().split(/\\s+/).filter(Boolean);
                    return words.map(w => w[0].toUpperCase()).join('');
                }",
            )
            .name("initials"),
        )
        .callback(Input::new("initials", "children"), Output::new("initials-count", "children"), |initials: String| {
            let n = initials.chars().count();
            Ok::<_, CallbackError>(match n {
                0 => "No initials yet".to_string(),
                1 => " is your initial".to_string(),
                _ => format!(" are your {n} initials"),
            })
        })
        .callback(Input::new("count", "n_clicks"), Output::new("count-out", "children"), |n: Option<u64>| {
            let n = n.unwrap_or(0);
            Ok::<_, CallbackError>(format!("clicked {n} time{}", if n == 1 { "" } else { "s" }))
        })
        .add(
            Callback::new(Input::new("fail", "n_clicks"), (), |_n: u64| -> Result<(), CallbackError> {
                panic!("the Fail button always fails");
            })
            .prevent_initial_call(true)
            .name("fail_on_purpose"),
        )
        .run()
}
