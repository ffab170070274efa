//! The callback context (Dash's `ctx`): what fired the callback, its inputs as Dash lists
//! them, and the side channels a callback may use while it runs (`set_props`, progress,
//! cancellation).

use crate::id::ComponentId;
use crate::instances::{Instance, Resolved};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

pub(crate) type ProgressSink = Arc<dyn Fn(Value) + Send + Sync>;

pub(crate) struct CtxInner {
    pub callback: String,
    pub triggered: Vec<(ComponentId, String)>,
    pub inputs_list: Listing,
    pub states_list: Listing,
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

/// Dash's `inputs_list` or `states_list`: an entry per dependency, built when the callback
/// first reads it. Most callbacks never do, and an `ALL` input over 1,000 rows would cost a
/// thousand `{id, property, value}` objects on every call.
pub(crate) struct Listing {
    deps: Vec<ListedDep>,
    built: std::sync::OnceLock<Vec<Value>>,
}

/// One dependency of a listing, as the call saw it.
pub(crate) struct ListedDep {
    pub prop: String,
    pub ids: ListedIds,
    pub value: ListedValue,
}

pub(crate) enum ListedIds {
    /// One component: its id as JSON.
    One(Value),
    /// An `ALL`/`ALLSMALLER` list: the keys of the call's instance (map ids, as JSON text).
    Many {
        inst: Arc<Instance>,
        dep: usize,
    },
    Missing,
}

pub(crate) enum ListedValue {
    /// The value passed (a list of them for `ALL`).
    Json(Value),
    /// A value the callback's argument reads in place as well: a store's data, or an
    /// Input/State value of a Rust callback (one copy for both, not two).
    Shared(Arc<Value>),
}

impl Listing {
    pub(crate) fn new(deps: Vec<ListedDep>) -> Listing {
        Listing { deps, built: std::sync::OnceLock::new() }
    }

    pub(crate) fn entries(&self) -> &[Value] {
        self.built.get_or_init(|| self.deps.iter().map(ListedDep::entry).collect())
    }

    /// The value `id.prop` had for this call, found without building the lists.
    fn value_of(&self, id: &ComponentId, prop: &str) -> Option<&Value> {
        let wanted = id.to_string();
        self.deps.iter().filter(|d| d.prop == prop).find_map(|d| {
            let value = match &d.value {
                ListedValue::Json(v) => v,
                ListedValue::Shared(data) => data.as_ref(),
            };
            match &d.ids {
                ListedIds::One(one) => (ComponentId::from_json(one).ok().as_ref() == Some(id)).then_some(value),
                ListedIds::Many { inst, dep } => {
                    let at = inst.deps.get(*dep).map(Resolved::keys).unwrap_or_default().iter().position(|k| *k == wanted)?;
                    value.as_array()?.get(at)
                }
                ListedIds::Missing => None,
            }
        })
    }
}

impl ListedDep {
    fn entry(&self) -> Value {
        let value = match &self.value {
            ListedValue::Json(v) => v,
            ListedValue::Shared(data) => data.as_ref(),
        };
        let one = |id: Value, value: &Value| serde_json::json!({"id": id, "property": self.prop, "value": value});
        match &self.ids {
            ListedIds::One(id) => one(id.clone(), value),
            ListedIds::Many { inst, dep } => {
                let keys = inst.deps.get(*dep).map(Resolved::keys).unwrap_or_default();
                let values = value.as_array().map(Vec::as_slice).unwrap_or_default();
                // A pattern only names map ids, whose keys are their JSON.
                let id_of = |key: &String| serde_json::from_str(key).unwrap_or_else(|_| Value::String(key.clone()));
                Value::Array(keys.iter().enumerate().map(|(n, k)| one(id_of(k), values.get(n).unwrap_or(&Value::Null))).collect())
            }
            ListedIds::Missing => Value::Null,
        }
    }
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
        self.0.inputs_list.entries()
    }
    pub fn states_list(&self) -> &[Value] {
        self.0.states_list.entries()
    }

    /// The value one Input had for this call (Dash's `ctx.inputs["id.prop"]`), a member of an
    /// `ALL` list included, looked up without building `inputs_list`: a callback over 1,000
    /// rows that needs the one that changed pays for that one.
    pub fn input(&self, id: &ComponentId, prop: &str) -> Option<&Value> {
        self.0.inputs_list.value_of(id, prop)
    }

    /// The value one State had for this call, as [`Ctx::input`] finds an Input's.
    pub fn state(&self, id: &ComponentId, prop: &str) -> Option<&Value> {
        self.0.states_list.value_of(id, prop)
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
