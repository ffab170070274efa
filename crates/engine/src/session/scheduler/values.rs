//! Writing values: a user's change, a callback's output or a Patch stored in the session's
//! registry, queued for the renderer unless it stays in Rust, and the layout re-resolved
//! when a value holds components.

use super::{stores, Actor};
use crate::app::CallbackSpec;
use crate::catalog;
use crate::error::{EngineError, Result};
use crate::instances::Instance;
use crate::layout::{ChildEdit, LayoutChange};
use crate::messages::{PropUpdate, UpdateKind};
use crate::output::Produced;
use crate::patch::{apply_ops, PatchOp, PathSeg};
use crate::session::outputs::{self, Write};
use serde_json::Value;
use std::collections::HashSet;

impl Actor {
    /// Stores a value and queues it for the renderer; a value holding components replaces
    /// that part of the layout and resolves the callbacks anew.
    /// The app's write (a callback's output, `set_props`, `running` and `progress` props):
    /// stored, queued, and it overrides a user's remembered edit of the prop.
    pub(super) fn set_value(&mut self, key: &str, prop: &str, value: Value) -> Result<()> {
        let settings = self.settings_before(key, prop);
        let kept = self.store(key, prop, value)?;
        self.queue(key, prop, UpdateKind::Value(kept));
        self.app_wrote(key, prop, settings);
        Ok(())
    }

    /// Stores a value and returns the one now held: a store's `clear_data` is a request, held
    /// as `false`; components arriving in a value hold their saved data and remembered edits.
    pub(super) fn store(&mut self, key: &str, prop: &str, value: Value) -> Result<Value> {
        let kind = self.reg.nodes.get(key).map(|n| n.kind.clone()).ok_or_else(|| EngineError::UnknownId { id: key.into() })?;
        if stores::is_store_prop(&kind, prop) {
            return self.write_store(key, prop, value);
        }
        if self.reg.catalog.may_hold_components(&kind, prop) {
            let change = self.reg.replace_children(key, prop, &value)?;
            if let Some(props) = self.reg.props.get_mut(key) {
                props.insert(prop.to_string(), crate::layout::by_reference(&self.reg.catalog, &value));
            }
            self.hydrate(&change.added, false);
            let remembered = self.apply_persistence(&change.added, false);
            // What was just inserted is what the registry now holds, unless a store inside it
            // took its saved data or a remembered edit was put back: only then is it rebuilt
            // from the registry (a switch to 1,000 new rows would otherwise copy them twice).
            let as_inserted = !remembered && !change.added.iter().any(|k| self.is_store(k));
            if !change.is_empty() {
                self.relayout(&change);
            }
            return Ok(if as_inserted { value } else { self.reg.materialized(key, prop) });
        } else if let Some(props) = self.reg.props.get_mut(key) {
            props.insert(prop.to_string(), value.clone());
        }
        Ok(value)
    }

    pub(super) fn queue(&mut self, key: &str, prop: &str, update: UpdateKind) {
        let Some(node) = self.reg.nodes.get(key) else {
            return;
        };
        // Store data stays in Rust: nothing on screen shows it, and a clientside callback that
        // reads it receives it as an argument of its call.
        if catalog::stays_in_rust(&node.kind, prop) {
            return;
        }
        let id = node.id.clone();
        // Components sent inside a value leave their stores' data behind too.
        let update = match update {
            UpdateKind::Value(v) if self.reg.catalog.may_hold_components(&node.kind, prop) && crate::app::holds_store(&v) => {
                UpdateKind::Value(crate::app::without_store_data(&v))
            }
            other => other,
        };
        // A later whole value supersedes anything queued for the same property.
        if matches!(update, UpdateKind::Value(_)) {
            self.unsent.retain(|u| !(u.id == id && u.prop == prop));
        }
        if self.unsent.is_empty() {
            self.unsent_since = Some(std::time::Instant::now());
        }
        self.unsent.push(PropUpdate { id, prop: prop.to_string(), update });
    }

    /// New or removed components: re-resolve the instances they touch, drop requests for
    /// instances that no longer exist, and make the initial calls of those that are new or
    /// whose lists changed.
    pub(super) fn relayout(&mut self, change: &LayoutChange) {
        let (inst, fresh) = std::mem::take(&mut self.inst).follow(&self.app, &self.reg, change);
        self.inst = inst;
        self.requested.retain(|k, _| self.inst.by_key.contains_key(k));
        let inserted: HashSet<String> = change.added.iter().cloned().collect();
        self.request_initial(&fresh, Some(&inserted));
    }

