//! A window's (or the app's own) changes: validated all at once, then stored and fired.

use super::Actor;
use crate::catalog;
use crate::error::{EngineError, Result};
use crate::id::ComponentId;
use crate::layout::id_key;
use crate::messages::{Change, UpdateKind};
use crate::session::Source;

impl Actor {
    pub(super) fn validate(&self, change: &Change, from: Source) -> Result<(String, String)> {
        let id = ComponentId::from_json(&change.id)
            .map_err(|reason| EngineError::MalformedChange { reason: format!("bad id: {reason}") })?;
        let key = id_key(&id);
        let node = self.reg.nodes.get(&key).ok_or_else(|| EngineError::UnknownId { id: key.clone() })?;
        let ty = self.reg.catalog.prop_type(&node.kind, &change.prop).ok_or_else(|| EngineError::UnknownProp {
            id: key.clone(),
            component: node.kind.clone(),
            prop: change.prop.clone(),
        })?;
        if from == Source::Window && !self.reg.catalog.user_editable(&node.kind, &change.prop) {
            return Err(EngineError::NotUserEditable { id: key, component: node.kind.clone(), prop: change.prop.clone() });
        }
        if !ty.accepts(&change.value) {
            return Err(EngineError::WrongType {
                id: key,
                prop: change.prop.clone(),
                expected: ty.describe().into(),
                got: catalog::json_type_name(&change.value),
            });
        }
        Ok((key, change.prop.clone()))
    }

    /// Applies what a background task pushed, as the app's own changes: each is checked
    /// alone, so one naming a removed component is reported and the others still land.
    pub(super) fn pushed(&mut self, changes: Vec<Change>) {
        let (mut good, mut targets) = (Vec::with_capacity(changes.len()), Vec::with_capacity(changes.len()));
        for change in changes {
            match self.validate(&change, Source::App) {
                Ok(target) => {
                    targets.push(target);
                    good.push(change);
                }
                Err(e) => self.report("push", vec![format!("{}.{}", change.id, change.prop)], e.to_string()),
            }
        }
        if good.is_empty() {
            return;
        }
        self.flush_held();
        if let Err(e) = self.apply_changes(good, Source::App) {
            self.report("push", Vec::new(), e.to_string());
            return;
        }
        // Unlike a user's change, the window does not show a pushed value yet: it goes out
        // with the wave's batch, beside what its dependents compute.
        for (key, prop) in targets {
            let shown = self.reg.materialized(&key, &prop);
            self.queue(&key, &prop, UpdateKind::Value(shown));
        }
    }

    pub(super) fn apply_changes(&mut self, changes: Vec<Change>, from: Source) -> Result<()> {
        let checked = changes.iter().map(|c| self.validate(c, from)).collect::<Result<Vec<_>>>()?;
        if from == Source::Window {
            self.check_login(&checked)?;
        }
        self.wave_started.get_or_insert_with(std::time::Instant::now);
        // A new change starts a new chain of calls: depths compare within one chain only (under
        // steady input a wave may never end, and an old deep write must not block new ones).
        self.written_at.clear();
        // A value can pass its type check and still be refused as it is stored (components
        // holding an id that exists, or nesting too deep): that change is left out, the
        // others go on, and the sender hears of the first refusal.
        let mut refused = None;
        for ((key, prop), change) in checked.into_iter().zip(changes) {
            self.cancel_fired_by(&(key.clone(), prop.clone()));
            let edit = self.is_persisted(&key, &prop).then(|| (self.reg.get(&key, &prop), change.value.clone()));
            // Not queued for the renderer: the window that sent the change already shows it.
            if let Err(e) = self.store(&key, &prop, change.value) {
                tracing::warn!(change = %format!("{key}.{prop}"), "change refused: {e}");
                refused.get_or_insert(e);
                continue;
            }
            if let Some((before, new)) = edit {
                self.record_edit(&key, &prop, &before, &new);
            }
            self.fire(&(key, prop), None);
        }
        refused.map_or(Ok(()), Err)
    }
}
