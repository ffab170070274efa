//! The smallest deskdash app: what you type is echoed below. A second card shows how a failing
//! callback is reported (the dev overlay in debug builds, the log always) while the app keeps
//! working. Run: `cargo run -p hello`.

use deskdash::prelude::*;

fn main() -> deskdash::Result<()> {
    App::new("Hello deskdash")
        .layout(div((
            h1("Hello"),
            p("Type your name; a Rust callback answers."),
            input("name").value("world").placeholder("Your name").label("Name"),
            h2("").id("greeting"),
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
        .callback(Input::new("count", "n_clicks"), Output::new("count-out", "children"), |n: Option<u64>| {
            Ok::<_, CallbackError>(format!("clicked {} times", n.unwrap_or(0)))
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
