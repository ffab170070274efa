//! The session actor's scheduler, following Dash's renderer: a requested callback runs once
//! none of its inputs can still be written by a callback that is requested or running, so it
//! fires once with every upstream result and never shows an intermediate state.

mod changes;
mod clientside;
mod flush;
mod login;
mod persistence;
mod stopping;
mod stores;
mod values;

use super::runner::{self, Outcome};
use super::{BatchSlot, Command};
use crate::app::AppSpec;
use crate::context::{Ctx, CtxInner, ListedDep, ListedIds, ListedValue, Listing, ProgressSink};
use crate::error::{CallbackError, EngineError, ErrorReport, Result};
use crate::handler::{CallInput, Invoker};
use crate::id::ComponentId;
use crate::instances::{InstKey, Instances, PropKey, Resolved};
use crate::layout::{id_key, Registry};
use crate::messages::{PatchBatch, PropUpdate, SessionEvent};
use crate::serverside::TypedValue;
use crate::storage::{Entry, StoreWrite, Stores};
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use tokio::sync::{mpsc, oneshot};

pub(crate) struct Completion {
    key: InstKey,
    generation: u64,
    result: Outcome,
    ctx: Ctx,
}

struct Request {
    seq: u64,
    triggered: Vec<(ComponentId, String)>,
    /// How many callbacks lie between the wave's change and this call (1: fired by the change).
    depth: u32,
}

struct Running {
    generation: u64,
    depth: u32,
    long: bool,
    abort: Option<tokio::task::AbortHandle>,
    cancelled: Arc<AtomicBool>,
    /// Set for a clientside call: its context, until the renderer answers.
    clientside: Option<Ctx>,
}

pub(crate) struct Actor {
    app: Arc<AppSpec>,
    reg: Registry,
    inst: Instances,
    requested: HashMap<InstKey, Request>,
    running: HashMap<InstKey, Running>,
    unsent: Vec<PropUpdate>,
    wave: u64,
    /// When the user change that started the current wave arrived.
    wave_started: Option<std::time::Instant>,
    /// When the oldest update in `unsent` was queued.
    unsent_since: Option<std::time::Instant>,
    seq: u64,
    generation: u64,
    calls: HashMap<String, u64>,
    idle_waiters: Vec<oneshot::Sender<()>>,
    first_flush: Option<(oneshot::Sender<Vec<PatchBatch>>, Vec<PatchBatch>)>,
    me: mpsc::WeakUnboundedSender<Command>,
    events: mpsc::UnboundedSender<SessionEvent>,
    /// Plain calls cancelled or timed out whose thread still runs (a thread cannot be
    /// stopped), by generation: their callback starts again only once they have ended, so
    /// cancel-and-restart can never pile up threads.
    winding_down: HashMap<InstKey, u64>,
    /// Changes still waiting for the batch of the wave they started (see `Session::apply`).
    waiting: Vec<BatchSlot>,
    /// The app's stores (saved copies, other windows), this window's label in them, and
    /// the stores this wave wrote, committed before its batch is sent.
    stores: Arc<Stores>,
    window: String,
    member: u64,
    pending_stores: HashMap<String, stores::Before>,
    /// Users' edits of persisted props: kept here (`persistence_type="memory"`), or saved
    /// with the wave's stores.
    memory_edits: HashMap<Entry, (Value, Value)>,
    pending_edits: Vec<StoreWrite>,
    /// Stores holding a server-side value (their `data` is `null` in the registry).
    typed: HashMap<String, TypedValue>,
    /// Stores' JSON data as read by Rust callbacks, shared until the store is next written.
    snapshots: HashMap<String, Arc<Value>>,
    /// The depth of the call whose results are being written (0 for a user's change): what
    /// it fires is one deeper.
    writing_depth: u32,
    /// The writes since the last change, by property, at the depth of their writer: among
    /// `allow_duplicate` writers, a shallower call finishing late does not overwrite a deeper
    /// one (Dash's order).
    written_at: HashMap<PropKey, u32>,
    /// The window's login, for an app with accounts.
    login: Option<Arc<crate::auth::SessionLogin>>,
}

