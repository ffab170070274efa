//! A session: one window's component tree, property values and running callbacks. It is an
//! actor on the tokio runtime: changes go in, patch batches (one per wave) and error reports
//! come out, and callbacks run concurrently beside it.

mod scheduler;

use crate::app::AppSpec;
use crate::error::{EngineError, ErrorReport, Result};
use crate::id::ComponentId;
use crate::patch::PatchOp;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// One user change, as the renderer sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub id: Value,
    pub prop: String,
    pub value: Value,
}

impl Change {
    pub fn new(id: impl Into<crate::component::IdArg>, prop: &str, value: impl Serialize) -> Change {
        Change { id: id.into().into_json(), prop: prop.into(), value: serde_json::to_value(value).unwrap_or(Value::Null) }
    }
}

/// One property update in a batch: a whole new value, or patch operations on the old one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PropUpdate {
    pub id: ComponentId,
    pub prop: String,
    #[serde(flatten)]
    pub update: UpdateKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateKind {
    Value(Value),
    Patch(Vec<PatchOp>),
}

/// Everything the screen must change for one wave, applied at once by the renderer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatchBatch {
    pub wave: u64,
    pub updates: Vec<PropUpdate>,
    /// Ids of components that callbacks are computing right now (for `loading` spinners).
    pub busy: Vec<ComponentId>,
    /// Microseconds from the user change that started this wave to this batch, in Rust.
    pub compute_us: u64,
}

/// What a window gets on connect: its layout (without store data the renderer does not read)
/// and the results of the initial callbacks that finished before anything had to wait on a
/// long-running one.
#[derive(Debug, Clone, Serialize)]
pub struct InitialLoad {
    pub layout: Value,
    pub batches: Vec<PatchBatch>,
}

/// A request to the renderer: run clientside callback `callback` with these arguments and
/// answer with [`Session::clientside_result`]. The wave waits for the answer, as it waits for
/// a Rust callback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClientsideCall {
    /// Names this call in the answer.
    pub call: u64,
    /// The callback's index in the app (see `AppSpec::clientside_functions`).
    pub callback: usize,
    pub name: String,
    /// Input and State values in declaration order (Triggers pass none).
    pub args: Vec<Value>,
    /// Dash's `dash_clientside.callback_context`.
    pub context: ClientsideContext,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClientsideContext {
    /// `[{prop_id: "id.prop", value}]` of what fired the call; empty on the initial call.
    pub triggered: Vec<Value>,
    pub triggered_id: Option<Value>,
    pub inputs_list: Vec<Value>,
    pub states_list: Vec<Value>,
    pub outputs_list: Vec<Value>,
}

/// How a clientside call ended, as the renderer reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientsideOutcome {
    /// The function returned (`dash_clientside.no_update` arrives as the no-update marker).
    Value { value: Value },
    /// It threw `dash_clientside.PreventUpdate`.
    Prevent,
    /// It threw anything else, or does not compile.
    Error { message: String },
}

/// The renderer's answer to one [`ClientsideCall`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientsideResult {
    pub call: u64,
    pub outcome: ClientsideOutcome,
    /// `dash_clientside.set_props(id, props)` calls made while the function ran.
    #[serde(default)]
    pub set_props: Vec<SetProps>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetProps {
    pub id: Value,
    pub props: serde_json::Map<String, Value>,
}

/// The streams a session produces.
pub struct SessionEvents {
    pub batches: mpsc::UnboundedReceiver<PatchBatch>,
    pub errors: mpsc::UnboundedReceiver<ErrorReport>,
    /// Clientside calls for the renderer to run and answer.
    pub clientside: mpsc::UnboundedReceiver<ClientsideCall>,
}

pub(crate) enum Command {
    Apply { changes: Vec<Change>, reply: oneshot::Sender<Result<()>> },
    Completed(scheduler::Completion),
    ClientsideDone { result: ClientsideResult, reply: oneshot::Sender<Result<()>> },
    Progress { key: crate::instances::InstKey, generation: u64, value: Value },
    Get { id: ComponentId, prop: String, reply: oneshot::Sender<Result<Value>> },
    Layout { reply: oneshot::Sender<Value> },
    Idle { reply: oneshot::Sender<()> },
    CallCounts { reply: oneshot::Sender<HashMap<String, u64>> },
}

/// A handle to a running session; cheap to clone. The actor stops when every handle is dropped.
#[derive(Clone)]
pub struct Session {
    tx: mpsc::UnboundedSender<Command>,
}

impl Session {
    /// Starts a session for one window: renders the layout, runs the initial callbacks, and
    /// returns the layout with their first batches. Must be called inside a tokio runtime.
    pub async fn start(app: Arc<AppSpec>) -> Result<(Session, SessionEvents, InitialLoad)> {
        let (tx, rx) = mpsc::unbounded_channel();
        let (batch_tx, batches) = mpsc::unbounded_channel();
        let (error_tx, errors) = mpsc::unbounded_channel();
        let (clientside_tx, clientside) = mpsc::unbounded_channel();
        let (first_tx, first_rx) = oneshot::channel();
        let shared = app.clone();
        let (actor, layout) = {
            let layout = shared.layout.render();
            let actor = scheduler::Actor::new(app, &layout, tx.downgrade(), batch_tx, error_tx, clientside_tx, first_tx)?;
            (actor, shared.layout_for_renderer(&layout))
        };
        tokio::spawn(actor.run(rx));
        let first = first_rx.await.map_err(|_| EngineError::SessionClosed)?;
        let session = Session { tx };
        Ok((session, SessionEvents { batches, errors, clientside }, InitialLoad { layout, batches: first }))
    }

    async fn ask<T>(&self, make: impl FnOnce(oneshot::Sender<T>) -> Command) -> Result<T> {
        let (reply, rx) = oneshot::channel();
        self.tx.send(make(reply)).map_err(|_| EngineError::SessionClosed)?;
        rx.await.map_err(|_| EngineError::SessionClosed)
    }

    /// Applies user changes. Every change is checked first (known id, known property, value
    /// type); if one is wrong, none is applied and the error names it. The callbacks fired
    /// run on; their results arrive on the batch stream.
    pub async fn apply(&self, changes: Vec<Change>) -> Result<()> {
        self.ask(|reply| Command::Apply { changes, reply }).await?
    }

    /// The renderer's answer to a clientside call. An answer for a call that is no longer
    /// awaited (cancelled, or its component removed) is dropped; one naming a call that was
    /// never made is an error.
    pub async fn clientside_result(&self, result: ClientsideResult) -> Result<()> {
        self.ask(|reply| Command::ClientsideDone { result, reply }).await?
    }

    /// The current value of one property.
    pub async fn get(&self, id: ComponentId, prop: &str) -> Result<Value> {
        let prop = prop.to_string();
        self.ask(|reply| Command::Get { id, prop, reply }).await?
    }

    /// The layout as it stands now (for a window reload).
    pub async fn layout(&self) -> Result<Value> {
        self.ask(|reply| Command::Layout { reply }).await
    }

    /// Resolves once no callback is requested or running.
    pub async fn idle(&self) -> Result<()> {
        self.ask(|reply| Command::Idle { reply }).await
    }

    /// How many times each callback (by name) has been called.
    pub async fn call_counts(&self) -> Result<HashMap<String, u64>> {
        self.ask(|reply| Command::CallCounts { reply }).await
    }
}
