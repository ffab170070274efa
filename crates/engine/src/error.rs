//! The engine's one error enum, and the error type callbacks return.
//!
//! `EngineError` names the callback, component id, property or path that went wrong, so the
//! shell can show it verbatim in the dev overlay and the log.

use std::fmt;

/// Everything the engine can refuse or report.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EngineError {
    #[error("duplicate component id {id}: found at {first} and at {second}")]
    DuplicateId { id: String, first: String, second: String },
    #[error("component at {path}: unknown component type {kind}")]
    UnknownComponentType { path: String, kind: String },
    #[error("component at {path} has an invalid id: {reason}")]
    InvalidId { path: String, reason: String },
    #[error(
        "callback {callback}: output {id}.{prop} is already written by callback {owner}; set allow_duplicate on one of them"
    )]
    DuplicateOutput { callback: String, id: String, prop: String, owner: String },
    #[error("callbacks form a cycle: {}", members.join(" -> "))]
    Cycle { members: Vec<String> },
    #[error("callback {callback}: {role} {id}.{prop} refers to an id that is in no layout (allow dynamic layouts to register it anyway)")]
    IdNotInLayout { callback: String, role: &'static str, id: String, prop: String },
    #[error("callback {callback}: {role} {id}.{prop}: component type {component} has no property {prop}")]
    UnknownDependencyProp { callback: String, role: &'static str, id: String, prop: String, component: String },
    #[error("callback {callback}: the function takes {takes} value argument(s) but the callback declares {declared} Input/State value(s)")]
    Arity { callback: String, takes: String, declared: usize },
    #[error("callback {callback}: {reason}")]
    InvalidCallback { callback: String, reason: String },
    #[error("app component: {reason}")]
    InvalidComponent { reason: String },
    #[error("layout at {path} nests deeper than {limit} levels")]
    LayoutTooDeep { path: String, limit: usize },
    #[error("unknown component id {id}")]
    UnknownId { id: String },
    #[error("component {id} ({component}) has no property {prop}")]
    UnknownProp { id: String, component: String, prop: String },
    #[error("component {id} ({component}): {prop} is not a property a user can change; the app sets it")]
    NotUserEditable { id: String, component: String, prop: String },
    #[error("{id}.{prop}: expected {expected}, got {got}")]
    WrongType { id: String, prop: String, expected: String, got: String },
    #[error("malformed change: {reason}")]
    MalformedChange { reason: String },
    #[error("patch on {id}.{prop} failed at {path}: {reason}")]
    Patch { id: String, prop: String, path: String, reason: String },
    #[error("clientside result for call {call}, which was never made")]
    UnknownClientsideCall { call: u64 },
    #[error("returned {returned} values for {expected} outputs")]
    OutputCount { returned: usize, expected: usize },
    #[error("returned {got} for {expected} outputs; expected a list of {expected}")]
    OutputsNotAList { expected: usize, got: String },
    #[error("output {output} matches {matches} components; expected a list of {matches} values, got {got}")]
    WildcardOutputLength { output: String, matches: usize, got: String },
    #[error("output {output}: no such component in the layout")]
    OutputMissing { output: String },
    #[error("output {output}: NoUpdate or Patch inside a list is only meaningful for a wildcard output")]
    MisplacedNoUpdate { output: String },
    #[error("output {id}.{prop}: {reason}")]
    BadOutput { id: String, prop: String, reason: String },
    #[error("invalid page: {reason}")]
    InvalidPage { reason: String },
    #[error("{change} would run {callback}, which needs a logged-in, unlocked window: refused")]
    LoginRequired { change: String, callback: String },
    #[error("the session has stopped")]
    SessionClosed,
}

pub type Result<T, E = EngineError> = std::result::Result<T, E>;

/// Raised from a callback to update nothing and trigger nothing downstream (Dash's `PreventUpdate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreventUpdate;

/// What a callback returns on failure. Any `std::error::Error` converts into it with `?`, as
/// does [`PreventUpdate`]. It deliberately does not implement `Error` itself (as `anyhow`),
/// which is what lets the blanket conversion exist.
#[derive(Debug, Clone, PartialEq)]
pub enum CallbackError {
    PreventUpdate,
    Failed(String),
    /// The callback's return value could not be serialized (a map with non-string keys, a
    /// failing `Serialize`): nothing is written.
    Unserializable(String),
}

impl CallbackError {
    pub fn msg(message: impl fmt::Display) -> Self {
        CallbackError::Failed(message.to_string())
    }
}

impl fmt::Display for CallbackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallbackError::PreventUpdate => f.write_str("PreventUpdate"),
            CallbackError::Failed(m) => f.write_str(m),
            CallbackError::Unserializable(m) => write!(f, "return value does not serialize: {m}"),
        }
    }
}

impl From<PreventUpdate> for CallbackError {
    fn from(_: PreventUpdate) -> Self {
        CallbackError::PreventUpdate
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for CallbackError {
    fn from(e: E) -> Self {
        CallbackError::Failed(e.to_string())
    }
}

/// A callback failure as the error stream carries it to the dev overlay and the log.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ErrorReport {
    /// The callback's name, or "engine" for errors outside any callback.
    pub callback: String,
    /// `id.prop` of each Input of the failing callback.
    pub inputs: Vec<String>,
    pub message: String,
}
