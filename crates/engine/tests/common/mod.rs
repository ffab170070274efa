//! Table-driven conformance cases: a small app, a script of user changes, and the values,
//! call counts and errors expected after each, in the manner of Dash's integration tests.

#![allow(dead_code)]

use deskdash_engine::testing::TestApp;
use deskdash_engine::{App, Change};
use serde_json::Value;

pub enum Step {
    /// A user sets one property; the harness waits for the callbacks to settle.
    Set(Value, &'static str, Value),
    /// One user action changing several properties at once.
    SetMany(Vec<(Value, &'static str, Value)>),
    /// The change is refused, with an error mentioning the text.
    Refused(Value, &'static str, Value, &'static str),
    Expect(Value, &'static str, Value),
    /// Calls of a callback caused by the last step.
    Calls(&'static str, u64),
    /// Calls of a callback since start.
    Total(&'static str, u64),
    /// Exactly this many errors were reported since the last check, each mentioning the text.
    Errors(usize, &'static str),
    /// The number of batches since the last check.
    Batches(usize),
}

pub use Step::*;

pub fn set(id: impl Into<Value>, prop: &'static str, v: impl Into<Value>) -> Step {
    Set(id.into(), prop, v.into())
}
pub fn expect(id: impl Into<Value>, prop: &'static str, v: impl Into<Value>) -> Step {
    Expect(id.into(), prop, v.into())
}

/// Runs a script against an app, failing with the step number and what differed.
pub async fn run(app: App, steps: Vec<Step>) {
    let mut t = TestApp::start(app).await.unwrap_or_else(|e| panic!("app did not start: {e}"));
    for (n, step) in steps.into_iter().enumerate() {
        let at = format!("step {n}");
        match step {
            Set(id, prop, v) => t.set(id, prop, v).await.unwrap_or_else(|e| panic!("{at}: set failed: {e}")),
            SetMany(list) => {
                let changes = list.into_iter().map(|(id, p, v)| Change { id, prop: p.into(), value: v }).collect();
                t.set_many(changes).await.unwrap_or_else(|e| panic!("{at}: set failed: {e}"))
            }
            Refused(id, prop, v, text) => match t.set(id, prop, v).await {
                Ok(()) => panic!("{at}: change was accepted; expected a refusal mentioning {text:?}"),
                Err(e) => assert!(e.to_string().contains(text), "{at}: error {e:?} does not mention {text:?}"),
            },
            Expect(id, prop, v) => {
                let got = t.get(id.clone(), prop).await;
                assert_eq!(got, v, "{at}: {id}.{prop}");
            }
            Calls(name, n) => assert_eq!(t.calls_since_last_set(name).await, n, "{at}: calls of {name} in the last step"),
            Total(name, n) => assert_eq!(t.calls(name).await, n, "{at}: total calls of {name}"),
            Errors(n, text) => {
                let errors = t.take_errors();
                assert_eq!(errors.len(), n, "{at}: errors {errors:#?}");
                for e in errors {
                    let shown = format!("{} {:?} {}", e.callback, e.inputs, e.message);
                    assert!(shown.contains(text), "{at}: error {shown:?} does not mention {text:?}");
                }
            }
            Batches(n) => {
                let batches = t.take_batches();
                assert_eq!(batches.len(), n, "{at}: batches {batches:#?}");
            }
        }
    }
    let left = t.take_errors();
    assert!(left.is_empty(), "unexpected errors: {left:#?}");
}

/// Asserts that building the app fails with an error mentioning every text.
pub fn rejected(app: App, texts: &[&str]) {
    match app.build() {
        Ok(_) => panic!("app was accepted; expected an error mentioning {texts:?}"),
        Err(e) => {
            let shown = e.to_string();
            for t in texts {
                assert!(shown.contains(t), "error {shown:?} does not mention {t:?}");
            }
        }
    }
}

#[macro_export]
macro_rules! case {
    ($name:ident, $app:expr, [$($step:expr),* $(,)?]) => {
        #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
        async fn $name() {
            $crate::common::run($app, vec![$($step),*]).await;
        }
    };
}
