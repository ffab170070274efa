//! The callback context (Dash's `ctx`): what fired the callback, its inputs as Dash lists
//! them, and the side channels a callback may use while it runs (`set_props`, progress,
//! cancellation).

use crate::id::ComponentId;
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

pub(crate) type ProgressSink = Arc<dyn Fn(Value) + Send + Sync>;

pub(crate) struct CtxInner {
    pub callback: String,
    pub triggered: Vec<(ComponentId, String)>,
    pub inputs_list: Vec<Value>,
    pub states_list: Vec<Value>,
    pub outputs_list: Vec<Value>,
    pub set_props: Mutex<Vec<(ComponentId, Map<String, Value>)>>,
    pub progress: Option<ProgressSink>,
    pub cancelled: Arc<AtomicBool>,
    pub shared: Arc<SharedValues>,
    pub memo: crate::memo::Memo,
    /// The window's session, for a callback that takes a `Pusher` (a reply streamed in after
    /// the callback returned).
    pub session: tokio::sync::mpsc::WeakUnboundedSender<crate::session::Command>,
    pub push_interval: std::time::Duration,
    /// The window's login, for an app with accounts.
    pub login: Option<Arc<crate::auth::SessionLogin>>,
}

/// The values an app shares with its callbacks, by type (see `App::shared`).
pub type SharedValues = std::collections::HashMap<std::any::TypeId, Arc<dyn std::any::Any + Send + Sync>>;

/// Passed to a callback that asks for it as an argument (it takes no Input value).
#[derive(Clone)]
pub struct Ctx(pub(crate) Arc<CtxInner>);

impl Ctx {
    /// The app's shared value of type `T`, if one was registered.
    pub fn shared<T: Send + Sync + 'static>(&self) -> Option<Arc<T>> {
        self.0.shared.get(&std::any::TypeId::of::<T>()).cloned().and_then(|v| v.downcast::<T>().ok())
    }

    /// The logged-in user's name, for an app with accounts (`App::auth`).
    pub fn user(&self) -> Option<String> {
        self.0.login.as_ref().and_then(|l| l.snapshot().user)
    }

    /// The callback's name as registered.
    pub fn callback(&self) -> &str {
        &self.0.callback
    }

    /// The id of the first component whose change fired this call; None on the initial call.
    pub fn triggered_id(&self) -> Option<&ComponentId> {
        self.0.triggered.first().map(|(id, _)| id)
    }

    /// Every `id.prop` that fired this call, mapped to its id (Dash's `triggered_prop_ids`).
    pub fn triggered_prop_ids(&self) -> BTreeMap<String, ComponentId> {
        self.0.triggered.iter().map(|(id, prop)| (format!("{id}.{prop}"), id.clone())).collect()
    }

    /// One entry per Input: `{id, property, value}`, or a list of them for `ALL`/`ALLSMALLER`.
    pub fn inputs_list(&self) -> &[Value] {
        &self.0.inputs_list
    }
    pub fn states_list(&self) -> &[Value] {
        &self.0.states_list
    }
    pub fn outputs_list(&self) -> &[Value] {
        &self.0.outputs_list
    }

    /// Sets properties of any component, applied with this call's outputs.
    pub fn set_props(&self, id: impl Into<ComponentId>, props: impl Serialize) {
        let Ok(Value::Object(map)) = serde_json::to_value(props) else {
            tracing::warn!(callback = %self.0.callback, "set_props ignored: props must serialize to an object");
            return;
        };
        if let Ok(mut pending) = self.0.set_props.lock() {
            pending.push((id.into(), map));
        }
    }

    /// Pushes a progress value to the callback's `progress` outputs now, mid-call.
    pub fn set_progress(&self, value: impl Serialize) {
        if let (Some(sink), Ok(v)) = (&self.0.progress, serde_json::to_value(value)) {
            sink(v);
        }
    }

    /// True once a `cancel` input fired; long-running callbacks can poll it and stop early.
    pub fn is_cancelled(&self) -> bool {
        self.0.cancelled.load(Ordering::Relaxed)
    }

    pub(crate) fn take_set_props(&self) -> Vec<(ComponentId, Map<String, Value>)> {
        self.0.set_props.lock().map(|mut v| std::mem::take(&mut *v)).unwrap_or_default()
    }
}
