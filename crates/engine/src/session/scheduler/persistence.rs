//! Dash's persistence, held in Rust: a user's edit of a persisted property is remembered with
//! the value it replaced, under the component's `persistence` value, and given back when the
//! component enters a layout with that same original value (a changed default forgets it). A
//! callback's write of the property forgets the edit (the app's value is never taken for the
//! user's choice), and a new `persistence` value undoes the old edits and applies its own.
//! Edits are kept in memory (`persistence_type="memory"`: the window's life) or saved with the
//! wave's stores (`session`, `local`: the default).

use super::Actor;
use crate::catalog;
use crate::messages::UpdateKind;
use crate::storage::{now_ms, Entry, Scope, StoreWrite};
use serde_json::{json, Value};

/// A component's persistence settings, when it has persistence on.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Persisting {
    /// Where its edits are kept: `None` in the window's memory.
    scope: Option<Scope>,
    /// Its `persistence` value, as JSON: edits made under another value do not apply.
    persistence: String,
    props: Vec<String>,
}

const SETTINGS: [&str; 3] = ["persistence", "persisted_props", "persistence_type"];

/// JavaScript's truthiness, which Dash's `persistence` follows.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

impl Actor {
    pub(super) fn persisting(&self, key: &str) -> Option<Persisting> {
        let defaults = catalog::persisted_by_default(&self.reg.nodes.get(key)?.kind);
        let props = self.reg.props.get(key)?;
        let persistence = props.get("persistence").filter(|p| !defaults.is_empty() && truthy(p))?;
        let listed = props.get("persisted_props").and_then(Value::as_array);
        let persisted = match listed {
            Some(list) => list.iter().filter_map(Value::as_str).map(String::from).collect(),
            None => defaults.iter().map(|p| p.to_string()).collect(),
        };
        let scope = match props.get("persistence_type").and_then(Value::as_str) {
            Some("memory") => None,
            Some("session") => Some(Scope::Session { window: self.window.clone() }),
            _ => Some(Scope::Local),
        };
        Some(Persisting { scope, persistence: persistence.to_string(), props: persisted })
    }

    fn edit_entry(key: &str, prop: &str, p: &Persisting) -> Entry {
        Entry::UserEdit { component: key.to_string(), prop: prop.to_string(), persistence: p.persistence.clone() }
    }

    /// The remembered edit `(new value, value it replaced)`, if any.
    fn remembered(&self, p: &Persisting, entry: &Entry) -> Option<(Value, Value)> {
        let pair = match &p.scope {
            None => return self.memory_edits.get(entry).cloned(),
            Some(scope) => match self.stores.backend().load(scope, entry) {
                Ok(saved) => saved?.data,
                Err(fault) => {
                    self.notice(format!("{entry} could not be restored: {fault}"));
                    return None;
                }
            },
        };
        match pair {
            Value::Array(mut both) if both.len() == 2 => {
                let original = both.pop()?;
                Some((both.pop()?, original))
            }
            _ => None,
        }
    }

    fn remember(&mut self, p: &Persisting, entry: Entry, edit: Option<(Value, Value)>) {
        match &p.scope {
            None => {
                match edit {
                    Some(pair) => self.memory_edits.insert(entry, pair),
                    None => self.memory_edits.remove(&entry),
                };
            }
            Some(scope) => {
                let data = edit.map(|(new, original)| json!([new, original]));
                self.pending_edits.retain(|w| w.entry != entry || w.scope != *scope);
                self.pending_edits.push(StoreWrite { scope: scope.clone(), entry, data, modified_timestamp: now_ms() });
            }
        }
    }

    /// Gives the persisted components among `keys` the user's remembered edits, where the
    /// value each replaced is still the layout's; an edit of another default is forgotten.
    /// `queue` sends the restored values (not wanted when the components arrive inside a
    /// value that is sent whole, with their current props). Returns whether any applied.
    pub(super) fn apply_persistence(&mut self, keys: &[String], queue: bool) -> bool {
        let mut applied = false;
        for key in keys {
            let Some(p) = self.persisting(key) else { continue };
            for prop in &p.props {
                let entry = Self::edit_entry(key, prop, &p);
                let Some((new, original)) = self.remembered(&p, &entry) else { continue };
                if self.reg.get(key, prop) != original {
                    self.remember(&p, entry, None);
                    continue;
                }
                if let Some(props) = self.reg.props.get_mut(key) {
                    props.insert(prop.clone(), new.clone());
                }
                if queue {
                    self.queue(key, prop, UpdateKind::Value(new));
                }
                applied = true;
            }
        }
        applied
    }

    /// Whether a user's edits of `prop` are remembered.
    pub(super) fn is_persisted(&self, key: &str, prop: &str) -> bool {
        self.persisting(key).is_some_and(|p| p.props.iter().any(|q| q == prop))
    }

    /// A user changed `prop` from `before` to `new`: remember it, with the value the first
    /// edit replaced.
    pub(super) fn record_edit(&mut self, key: &str, prop: &str, before: &Value, new: &Value) {
        let Some(p) = self.persisting(key).filter(|p| p.props.iter().any(|q| q == prop)) else { return };
        let entry = Self::edit_entry(key, prop, &p);
        let original = self.remembered(&p, &entry).map_or_else(|| before.clone(), |(_, original)| original);
        self.remember(&p, entry, Some((new.clone(), original)));
    }

    /// The persistence settings before the app writes `prop`, when `prop` is one of them.
    pub(super) fn settings_before(&self, key: &str, prop: &str) -> Option<Option<Persisting>> {
        SETTINGS.contains(&prop).then(|| self.persisting(key))
    }

    /// The app (a callback) wrote `prop`: it forgets the user's edit of it; a change of the
    /// persistence settings puts the old edits' original values back and applies the new.
    pub(super) fn app_wrote(&mut self, key: &str, prop: &str, settings_before: Option<Option<Persisting>>) {
        if let Some(before) = settings_before {
            let now = self.persisting(key);
            if before == now {
                return;
            }
            let mut touched: Vec<String> = before.iter().chain(&now).flat_map(|p| p.props.clone()).collect();
            touched.dedup();
            let values: Vec<Value> = touched.iter().map(|q| self.reg.get(key, q)).collect();
            if let Some(old) = before {
                for q in &old.props {
                    if let Some((new, original)) = self.remembered(&old, &Self::edit_entry(key, q, &old)) {
                        if self.reg.get(key, q) == new {
                            if let Some(props) = self.reg.props.get_mut(key) {
                                props.insert(q.clone(), original.clone());
                            }
                            self.queue(key, q, UpdateKind::Value(original));
                        }
                    }
                }
            }
            self.apply_persistence(&[key.to_string()], true);
            for (q, was) in touched.iter().zip(values) {
                if self.reg.get(key, q) != was {
                    self.fire(&(key.to_string(), q.clone()), None);
                }
            }
            return;
        }
        if let Some(p) = self.persisting(key).filter(|p| p.props.iter().any(|q| q == prop)) {
            let entry = Self::edit_entry(key, prop, &p);
            self.remember(&p, entry, None);
        }
    }
}