/// What a session needs to know of the app and window it belongs to.
pub(crate) struct Place {
    pub stores: Arc<Stores>,
    pub window: String,
}

impl Actor {
    pub(crate) fn new(
        app: Arc<AppSpec>,
        layout: &Value,
        me: mpsc::WeakUnboundedSender<Command>,
        events: mpsc::UnboundedSender<SessionEvent>,
        first: oneshot::Sender<Vec<PatchBatch>>,
        place: Place,
    ) -> Result<Actor> {
        let reg = Registry::from_layout(layout, app.catalog.clone())?;
        let inst = Instances::resolve(&app, &reg);
        let member = place.stores.join(me.clone());
        let login = app.auth.clone().map(|runtime| Arc::new(crate::auth::SessionLogin::new(runtime)));
        let mut actor = Actor {
            app,
            reg,
            inst,
            requested: HashMap::new(),
            running: HashMap::new(),
            unsent: Vec::new(),
            wave: 0,
            wave_started: None,
            unsent_since: None,
            seq: 0,
            generation: 0,
            calls: HashMap::new(),
            idle_waiters: Vec::new(),
            first_flush: Some((first, Vec::new())),
            me,
            events,
            winding_down: HashMap::new(),
            waiting: Vec::new(),
            stores: place.stores,
            window: place.window,
            member,
            pending_stores: HashMap::new(),
            memory_edits: HashMap::new(),
            pending_edits: Vec::new(),
            typed: HashMap::new(),
            snapshots: HashMap::new(),
            writing_depth: 0,
            written_at: HashMap::new(),
            login,
        };
        let keys: Vec<String> = actor.reg.nodes.keys().cloned().collect();
        actor.hydrate(&keys, true);
        actor.apply_persistence(&keys, true);
        Ok(actor)
    }

    pub(crate) async fn run(mut self, mut rx: mpsc::UnboundedReceiver<Command>) {
        let initial: Vec<usize> = (0..self.inst.list.len()).collect();
        self.request_initial(&initial, None);
        self.guarded(|actor| actor.pump());
        while let Some(cmd) = rx.recv().await {
            self.guarded(|actor| {
                actor.handle(cmd);
                // Drain whatever else is already queued before scheduling, so completions that
                // arrive together are settled in one pass.
                while let Ok(cmd) = rx.try_recv() {
                    actor.handle(cmd);
                }
                actor.pump();
            });
        }
    }

