//! Who answers: a `Responder` turns the conversation into the words of a reply. The app
//! streams those words into the window one by one. `Rules` answers offline, by rules and
//! echo; another responder (a model behind an HTTP endpoint) plugs in through
//! `App::shared`.

use serde::{Deserialize, Serialize};

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

pub trait Responder: Send + Sync {
    /// The reply to the conversation so far (its last message is the user's), as words.
    fn reply(&self, history: &[Message]) -> Vec<String>;
}

/// The offline responder: a few rules, and otherwise the user's words back.
pub struct Rules;

impl Responder for Rules {
    fn reply(&self, history: &[Message]) -> Vec<String> {
        let said = history.last().map(|m| m.text.trim().to_lowercase()).unwrap_or_default();
        let asked = history.iter().filter(|m| m.role == "user").count();
        let text = if said.starts_with("hello") || said.starts_with("hi") {
            "Hello! I answer offline, by rules. Ask me the time, or what I keep.".to_string()
        } else if said.contains("time") {
            format!("This machine's clock says {} seconds since 1970.", unix_seconds())
        } else if said.contains("keep") || said.contains("history") {
            format!("I keep this conversation in SQLite beside the app: {asked} messages from you so far, still here after a restart.")
        } else {
            format!("You said: {}", history.last().map(|m| m.text.trim()).unwrap_or_default())
        };
        text.split_whitespace().map(String::from).collect()
    }
}

fn unix_seconds() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The responder the app uses, shared with its callbacks.
pub struct Active(pub Box<dyn Responder>);

impl Active {
    pub fn reply(&self, history: &[Message]) -> Vec<String> {
        self.0.reply(history)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_greet_explain_and_echo() {
        let words = Rules.reply(&[Message::user("hello there")]);
        assert_eq!(words.first().map(String::as_str), Some("Hello!"));
        let echo = Rules.reply(&[Message::user("  tea or coffee ")]);
        assert_eq!(echo.join(" "), "You said: tea or coffee");
        let kept = Rules.reply(&[Message::user("a"), Message::assistant("b"), Message::user("what do you keep?")]).join(" ");
        assert!(kept.contains("2 messages from you"), "{kept}");
    }
}
