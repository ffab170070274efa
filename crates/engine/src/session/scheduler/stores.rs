//! Stores, as Dash's `dcc.Store` behaves: writing `data` sets `modified_timestamp`,
//! `clear_data` empties it; a session or local store takes its saved copy when it enters the
//! layout, its writes are committed together when the wave's batch is about to go out (a
//! failed commit puts the old data back and says so), and a local store follows what other
//! windows write to it.

use super::Actor;
use crate::catalog;
use crate::error::{EngineError, Result};
use crate::instances::Resolved;
use crate::messages::UpdateKind;
use crate::serverside::TypedValue;
use crate::session::runner;
use crate::storage::{now_ms, Entry, Scope, StoreWrite};
use serde_json::Value;
use std::sync::Arc;

const DATA: &str = "data";
const STAMP: &str = "modified_timestamp";
const CLEAR: &str = "clear_data";

/// A store's data and stamp before this wave first wrote it, put back if the commit fails.
pub(super) struct Before {
    data: Value,
    stamp: Value,
}

impl Actor {
    fn scope_of(&self, key: &str) -> Option<Scope> {
        if !self.is_store(key) {
            return None;
        }
        match self.reg.props.get(key)?.get("storage_type").and_then(Value::as_str) {
            Some("local") => Some(Scope::Local),
            Some("session") => Some(Scope::Session { window: self.window.clone() }),
            _ => None,
        }
    }

    pub(super) fn is_store(&self, key: &str) -> bool {
        self.reg.nodes.get(key).is_some_and(|n| n.kind == "Store")
    }

    /// Writes one property of a store and returns what to send of it: `clear_data` is a
    /// request, so it is back to `false`; `data` stays in Rust, so nothing.
    pub(super) fn write_store(&mut self, key: &str, prop: &str, value: Value) -> Result<Value> {
        let cleared = prop == CLEAR && value == Value::Bool(true);
        let replaces_data = prop == DATA || cleared;
        // The data as the wave found it, put back if saving fails: moved out as it is
        // replaced, not copied (a store of 1,000 tasks is written on every check).
        let keep_before = replaces_data && self.needs_before(key);
        let stamp_before = if keep_before { self.reg.get(key, STAMP) } else { Value::Null };
        if replaces_data {
            self.drop_typed(key);
            self.snapshots.remove(key);
        }
        let (kept, replaced) = match self.reg.props.get_mut(key) {
            None => (value, None),
            Some(props) if cleared => {
                let replaced = props.insert(DATA.into(), Value::Null);
                props.insert(prop.to_string(), Value::Bool(false));
                (Value::Bool(false), replaced)
            }
            // The data itself is never sent (`catalog::stays_in_rust`): no copy is handed back.
            Some(props) if prop == DATA => (Value::Null, props.insert(prop.to_string(), value)),
            Some(props) => {
                props.insert(prop.to_string(), value.clone());
                (value, None)
            }
        };
        if keep_before {
            self.pending_stores.insert(key.to_string(), Before { data: replaced.unwrap_or(Value::Null), stamp: stamp_before });
        }
        if !self.reg.props.contains_key(key) {
            return Ok(kept);
        }
        if cleared {
            // As Dash's store, emptying is a write of `data`: what listens to it fires.
            self.fire(&(key.to_string(), DATA.to_string()), None);
        }
        if prop == DATA || cleared {
            self.stamp(key, now_ms());
        }
        Ok(kept)
    }

    /// Puts a server-side value in a memory or session store: callbacks that take the store
    /// as `Serverside<T>` get this very value; the registry holds `null` for its data.
    pub(super) fn write_typed(&mut self, key: &str, prop: &str, value: TypedValue) -> Result<()> {
        let refuse = |reason: &str| EngineError::BadOutput { id: key.into(), prop: prop.into(), reason: reason.into() };
        if !self.is_store(key) || prop != DATA {
            return Err(refuse("a Serverside value can only be written to a store's data"));
        }
        let scope = self.scope_of(key);
        if scope == Some(Scope::Local) {
            return Err(refuse(
                "a Serverside value cannot be kept in a local store, which is saved to disk; use a memory or session store",
            ));
        }
        self.remember_before(key);
        self.put_data(key, Value::Null);
        if scope.is_some() {
            self.stores.keep_typed(&self.window, key, Some(value.clone()));
        }
        self.typed.insert(key.to_string(), value);
        self.stamp(key, now_ms());
        Ok(())
    }

    /// Sets a store's data without a write of its own (loaded, restored, pushed).
    fn put_data(&mut self, key: &str, data: Value) {
        self.snapshots.remove(key);
        if let Some(props) = self.reg.props.get_mut(key) {
            props.insert(DATA.into(), data);
        }
    }

    /// What a Rust callback argument reading `key.data` receives: the store's server-side
    /// value, or its JSON data shared as one `Arc` until the next write, so a large store read
    /// by several callbacks (or on every click) is copied once per write, not once per read.
    pub(super) fn store_view(&mut self, key: &str) -> TypedValue {
        if let Some(held) = self.typed.get(key) {
            return held.clone();
        }
        if let Some(json) = self.snapshots.get(key) {
            return TypedValue::of(json.clone());
        }
        let json = Arc::new(self.reg.get(key, DATA));
        self.snapshots.insert(key.to_string(), json.clone());
        TypedValue::of(json)
    }

    fn drop_typed(&mut self, key: &str) {
        if self.typed.remove(key).is_some() && self.scope_of(key).is_some() {
            self.stores.keep_typed(&self.window, key, None);
        }
    }

    /// Whether a Rust callback reads this dependency through [`Actor::store_view`].
    pub(super) fn reads_store_data(&self, r: &Resolved, prop: &str) -> Option<String> {
        match r {
            Resolved::One(key) if prop == DATA && self.is_store(key) => Some(key.clone()),
            _ => None,
        }
    }