    /// The common edits of a list of components (rows appended or deleted: a to-do app's add
    /// and delete, a list of lists that swaps one) applied to the registry directly, so their
    /// cost is that of the components they add or remove and not of the list. `None` for any
    /// other patch, which rewrites the value.
    fn patch_list_in_place(&mut self, key: &str, prop: &str, ops: &[PatchOp]) -> Option<Result<()>> {
        let kind = self.reg.nodes.get(key).map(|n| n.kind.clone())?;
        if !self.reg.catalog.may_hold_components(&kind, prop) {
            return None;
        }
        let edits = ops
            .iter()
            .map(|op| match op {
                PatchOp::Append { path, value } if path.is_empty() && value.is_object() => Some(ChildEdit::Append(value)),
                PatchOp::Delete { path } => match path.as_slice() {
                    [PathSeg::Index(i)] => Some(ChildEdit::Delete(*i)),
                    _ => None,
                },
                _ => None,
            })
            .collect::<Option<Vec<_>>>()?;
        // A prop that holds components takes a list of them; what is inside is checked as
        // it is registered.
        if let Err(e) = self.check_output(key, prop, &Value::Array(Vec::new())) {
            return Some(Err(e));
        }
        let change = match self.reg.edit_children(key, prop, &edits)? {
            Ok(change) => change,
            Err(e) => return Some(Err(e)),
        };
        self.hydrate(&change.added, false);
        self.apply_persistence(&change.added, false);
        if !change.is_empty() {
            self.relayout(&change);
        }
        Some(Ok(()))
    }

    pub(super) fn check_output(&self, key: &str, prop: &str, v: &Value) -> Result<()> {
        let bad = |reason: String| EngineError::BadOutput { id: key.into(), prop: prop.into(), reason };
        let node = self.reg.nodes.get(key).ok_or_else(|| bad(format!("no component {key} in the layout")))?;
        let ty =
            self.reg.catalog.prop_type(&node.kind, prop).ok_or_else(|| bad(format!("{} has no property {prop}", node.kind)))?;
        if !ty.accepts(v) {
            return Err(bad(format!("expected {}, got {}", ty.describe(), catalog::json_type_name(v))));
        }
        Ok(())
    }

    /// Splits a result over the outputs (all-or-nothing on shape errors) and writes each;
    /// a write that fails leaves the others standing and is reported.
    pub(super) fn write_outputs(&mut self, spec: &CallbackSpec, inst: &Instance, produced: Produced) -> Result<()> {
        let writes = outputs::split(&spec.outputs, &inst.outputs, spec.multi_output, produced)?;
        let mut first_error = None;
        for (key, prop, write) in writes {
            let at = (key.clone(), prop.clone());
            if self.written_at.get(&at).is_some_and(|&deeper| deeper > self.writing_depth) {
                tracing::debug!(callback = %spec.name, output = %format!("{key}.{prop}"), "a deeper writer's value stands");
                continue;
            }
            self.written_at.insert(at, self.writing_depth);
            let result = match write {
                Write::Patch(ops) => self.write_patch(&key, &prop, ops),
                Write::Typed(value) => self.write_typed(&key, &prop, value),
                Write::Set(v) => self.check_output(&key, &prop, &v).and_then(|_| self.set_value(&key, &prop, v)),
            };
            match result {
                Ok(()) => self.fire(&(key, prop), Some(&inst.key)),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    pub(super) fn write_patch(&mut self, key: &str, prop: &str, ops: Vec<PatchOp>) -> Result<()> {
        let settings = self.settings_before(key, prop);
        if let Some(done) = self.patch_list_in_place(key, prop, &ops) {
            done?;
            self.queue(key, prop, UpdateKind::Patch(ops));
            self.app_wrote(key, prop, settings);
            return Ok(());
        }
        // Components in the value are patched with their current props, as the window has them.
        let mut value = self.reg.materialized(key, prop);
        apply_ops(&mut value, &ops).map_err(|(path, reason)| EngineError::Patch {
            id: key.into(),
            prop: prop.into(),
            path,
            reason,
        })?;
        self.check_output(key, prop, &value)?;
        self.store(key, prop, value)?;
        self.queue(key, prop, UpdateKind::Patch(ops));
        self.app_wrote(key, prop, settings);
        Ok(())
    }
}
