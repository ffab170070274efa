//! The messages a session exchanges with whatever draws it, transport-neutral: user changes
//! in, patch batches, error reports and clientside calls out (one ordered stream of
//! [`SessionEvent`]s), and the renderer's answers to clientside calls. The shell wraps them in
//! its wire envelopes; with the `ts` feature each type also describes itself in TypeScript.

use crate::error::ErrorReport;
use crate::id::ComponentId;
use crate::patch::PatchOp;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One user change, as the renderer sends it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    #[cfg_attr(feature = "ts", ts(type = "ComponentId"))]
    pub id: Value,
    pub prop: String,
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub value: Value,
}

impl Change {
    pub fn new(id: impl Into<crate::component::IdArg>, prop: &str, value: impl Serialize) -> Change {
        Change { id: id.into().into_json(), prop: prop.into(), value: serde_json::to_value(value).unwrap_or(Value::Null) }
    }
}

/// One property update in a batch: a whole new value, or patch operations on the old one.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PropUpdate {
    pub id: ComponentId,
    pub prop: String,
    #[serde(flatten)]
    pub update: UpdateKind,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UpdateKind {
    Value(#[cfg_attr(feature = "ts", ts(type = "unknown"))] Value),
    Patch(Vec<PatchOp>),
}

/// Everything the screen must change for one wave, applied at once by the renderer.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PatchBatch {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub wave: u64,
    pub updates: Vec<PropUpdate>,
    /// Ids of components that callbacks are computing right now (for `loading` spinners).
    pub busy: Vec<ComponentId>,
    /// Microseconds from the user change that started this wave to this batch, in Rust.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub compute_us: u64,
}

/// What a window gets on connect: its layout (without store data the renderer does not read)
/// and the results of the initial callbacks that finished before anything had to wait on a
/// long-running one.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct InitialLoad {
    #[cfg_attr(feature = "ts", ts(type = "unknown"))]
    pub layout: Value,
    pub batches: Vec<PatchBatch>,
}

/// A request to the renderer: run clientside callback `callback` with these arguments and
/// answer with [`Session::clientside_result`]. The wave waits for the answer, as it waits for
/// a Rust callback.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClientsideCall {
    /// Names this call in the answer.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub call: u64,
    /// The callback's index in the app (see `AppSpec::clientside_functions`).
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub callback: usize,
    pub name: String,
    /// Input and State values in declaration order (Triggers pass none).
    #[cfg_attr(feature = "ts", ts(type = "unknown[]"))]
    pub args: Vec<Value>,
    /// Dash's `dash_clientside.callback_context`.
    pub context: ClientsideContext,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClientsideContext {
    /// `[{prop_id: "id.prop", value}]` of what fired the call; empty on the initial call.
    #[cfg_attr(feature = "ts", ts(type = "unknown[]"))]
    pub triggered: Vec<Value>,
    #[cfg_attr(feature = "ts", ts(type = "ComponentId | null"))]
    pub triggered_id: Option<Value>,
    #[cfg_attr(feature = "ts", ts(type = "unknown[]"))]
    pub inputs_list: Vec<Value>,
    #[cfg_attr(feature = "ts", ts(type = "unknown[]"))]
    pub states_list: Vec<Value>,
    #[cfg_attr(feature = "ts", ts(type = "unknown[]"))]
    pub outputs_list: Vec<Value>,
}

/// How a clientside call ended, as the renderer reports it.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientsideOutcome {
    /// The function returned (`dash_clientside.no_update` arrives as the no-update marker).
    Value {
        #[cfg_attr(feature = "ts", ts(type = "unknown"))]
        value: Value,
    },
    /// It threw `dash_clientside.PreventUpdate`.
    Prevent,
    /// It threw anything else, or does not compile.
    Error { message: String },
}

/// The renderer's answer to one [`ClientsideCall`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientsideResult {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub call: u64,
    pub outcome: ClientsideOutcome,
    /// `dash_clientside.set_props(id, props)` calls made while the function ran.
    #[serde(default)]
    pub set_props: Vec<SetProps>,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetProps {
    #[cfg_attr(feature = "ts", ts(type = "ComponentId"))]
    pub id: Value,
    #[cfg_attr(feature = "ts", ts(type = "Record<string, unknown>"))]
    pub props: serde_json::Map<String, Value>,
}

/// Everything a session tells its window, in the order the session produced it: a batch, an
/// error and a clientside call never overtake one another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SessionEvent {
    Batch { batch: PatchBatch },
    Error { error: ErrorReport },
    Clientside { call: ClientsideCall },
    /// Something the user must be told in any build (not only in the debug overlay): a
    /// store that could not be saved, a database set aside.
    Notice { message: String },
    /// A callback's request to the shell around the window (another window, a file dialog);
    /// the shell acts on it, and the webview never sees it.
    Desktop { request: crate::desktop::DesktopRequest },
}
