//! A callback as registered: its dependencies, outputs, options (`prevent_initial_call`,
//! background, `running`, `progress`, `cancel`) and the function that computes it.

use crate::deps::{DepKind, DepSpec, IntoDeps, IntoOutputs, Output};
use crate::handler::{Arity, AsyncHandler, Handler, Invoker, SharedNeed};
use serde::Serialize;
use serde_json::Value;
use std::sync::Arc;

/// A property set while the callback runs and reset after (Dash's `running`).
#[derive(Debug, Clone)]
pub struct Running {
    pub(crate) output: Output,
    pub(crate) during: Value,
    pub(crate) after: Value,
}

/// A named function's own name (`app::greet` gives `greet`); closures have none.
fn fn_name<F>() -> Option<&'static str> {
    let path = std::any::type_name::<F>();
    let last = path.rsplit("::").next()?;
    (!path.contains("{{closure}}") && !last.is_empty()).then_some(last)
}

/// A callback under construction; `App::callback` is the shorthand for the common case.
pub struct Callback {
    pub(crate) name: Option<String>,
    pub(crate) deps: Vec<(DepSpec, DepKind)>,
    pub(crate) outputs: Vec<Output>,
    pub(crate) multi_output: bool,
    pub(crate) invoker: Invoker,
    pub(crate) arity: Arity,
    /// Shared values the function's arguments read, checked at registration.
    pub(crate) shared_needs: Vec<SharedNeed>,
    /// Whether the function can read the callback context (a `Ctx` argument).
    pub(crate) reads_context: bool,
    /// The function's own name when it is a named function (not a closure): the default
    /// name of the callback.
    pub(crate) fn_name: Option<&'static str>,
    pub(crate) prevent_initial_call: Option<bool>,
    pub(crate) background: bool,
    pub(crate) timeout: Option<std::time::Duration>,
    pub(crate) running: Vec<Running>,
    pub(crate) progress: Vec<Output>,
    pub(crate) cancel: Vec<DepSpec>,
    /// Runs for a window that is not logged in (see `App::auth`).
    pub(crate) public: bool,
    /// One of deskdash's own (pages, login): its ids live in layouts it draws itself, so
    /// they are not looked up in the app's layouts at registration.
    pub(crate) builtin: bool,
}

impl Callback {
    /// A callback computed by a plain function.
    pub fn new<Args, H: Handler<Args>>(inputs: impl IntoDeps, outputs: impl IntoOutputs, f: H) -> Self {
        let cb = Self::from_parts(inputs, outputs, Invoker::Sync(f.into_sync_fn()), H::value_arity());
        Callback { shared_needs: H::shared_needs(), reads_context: H::reads_context(), fn_name: fn_name::<H>(), ..cb }
    }

    /// A callback computed by an async function; it runs on the tokio runtime.
    pub fn new_async<Args, H: AsyncHandler<Args>>(inputs: impl IntoDeps, outputs: impl IntoOutputs, f: H) -> Self {
        let cb = Self::from_parts(inputs, outputs, Invoker::Async(f.into_async_fn()), H::value_arity());
        Callback { shared_needs: H::shared_needs(), reads_context: H::reads_context(), fn_name: fn_name::<H>(), ..cb }
    }

    /// A callback written in JavaScript and run by the renderer (Dash's clientside callbacks):
    /// `function(a, b, ...) { ... }` taking the Input and State values in declaration order,
    /// with Dash's conventions (`dash_clientside.no_update`, throwing
    /// `dash_clientside.PreventUpdate`, `dash_clientside.callback_context`,
    /// `dash_clientside.set_props`). It takes part in the engine's wave ordering like any
    /// other callback: Rust callbacks downstream of it wait for its result in the same wave.
    pub fn clientside(inputs: impl IntoDeps, outputs: impl IntoOutputs, function: &str) -> Self {
        Self::from_parts(inputs, outputs, Invoker::Clientside(Arc::from(function)), Arity { values: 0, rest: true })
    }

    fn from_parts(inputs: impl IntoDeps, outputs: impl IntoOutputs, invoker: Invoker, arity: Arity) -> Self {
        let (outputs, multi_output) = outputs.into_outputs();
        Callback {
            name: None,
            deps: inputs.into_deps(),
            outputs,
            multi_output,
            invoker,
            arity,
            shared_needs: Vec::new(),
            // JavaScript always has `dash_clientside.callback_context`.
            reads_context: true,
            fn_name: None,
            prevent_initial_call: None,
            background: false,
            timeout: None,
            running: Vec::new(),
            progress: Vec::new(),
            cancel: Vec::new(),
            public: false,
            builtin: false,
        }
    }

    /// Names the callback in errors, logs and call counts (default: its function's name, or
    /// its outputs for a closure).
    pub fn name(mut self, name: &str) -> Self {
        self.name = Some(name.to_string());
        self
    }

    /// Skips the call on layout load (overrides the app-wide setting).
    pub fn prevent_initial_call(mut self, prevent: bool) -> Self {
        self.prevent_initial_call = Some(prevent);
        self
    }

    /// Gives up on a call that runs longer than `limit`: the window hears that it timed out,
    /// its `running` props are reset, and whatever it returns later is dropped. (A plain
    /// function's thread cannot be stopped; it finishes on its own, unseen.)
    pub fn timeout(mut self, limit: std::time::Duration) -> Self {
        self.timeout = Some(limit);
        self
    }

    /// Runs a plain function on tokio's blocking pool so it never stalls the window's other
    /// callbacks; its `running` and `progress` updates reach the screen while it works.
    pub fn background(mut self) -> Self {
        self.background = true;
        self
    }

    /// Sets `output` to `during` while the callback runs and to `after` when it ends.
    pub fn running(mut self, output: Output, during: impl Serialize, after: impl Serialize) -> Self {
        let during = serde_json::to_value(during).unwrap_or(Value::Null);
        let after = serde_json::to_value(after).unwrap_or(Value::Null);
        self.running.push(Running { output, during, after });
        self
    }

    /// Properties that `Ctx::set_progress` writes while the callback runs.
    pub fn progress(mut self, output: Output) -> Self {
        self.progress.push(output);
        self
    }

    /// Runs for a window that is not logged in, when the app has accounts (dash-auth's
    /// `public_callback`); every other callback of such an app needs a logged-in window.
    pub fn public(mut self) -> Self {
        self.public = true;
        self
    }

    pub(crate) fn builtin(mut self) -> Self {
        self.builtin = true;
        self
    }

    /// A property whose change aborts a running call of this callback.
    pub fn cancel(mut self, input: crate::deps::Input) -> Self {
        self.cancel.push(input.0);
        self
    }
}
