//! Clientside callbacks in the wave: the call sent to the renderer, and its answer taken
//! back as if a Rust callback had returned it.

use super::{Actor, Completion, Running};
use crate::context::Ctx;
use crate::error::{CallbackError, EngineError, Result};
use crate::id::ComponentId;
use crate::instances::InstKey;
use crate::layout::id_key;
use crate::messages::{ClientsideCall, ClientsideContext, ClientsideOutcome, ClientsideResult, SessionEvent, SetProps};
use crate::output::Produced;
use serde_json::{json, Value};
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

impl Actor {
    /// Asks the renderer to run a clientside callback. It counts as running until the answer
    /// arrives, so callbacks downstream of it wait, exactly as behind a Rust callback.
    pub(super) fn call_clientside(
        &mut self,
        key: &InstKey,
        generation: u64,
        depth: u32,
        args: Vec<Value>,
        ctx: Ctx,
        cancelled: Arc<AtomicBool>,
    ) {
        let app = self.app.clone();
        let spec = &app.callbacks[key.0];
        let triggered = ctx
            .0
            .triggered
            .iter()
            .map(|(id, prop)| json!({"prop_id": format!("{id}.{prop}"), "value": self.reg.materialized(&id_key(id), prop)}))
            .collect();
        let context = ClientsideContext {
            triggered,
            triggered_id: ctx.triggered_id().map(ComponentId::to_json),
            inputs_list: ctx.inputs_list().to_vec(),
            states_list: ctx.states_list().to_vec(),
            outputs_list: ctx.0.outputs_list.clone(),
        };
        let call = ClientsideCall { call: generation, callback: key.0, name: spec.name.clone(), args, context };
        let long = spec.is_long();
        if self.events.send(SessionEvent::Clientside { call }).is_err() {
            // No renderer listens (the window closed): nothing will ever answer.
            self.report(&spec.name, spec.input_labels(), "no renderer to run this clientside callback".into());
            self.set_running_props(key, false);
            return;
        }
        self.running.insert(key.clone(), Running { generation, depth, long, abort: None, cancelled, clientside: Some(ctx) });
    }

    pub(super) fn clientside_done(&mut self, answer: ClientsideResult) -> Result<()> {
        if answer.call > self.generation {
            return Err(EngineError::UnknownClientsideCall { call: answer.call });
        }
        let awaiting = self.running.iter().find(|(_, r)| r.generation == answer.call && r.clientside.is_some());
        let Some((key, run)) = awaiting else {
            tracing::debug!(call = answer.call, "clientside answer for a call no longer awaited; dropped");
            return Ok(());
        };
        let (key, ctx) = (key.clone(), run.clientside.clone().unwrap_or_else(|| unreachable!("filtered above")));
        for SetProps { id, props } in answer.set_props {
            match ComponentId::from_json(&id) {
                Ok(id) => ctx.set_props(id, props),
                Err(reason) => {
                    let spec = &self.app.callbacks[key.0];
                    self.report(&spec.name, spec.input_labels(), format!("set_props: bad id {id}: {reason}"));
                }
            }
        }
        let result = match answer.outcome {
            ClientsideOutcome::Value { value } => Ok(Produced::from_wire(value)),
            ClientsideOutcome::Prevent => Err(CallbackError::PreventUpdate),
            ClientsideOutcome::Error { message } => Err(CallbackError::Failed(message)),
        };
        self.complete(Completion { key, generation: answer.call, result, ctx });
        Ok(())
    }
}