    /// Runs one step of the actor so that a bug in the engine becomes an error report for the
    /// window, not the end of its session (after which every click would be refused).
    fn guarded(&mut self, step: impl FnOnce(&mut Self)) {
        if let Err(payload) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| step(self))) {
            let message = format!(
                "internal error in the session ({}); reload the window if it looks out of step",
                runner::panic_message(payload.as_ref())
            );
            self.report("engine", Vec::new(), message);
        }
    }

    fn handle(&mut self, cmd: Command) {
        match cmd {
            Command::Apply { changes, from, reply, batch } => {
                self.flush_held();
                let outcome = self.apply_changes(changes, from);
                if outcome.is_ok() {
                    self.waiting.push(batch);
                }
                let _ = reply.send(outcome);
            }
            Command::Completed(done) => self.complete(done),
            Command::ClientsideDone { result, reply } => {
                let _ = reply.send(self.clientside_done(result));
            }
            Command::Progress { key, generation, value } => self.progress(&key, generation, value),
            Command::TimedOut { key, generation } => self.timed_out(&key, generation),
            Command::StoresChanged(writes) => self.stores_changed(writes),
            Command::Pushed(state) => self.pushed(state.take()),
            Command::Desktop(request) => {
                let _ = self.events.send(SessionEvent::Desktop { request });
            }
            Command::LoggedOut => self.logged_out(),
            Command::CheckIdle { reply } => {
                self.lock_if_idle();
                if let Some(reply) = reply {
                    let _ = reply.send(());
                }
            }
            Command::Get { id, prop, reply } => {
                let key = id_key(&id);
                let answer = match self.reg.nodes.get(&key) {
                    None => Err(EngineError::UnknownId { id: key }),
                    Some(n) if self.reg.catalog.prop_type(&n.kind, &prop).is_none() => {
                        Err(EngineError::UnknownProp { id: key.clone(), component: n.kind.clone(), prop })
                    }
                    Some(_) => Ok(self.reg.materialized(&key, &prop)),
                };
                let _ = reply.send(answer);
            }
            Command::Layout { reply } => {
                let root = self.app.layout.render();
                let _ = reply.send(self.app.layout_for_renderer(&self.reg.materialize(&root)));
            }
            Command::Idle { reply } => self.idle_waiters.push(reply),
            Command::CallCounts { reply } => {
                let _ = reply.send(self.calls.clone());
            }
        }
    }

    fn report(&self, callback: &str, inputs: Vec<String>, message: String) {
        tracing::error!(callback, inputs = ?inputs, "{message}");
        let _ = self.events.send(SessionEvent::Error { error: ErrorReport { callback: callback.to_string(), inputs, message } });
    }

    // ----- requests -------------------------------------------------------------------------

    fn request(&mut self, i: usize, trigger: Option<(ComponentId, String)>) {
        let inst = &self.inst.list[i];
        // As in Dash: a callback none of whose outputs is in the layout is not called.
        if !inst.outputs.is_empty() && inst.outputs.iter().all(|r| matches!(r, Resolved::Missing)) {
            return;
        }
        let key = inst.key.clone();
        self.seq += 1;
        let seq = self.seq;
        let depth = self.writing_depth + 1;
        let req = self.requested.entry(key).or_insert(Request { seq, triggered: Vec::new(), depth });
        req.depth = req.depth.max(depth);
        if let Some(t) = trigger {
            if !req.triggered.contains(&t) {
                req.triggered.push(t);
            }
        }
    }

    /// The initial calls of `which`: on load (`inserted` is None: everything is new), or after
    /// components were `inserted`. As in Dash, `prevent_initial_call` holds a callback back
    /// when its outputs arrive with its inputs, but not when only its inputs are new and its
    /// outputs were already on the page.
    fn request_initial(&mut self, which: &[usize], inserted: Option<&HashSet<String>>) {
        for &i in which {
            let inst = &self.inst.list[i];
            let spec = &self.app.callbacks[inst.cb];
            if !inst.inputs_present(&spec.deps) {
                continue;
            }
            let outputs_were_there = inserted.is_some_and(|new| {
                !inst.outputs.is_empty()
                    && inst.outputs.iter().all(|r| !matches!(r, Resolved::Missing))
                    && inst.outputs.iter().flat_map(|r| r.keys()).all(|k| !new.contains(k))
            });
            if !spec.prevent_initial_call || outputs_were_there {
                self.request(i, None);
            }
        }
    }

    /// Requests every instance fired by `prop` changing, except the one that wrote it.
    fn fire(&mut self, changed: &PropKey, writer: Option<&InstKey>) {
        let Some(node) = self.reg.nodes.get(&changed.0) else {
            return;
        };
        let id = node.id.clone();
        let fired = self.inst.fired_by.get(changed).cloned().unwrap_or_default();
        for i in fired {
            if Some(&self.inst.list[i].key) == writer {
                continue;
            }
            self.request(i, Some((id.clone(), changed.1.clone())));
        }
    }

    // ----- user changes ---------------------------------------------------------------------

    // ----- running callbacks ----------------------------------------------------------------

    /// Instances whose inputs no requested or running callback can still write.
    fn ready(&self) -> Vec<InstKey> {
        let mut blockers: Vec<usize> = Vec::with_capacity(self.requested.len() + self.running.len());
        for key in self.requested.keys().chain(self.running.keys()) {
            if let Some(&i) = self.inst.by_key.get(key) {
                blockers.push(i);
            }
        }
        let mut count: HashMap<PropKey, usize> = HashMap::new();
        let closures: HashMap<usize, Arc<HashSet<PropKey>>> =
            blockers.iter().map(|&i| (i, self.inst.closure(&self.app, i))).collect();
        for c in closures.values() {
            for p in c.iter() {
                *count.entry(p.clone()).or_default() += 1;
            }
        }
        let mut ready: Vec<(u64, usize)> = Vec::new();
        for (key, req) in &self.requested {
            let Some(&i) = self.inst.by_key.get(key) else {
                continue;
            };
            if self.running.contains_key(key) || self.winding_down.contains_key(key) {
                continue;
            }
            let own = &closures[&i];
            let inst = &self.inst.list[i];
            let blocked = inst
                .firing_props(&self.app.callbacks[inst.cb].deps)
                .any(|p| count.get(&p).copied().unwrap_or(0) > usize::from(own.contains(&p)));
            if !blocked {
                ready.push((req.seq, i));
            }
        }
        ready.sort_unstable();
        ready.into_iter().map(|(_, i)| self.inst.list[i].key.clone()).collect()
    }

    fn pump(&mut self) {
        loop {
            let ready = self.ready();
            if ready.is_empty() {
                break;
            }
            // A lone short plain function runs right here (two thread hops saved per callback,
            // five in a chain of five); `runner::run_here` tells the runtime first, so the
            // other windows' sessions move to another thread. Several ready callbacks start
            // off the actor and run concurrently.
            let inline = ready.len() == 1 && {
                let spec = &self.app.callbacks[ready[0].0];
                matches!(spec.invoker, Invoker::Sync(_)) && !spec.is_long() && spec.timeout.is_none()
            };
            // By key, not index: starting one callback may set `running` props that replace
            // components, re-resolving the instances (and their indices) under the others.
            for key in ready {
                self.start(&key, inline);
            }
        }
        self.maybe_flush();
    }

    fn value_of(&self, r: &Resolved, prop: &str) -> Value {
        match r {
            Resolved::One(k) => self.reg.materialized(k, prop),
            Resolved::Many(ks) => Value::Array(ks.iter().map(|k| self.reg.materialized(k, prop)).collect()),
            Resolved::Missing => Value::Null,
        }
    }

    /// An output as `outputs_list` shows it: each component's id and property.
    fn describe_output(&self, r: &Resolved, prop: &str) -> Value {
        let one = |k: &String| {
            let id = self.reg.nodes.get(k).map(|n| n.id.to_json()).unwrap_or(Value::Null);
            json!({"id": id, "property": prop})
        };
        match r {
            Resolved::One(k) => one(k),
            Resolved::Many(ks) => Value::Array(ks.iter().map(one).collect()),
            Resolved::Missing => Value::Null,
        }
    }

    fn start(&mut self, key: &InstKey, inline: bool) {
        let Some(&i) = self.inst.by_key.get(key) else { return };
        let inst = self.inst.list[i].clone();
        let Some(req) = self.requested.remove(&inst.key) else {
            return;
        };
        let depth = req.depth;
        let app = self.app.clone();
        let spec = &app.callbacks[inst.cb];
        if !self.may_run(spec) {
            tracing::debug!(callback = %spec.name, "not run: the window is not logged in");
            return;
        }
        *self.calls.entry(spec.name.clone()).or_default() += 1;
        self.generation += 1;
        let generation = self.generation;

        let clientside = matches!(spec.invoker, Invoker::Clientside(_));
        let mut values = Vec::new();
        let mut typed = Vec::new();
        let mut labels = Vec::new();
        let (mut inputs_list, mut states_list) = (Vec::new(), Vec::new());
        for (n, (d, r)) in spec.deps.iter().zip(&inst.deps).enumerate() {
            // The value as passed, or the store data read by reference.
            let mut listed = None;
            if d.passes_value() {
                // A Rust callback reads a store's data by reference; JavaScript needs it whole.
                let by_reference = if clientside { None } else { self.reads_store_data(r, &d.prop) };
                match by_reference {
                    Some(key) => {
                        values.push(Value::Null);
                        typed.push(Some(self.store_view(&key)));
                        listed = Some(match self.snapshots.get(&key) {
                            Some(data) => ListedValue::Shared(data.clone()),
                            None => ListedValue::Json(self.value_of(r, &d.prop)),
                        });
                    }
                    // A Rust callback that can read the lists reads its argument from the
                    // same value in place (1,000 rows' values of an `ALL` input are gathered
                    // once, not copied again for `inputs_list`).
                    None if spec.reads_context && !clientside => {
                        let shared = Arc::new(self.value_of(r, &d.prop));
                        listed = Some(ListedValue::Shared(shared.clone()));
                        values.push(Value::Null);
                        typed.push(Some(TypedValue::of(shared)));
                    }
                    None => {
                        let value = self.value_of(r, &d.prop);
                        // A copy kept only for a callback that can read the lists.
                        if spec.reads_context {
                            listed = Some(ListedValue::Json(value.clone()));
                        }
                        values.push(value);
                        typed.push(None);
                    }
                }
                labels.push(d.to_string());
            }
            let list = match d.kind {
                crate::deps::DepKind::Input => &mut inputs_list,
                crate::deps::DepKind::State => &mut states_list,
                crate::deps::DepKind::Trigger => continue,
            };
            let (Some(value), true) = (listed, spec.reads_context) else { continue };
            let ids = match r {
                Resolved::One(k) => ListedIds::One(self.reg.nodes.get(k).map(|n| n.id.to_json()).unwrap_or(Value::Null)),
                Resolved::Many(_) => ListedIds::Many { inst: inst.clone(), dep: n },
                Resolved::Missing => ListedIds::Missing,
            };
            list.push(ListedDep { prop: d.prop.clone(), ids, value });
        }
        let outputs_list = spec.outputs.iter().zip(&inst.outputs).map(|(o, r)| self.describe_output(r, &o.prop)).collect();
        let cancelled = Arc::new(AtomicBool::new(false));
        let progress: Option<ProgressSink> = (!spec.progress.is_empty()).then(|| {
            let me = self.me.clone();
            let key = inst.key.clone();
            let sink: ProgressSink = Arc::new(move |value| {
                if let Some(tx) = me.upgrade() {
                    let _ = tx.send(Command::Progress { key: key.clone(), generation, value });
                }
            });
            sink
        });
        let ctx = Ctx(Arc::new(CtxInner {
            callback: spec.name.clone(),
            triggered: req.triggered,
            inputs_list: Listing::new(inputs_list),
            states_list: Listing::new(states_list),
            outputs_list,
            set_props: Mutex::new(Vec::new()),
            progress,
            cancelled: cancelled.clone(),
            shared: app.shared.clone(),
            memo: self.stores.memo().clone(),
            session: self.me.clone(),
            push_interval: app.push_interval,
            login: self.login.clone(),
        }));
        self.set_running_props(&inst.key, true);

        if let Invoker::Clientside(_) = spec.invoker {
            self.call_clientside(&inst.key, generation, depth, values, ctx, cancelled);
            return;
        }
        let input = CallInput { values, labels, typed, ctx: ctx.clone() };
        if let (true, Invoker::Sync(f)) = (inline, &spec.invoker) {
            let result = runner::run_here(f, input);
            self.running
                .insert(inst.key.clone(), Running { generation, depth, long: false, abort: None, cancelled, clientside: None });
            self.complete(Completion { key: inst.key.clone(), generation, result, ctx });
            return;
        }
        let me = self.me.clone();
        let key = inst.key.clone();
        let done = move |result| {
            if let Some(tx) = me.upgrade() {
                let _ = tx.send(Command::Completed(Completion { key, generation, result, ctx }));
            }
        };
        let abort = runner::spawn(&spec.invoker, spec.background, input, done);
        if let Some(limit) = spec.timeout {
            let me = self.me.clone();
            let key = inst.key.clone();
            tokio::spawn(async move {
                tokio::time::sleep(limit).await;
                if let Some(tx) = me.upgrade() {
                    let _ = tx.send(Command::TimedOut { key, generation });
                }
            });
        }
        self.running
            .insert(inst.key.clone(), Running { generation, depth, long: spec.is_long(), abort, cancelled, clientside: None });
    }

    fn set_running_props(&mut self, key: &InstKey, during: bool) {
        let Some(&i) = self.inst.by_key.get(key) else { return };
        let inst = self.inst.list[i].clone();
        let spec = &self.app.clone().callbacks[inst.cb];
        for ((out, on, off), r) in spec.running.iter().zip(&inst.running) {
            let v = if during { on } else { off };
            for k in r.keys() {
                if let Err(e) = self.set_value(k, &out.prop, v.clone()) {
                    self.report(&spec.name, spec.input_labels(), e.to_string());
                }
            }
        }
    }

    fn progress(&mut self, key: &InstKey, generation: u64, value: Value) {
        if self.running.get(key).map(|r| r.generation) != Some(generation) {
            return;
        }
        let Some(&i) = self.inst.by_key.get(key) else {
            return;
        };
        let inst = self.inst.list[i].clone();
        let app = self.app.clone();
        let spec = &app.callbacks[inst.cb];
        let values = if spec.progress.len() == 1 { vec![value] } else { value.as_array().cloned().unwrap_or_default() };
        for ((out, r), v) in spec.progress.iter().zip(&inst.progress).zip(values) {
            for k in r.keys() {
                if let Err(e) = self.set_value(k, &out.prop, v.clone()) {
                    self.report(&spec.name, spec.input_labels(), e.to_string());
                }
            }
        }
    }

    fn complete(&mut self, done: Completion) {
        if self.winding_down.get(&done.key) == Some(&done.generation) {
            // A stopped call's thread has ended: its callback may start again (see `pump`).
            self.winding_down.remove(&done.key);
            return;
        }
        let depth = match self.running.get(&done.key) {
            Some(r) if r.generation == done.generation => r.depth,
            // Cancelled or superseded: its result must not reach the screen.
            _ => return,
        };
        self.running.remove(&done.key);
        if !self.inst.by_key.contains_key(&done.key) {
            return;
        }
        self.set_running_props(&done.key, false);
        // What this call's writes fire is one level deeper than the call.
        self.writing_depth = depth;
        let app = self.app.clone();
        let spec = &app.callbacks[done.key.0];
        match done.result {
            Err(CallbackError::PreventUpdate) => {}
            Err(CallbackError::Failed(message)) => self.report(&spec.name, spec.input_labels(), message),
            Err(CallbackError::Unserializable(reason)) => {
                let outputs: Vec<String> = spec.outputs.iter().map(|o| o.to_string()).collect();
                let message =
                    format!("its value for {} does not serialize, so nothing was written: {reason}", outputs.join(", "));
                self.report(&spec.name, spec.input_labels(), message)
            }
            // Looked up again: resetting `running` props may have re-resolved the instances.
            Ok(produced) => match self.inst.by_key.get(&done.key).map(|&i| self.inst.list[i].clone()) {
                Some(inst) => {
                    if let Err(e) = self.write_outputs(spec, &inst, produced) {
                        self.report(&spec.name, spec.input_labels(), e.to_string());
                    }
                }
                None => tracing::debug!(callback = %spec.name, "result dropped: its components left the layout"),
            },
        }
        for (id, props) in done.ctx.take_set_props() {
            let key = id_key(&id);
            for (prop, v) in props {
                match self.check_output(&key, &prop, &v).and_then(|_| self.set_value(&key, &prop, v)) {
                    Ok(()) => self.fire(&(key.clone(), prop), Some(&done.key)),
                    Err(e) => self.report(&spec.name, spec.input_labels(), format!("set_props: {e}")),
                }
            }
        }
        self.writing_depth = 0;
    }
}