    /// Whether a write of `key`'s data is the wave's first of a saved store, whose data before
    /// it must be kept until the wave is saved.
    fn needs_before(&self, key: &str) -> bool {
        !self.pending_stores.contains_key(key) && self.scope_of(key).is_some()
    }

    fn remember_before(&mut self, key: &str) {
        if !self.needs_before(key) {
            return;
        }
        let before = Before { data: self.reg.get(key, DATA), stamp: self.reg.get(key, STAMP) };
        self.pending_stores.insert(key.to_string(), before);
    }

    /// Sets `modified_timestamp`, shows it, and fires what listens to it.
    fn stamp(&mut self, key: &str, millis: i64) {
        if let Some(props) = self.reg.props.get_mut(key) {
            props.insert(STAMP.into(), Value::from(millis));
        }
        self.queue(key, STAMP, UpdateKind::Value(Value::from(millis)));
        self.fire(&(key.to_string(), STAMP.to_string()), None);
    }

    /// Gives the session and local stores among `keys` their saved data, as a Dash store takes
    /// its browser storage's copy on mount; a store with no saved copy saves the data its
    /// layout gave it.
    /// `queue` sends the saved stamps (not wanted when the stores arrive inside a value that
    /// is sent whole, with their current props).
    pub(super) fn hydrate(&mut self, keys: &[String], queue: bool) {
        for key in keys {
            let Some(scope) = self.scope_of(key) else { continue };
            if let Some(value) = self.stores.typed_for(&self.window, key).filter(|_| matches!(scope, Scope::Session { .. })) {
                self.typed.insert(key.clone(), value);
                self.put_data(key, Value::Null);
                continue;
            }
            match self.stores.backend().load(&scope, &Entry::Store(key.clone())) {
                Ok(Some(saved)) => {
                    self.put_data(key, saved.data);
                    if let Some(props) = self.reg.props.get_mut(key) {
                        props.insert(STAMP.into(), Value::from(saved.modified_timestamp));
                    }
                    if queue {
                        self.queue(key, STAMP, UpdateKind::Value(Value::from(saved.modified_timestamp)));
                    }
                }
                Ok(None) if !self.reg.get(key, DATA).is_null() => {
                    self.remember_before(key);
                    self.stamp(key, now_ms());
                }
                Ok(None) => {}
                Err(fault) => {
                    self.notice(format!("store {key}: its saved data could not be read, so it starts from the layout's: {fault}"))
                }
            }
        }
    }

    /// Commits the stores this wave wrote, in one call, before the wave's batch is sent: what
    /// the screen shows as saved is saved. If the commit fails, each store gets its old data
    /// back, its new `modified_timestamp` is not sent, and the window is told.
    pub(super) fn commit_stores(&mut self) {
        if self.pending_stores.is_empty() && self.pending_edits.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending_stores);
        let edits = std::mem::take(&mut self.pending_edits);
        let mut writes: Vec<StoreWrite> = pending
            .keys()
            .filter_map(|key| {
                let scope = self.scope_of(key)?;
                let data = Some(self.reg.get(key, DATA)).filter(|d| !d.is_null());
                let modified_timestamp = self.reg.get(key, STAMP).as_i64().unwrap_or_else(now_ms);
                Some(StoreWrite { scope, entry: Entry::Store(key.clone()), data, modified_timestamp })
            })
            .collect();
        let edited: Vec<String> = edits.iter().map(|w| w.entry.to_string()).collect();
        writes.extend(edits);
        let stores = self.stores.clone();
        match runner::blocking(|| stores.backend().commit(&writes)) {
            Ok(()) => self.stores.announce(self.member, &writes),
            Err(fault) => {
                let mut names = Vec::new();
                for (key, before) in pending {
                    self.put_data(&key, before.data);
                    if let Some(props) = self.reg.props.get_mut(&key) {
                        props.insert(STAMP.into(), before.stamp);
                    }
                    if let Some(id) = self.reg.nodes.get(&key).map(|n| n.id.clone()) {
                        self.unsent.retain(|u| !(u.id == id && u.prop == STAMP));
                    }
                    names.push(key);
                }
                names.sort();
                if !names.is_empty() {
                    self.notice(format!("not saved: store {} kept its previous data: {fault}", names.join(", ")));
                }
                if !edited.is_empty() {
                    self.notice(format!("not saved: {} will not be remembered: {fault}", edited.join(", ")));
                }
            }
        }
    }

    /// Another window committed local stores: those shown here take the new data, and their
    /// dependents fire as if the store had been written here.
    pub(super) fn stores_changed(&mut self, writes: Vec<StoreWrite>) {
        for w in writes {
            let Entry::Store(key) = w.entry else { continue };
            if self.scope_of(&key) != Some(Scope::Local) {
                continue;
            }
            self.wave_started.get_or_insert_with(std::time::Instant::now);
            self.put_data(&key, w.data.unwrap_or(Value::Null));
            self.cancel_fired_by(&(key.clone(), DATA.to_string()));
            self.fire(&(key.clone(), DATA.to_string()), None);
            self.stamp(&key, w.modified_timestamp);
        }
    }

    /// Tells the user something they must know whatever the build (a store not saved, a
    /// database set aside), and logs it.
    pub(super) fn notice(&self, message: String) {
        tracing::error!("{message}");
        let _ = self.events.send(crate::messages::SessionEvent::Notice { message });
    }
}

/// Whether a property write goes through [`Actor::write_store`].
pub(super) fn is_store_prop(kind: &str, prop: &str) -> bool {
    kind == "Store" && catalog::prop_type(kind, prop).is_some() && matches!(prop, DATA | CLEAR)
}
