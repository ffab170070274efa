//! Stopping calls: a change that cancels running callbacks, a call past its timeout, and a
//! plain call's wind-down (its thread runs on, so its callback waits for it to end).

use super::{Actor, Running};
use crate::handler::Invoker;
use crate::instances::{InstKey, PropKey};
use std::sync::atomic::Ordering;

impl Actor {
    pub(super) fn cancel_fired_by(&mut self, prop: &PropKey) {
        // Keys first: resetting one victim's `running` props may re-resolve the instances.
        let victims: Vec<InstKey> =
            self.inst.cancelled_by.get(prop).into_iter().flatten().map(|&i| self.inst.list[i].key.clone()).collect();
        for key in victims {
            if let Some(run) = self.running.remove(&key) {
                self.stop(&key, run);
                tracing::info!(callback = %self.app.callbacks[key.0].name, "cancelled by {}.{}", prop.0, prop.1);
                self.set_running_props(&key, false);
            }
            self.requested.remove(&key);
        }
    }

    /// Stops waiting for a call: a future is aborted; a plain function is told it is cancelled
    /// (`Ctx::is_cancelled`) and, since its thread runs on, its callback waits for it to end.
    pub(super) fn stop(&mut self, key: &InstKey, run: Running) {
        run.cancelled.store(true, Ordering::Relaxed);
        if matches!(self.app.callbacks[key.0].invoker, Invoker::Sync(_)) {
            self.winding_down.insert(key.clone(), run.generation);
        }
        if let Some(abort) = run.abort {
            abort.abort();
        }
    }

    /// A call ran past its callback's timeout: it is no longer waited for (its result, if it
    /// ever comes, finds no running entry and is dropped).
    pub(super) fn timed_out(&mut self, key: &InstKey, generation: u64) {
        if self.running.get(key).map(|r| r.generation) != Some(generation) {
            return;
        }
        if let Some(run) = self.running.remove(key) {
            self.stop(key, run);
        }
        self.set_running_props(key, false);
        let app = self.app.clone();
        let spec = &app.callbacks[key.0];
        let limit = spec.timeout.unwrap_or_default();
        self.report(&spec.name, spec.input_labels(), format!("timed out after {limit:?}; a result it returns later is dropped"));
    }
}
