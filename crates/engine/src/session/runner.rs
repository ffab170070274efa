//! Runs one callback function and turns whatever happens to it (a value, an error, a panic)
//! into its outcome. This is the one place a callback's panic is caught, whether it ran in
//! the session actor, on a runtime worker, on the blocking pool or as a future.

use crate::error::CallbackError;
use crate::handler::{CallInput, Invoker, SyncFn};
use crate::output::Produced;
use futures::FutureExt;
use std::any::Any;
use std::panic::AssertUnwindSafe;

pub(crate) type Outcome = Result<Produced, CallbackError>;

pub(crate) fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        format!("panicked: {s}")
    } else if let Some(s) = payload.downcast_ref::<String>() {
        format!("panicked: {s}")
    } else {
        "panicked".into()
    }
}

fn caught(result: std::thread::Result<Outcome>) -> Outcome {
    result.unwrap_or_else(|payload| Err(CallbackError::Failed(panic_message(payload.as_ref()))))
}

/// Runs a plain function on the calling thread.
fn run_now(f: &SyncFn, input: CallInput) -> Outcome {
    caught(std::panic::catch_unwind(AssertUnwindSafe(|| f(input))))
}

/// Runs a plain function in the session actor, telling a multi-threaded runtime first that
/// this thread will block (`block_in_place`), so the runtime hands the thread's other work
/// (other windows' sessions) to another thread while the function runs.
pub(crate) fn run_here(f: &SyncFn, input: CallInput) -> Outcome {
    blocking(|| run_now(f, input))
}

/// Runs blocking work (a callback, a store commit) on the actor's thread, telling a
/// multi-threaded runtime first.
pub(crate) fn blocking<T>(work: impl FnOnce() -> T) -> T {
    match tokio::runtime::Handle::try_current().map(|h| h.runtime_flavor()) {
        Ok(tokio::runtime::RuntimeFlavor::MultiThread) => tokio::task::block_in_place(work),
        _ => work(),
    }
}

/// Starts a Rust callback off the actor: every plain function on the blocking pool (it may
/// block for as long as it likes: the runtime's few workers stay free for every window's
/// session), a future on the runtime. `done` receives its outcome; the handle aborts a
/// future, or a plain function that has not started yet. Clientside callbacks are not run
/// here.
pub(crate) fn spawn(
    invoker: &Invoker,
    background: bool,
    input: CallInput,
    done: impl FnOnce(Outcome) + Send + 'static,
) -> Option<tokio::task::AbortHandle> {
    match invoker {
        // A background call runs on past its cancellation, so it is never aborted.
        Invoker::Sync(f) if background => {
            let f = f.clone();
            tokio::task::spawn_blocking(move || done(run_now(&f, input)));
            None
        }
        Invoker::Sync(f) => {
            let f = f.clone();
            Some(tokio::task::spawn_blocking(move || done(run_now(&f, input))).abort_handle())
        }
        Invoker::Async(f) => {
            let future = f(input);
            Some(tokio::spawn(async move { done(caught(AssertUnwindSafe(future).catch_unwind().await)) }).abort_handle())
        }
        Invoker::Clientside(_) => {
            done(Err(CallbackError::Failed("internal: a clientside callback reached the Rust runner".into())));
            None
        }
    }
}
