//! The window's login, enforced here: for an app with accounts, a change from the window
//! that would run a protected callback is refused unless the window is logged in and
//! unlocked, a protected callback never starts for such a window, an idle window locks,
//! and logging out cancels what protected callbacks still run.

use super::Actor;
use crate::app::CallbackSpec;
use crate::auth::ids;
use crate::error::{EngineError, Result};
use crate::id::ComponentId;
use crate::instances::InstKey;
use crate::layout::id_key;

impl Actor {
    /// Whether `spec` may run for this window now.
    pub(super) fn may_run(&self, spec: &CallbackSpec) -> bool {
        spec.public || self.login.as_ref().is_none_or(|l| l.authorized())
    }

    /// Checks a window's changes against its login before any is applied, and counts them as
    /// the user's activity. The refusal names the change and the callback, never the value.
    pub(super) fn check_login(&mut self, changes: &[(String, String)]) -> Result<()> {
        let Some(login) = self.login.clone() else { return Ok(()) };
        self.lock_if_idle();
        if !login.authorized() {
            for (key, prop) in changes {
                let fired = self.inst.fired_by.get(&(key.clone(), prop.clone())).into_iter().flatten();
                if let Some(spec) = fired.map(|&i| &self.app.callbacks[self.inst.list[i].cb]).find(|s| !s.public) {
                    let change = format!("{key}.{prop}");
                    tracing::warn!(change = %change, callback = %spec.name, "refused: the window is not logged in or is locked");
                    return Err(EngineError::LoginRequired { change, callback: spec.name.clone() });
                }
            }
        }
        let now = login.runtime.clock.now();
        login.update(|s| s.last_activity = now);
        Ok(())
    }

    /// Locks the window if its user has been idle past the app's idle lock: the lock screen
    /// opens over the page, which stays as it is beneath it.
    pub(super) fn lock_if_idle(&mut self) {
        let Some(login) = self.login.clone() else { return };
        let Some(idle) = login.runtime.settings.idle_lock else { return };
        let state = login.snapshot();
        let Some(user) = state.user.filter(|_| !state.locked) else { return };
        if login.runtime.clock.now().saturating_sub(state.last_activity) < idle {
            return;
        }
        login.update(|s| s.locked = true);
        tracing::info!("the window locked after {idle:?} without activity");
        let shown = [
            (ids::LOCK, "opened", serde_json::Value::Bool(true)),
            (ids::LOCK_USER, "children", format!("Signed in as {user}. Enter your password to go on.").into()),
        ];
        for (id, prop, value) in shown {
            if let Err(e) = self.set_value(&id_key(&ComponentId::from(id)), prop, value) {
                self.report("deskdash.lock", Vec::new(), format!("the lock screen could not open: {e}"));
            }
        }
    }

    /// The window logged out: its protected callbacks still running are cancelled, and
    /// those waiting to run are dropped.
    pub(super) fn logged_out(&mut self) {
        let app = self.app.clone();
        let victims: Vec<InstKey> = self.running.keys().filter(|k| !app.callbacks[k.0].public).cloned().collect();
        for key in victims {
            if let Some(run) = self.running.remove(&key) {
                self.stop(&key, run);
                tracing::info!(callback = %app.callbacks[key.0].name, "cancelled: the window logged out");
                self.set_running_props(&key, false);
            }
        }
        self.requested.retain(|k, _| app.callbacks[k.0].public);
    }
}
