//! The app: a layout (a value, or a function called per window) and its registered callbacks.
//! `App::build` checks at registration everything that can be checked then: bad ids, unknown
//! properties, arity, outputs owned twice, cycles.

use crate::auth::{Auth, AuthRuntime};
use crate::callback::Callback;
use crate::catalog::{self, Catalog, CustomKind};
use crate::component::Component;
use crate::context::SharedValues;
use crate::deps::{Dep, DepKind, DepSpec, IntoDeps, IntoOutputs, Output, OutputDep};
use crate::error::{EngineError, Result};
use crate::handler::{AsyncHandler, Handler, Invoker};
use crate::id::DepId;
use crate::layout::{id_key, Registry};
use crate::pages::{Page, PageArgs, PageEntry, PageTable};
use crate::theme::Theme;
use serde_json::Value;
use std::borrow::Cow;
use std::sync::Arc;

type LayoutFn = Arc<dyn Fn() -> Component + Send + Sync>;

/// Where each window's layout comes from.
#[derive(Clone)]
pub enum LayoutSource {
    Value(Value),
    PerWindow(LayoutFn),
    /// A layout function's result with deskdash's own components beside it.
    Wrapped(Arc<dyn Fn() -> Value + Send + Sync>),
}

impl LayoutSource {
    /// The layout for one window: the shared value itself (not a copy: a layout may hold
    /// large store data), or a fresh one from the layout function.
    pub fn render(&self) -> Cow<'_, Value> {
        match self {
            LayoutSource::Value(v) => Cow::Borrowed(v),
            LayoutSource::PerWindow(f) => Cow::Owned(f().into_json()),
            LayoutSource::Wrapped(f) => Cow::Owned(f()),
        }
    }
}

impl LayoutSource {
    /// This layout with `extra` components beside it (the login machinery's own).
    pub(crate) fn with(self, extra: Vec<Component>) -> LayoutSource {
        let extra: Vec<Value> = extra.into_iter().map(Component::into_json).collect();
        let wrap = move |root: Value| {
            let mut children = vec![root];
            children.extend(extra.iter().cloned());
            serde_json::json!({"type": "Div", "props": {"children": children}})
        };
        match self {
            LayoutSource::Value(v) => LayoutSource::Value(wrap(v)),
            LayoutSource::PerWindow(f) => LayoutSource::Wrapped(Arc::new(move || wrap(f().into_json()))),
            LayoutSource::Wrapped(f) => LayoutSource::Wrapped(Arc::new(move || wrap(f()))),
        }
    }
}

/// A layout: a component, or a function returning one (called once per window).
pub trait IntoLayout {
    fn into_layout(self) -> LayoutSource;
}
impl IntoLayout for Component {
    fn into_layout(self) -> LayoutSource {
        LayoutSource::Value(self.into_json())
    }
}
impl<F: Fn() -> Component + Send + Sync + 'static> IntoLayout for F {
    fn into_layout(self) -> LayoutSource {
        LayoutSource::PerWindow(Arc::new(self))
    }
}

/// A callback after registration: every id parsed, every check passed.
pub struct CallbackSpec {
    pub name: String,
    /// Inputs, States and Triggers in declaration order.
    pub deps: Vec<Dep>,
    pub outputs: Vec<OutputDep>,
    pub multi_output: bool,
    pub(crate) invoker: Invoker,
    pub prevent_initial_call: bool,
    pub background: bool,
    /// How long a call may run before it is given up (see `Callback::timeout`).
    pub timeout: Option<std::time::Duration>,
    pub running: Vec<(OutputDep, Value, Value)>,
    pub progress: Vec<OutputDep>,
    pub cancel: Vec<Dep>,
    /// Whether the function can read `inputs_list`/`states_list` (a `Ctx` argument, or
    /// JavaScript): only then are they filled.
    pub(crate) reads_context: bool,
    /// Runs for a window that is not logged in (see `Callback::public`).
    pub public: bool,
}

impl CallbackSpec {
    pub fn firing(&self) -> impl Iterator<Item = &Dep> {
        self.deps.iter().filter(|d| d.fires())
    }
    /// `id.prop` of each Input and Trigger, for error reports.
    pub fn input_labels(&self) -> Vec<String> {
        self.firing().map(|d| d.to_string()).collect()
    }
    /// Whether this callback's effects outlive one wave (so the scheduler shows its
    /// `running` state and other results without waiting for it).
    pub fn is_long(&self) -> bool {
        self.background || !self.running.is_empty() || !self.progress.is_empty() || !self.cancel.is_empty()
    }
}

/// A registered app, shared by all its sessions.
pub struct AppSpec {
    pub name: String,
    pub layout: LayoutSource,
    pub callbacks: Vec<CallbackSpec>,
    pub suppress_callback_exceptions: bool,
    /// Values shared with callbacks by type (`App::shared`, the `Shared<T>` argument).
    pub shared: Arc<SharedValues>,
    /// The largest data a saved (session or local) store may hold, in bytes of JSON; None
    /// leaves the database's own bound.
    pub max_store_bytes: Option<usize>,
    /// The component kinds the app's layouts may use: the built-in ones and its own.
    pub catalog: Arc<Catalog>,
    /// The theme windows draw with (`App::theme`).
    pub theme: Theme,
    /// Scripts that register the app's own components with the renderer (`App::component_bundle`).
    pub component_bundles: Vec<String>,
    /// Background tasks started for each window (`App::task`).
    pub tasks: Vec<crate::push::Task>,
    /// The shortest time between two deliveries of pushed values to a window.
    pub push_interval: std::time::Duration,
    /// Whether windows get a File menu (New Window, Close Window, Quit); see `App::window_menu`.
    pub window_menu: bool,
    /// The app's pages (`App::register_page`), drawn into its `page_container`.
    pub pages: Arc<PageTable>,
    /// The login machinery, for an app with accounts (`App::auth`): the shell connects the
    /// keychain to it.
    pub auth: Option<Arc<AuthRuntime>>,
}

/// A clientside callback's JavaScript, as the renderer compiles it on load.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ClientsideFunction {
    /// The callback's index in the app, which each call names.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub callback: usize,
    pub name: String,
    pub source: String,
}

impl AppSpec {
    /// Every clientside callback's JavaScript, for the renderer to compile once per window.
    pub fn clientside_functions(&self) -> Vec<ClientsideFunction> {
        self.callbacks
            .iter()
            .enumerate()
            .filter_map(|(callback, spec)| match &spec.invoker {
                Invoker::Clientside(source) => {
                    Some(ClientsideFunction { callback, name: spec.name.clone(), source: source.to_string() })
                }
                _ => None,
            })
            .collect()
    }

    /// The layout as the renderer receives it: store data is left out. It stays in Rust; a
    /// clientside callback that reads a store receives the data as an argument of its call.
    pub fn layout_for_renderer(&self, layout: &Value) -> Value {
        without_store_data(layout)
    }
}

/// Whether a value holds a store anywhere (so sending it needs [`without_store_data`]).
pub(crate) fn holds_store(v: &Value) -> bool {
    match v {
        Value::Array(items) => items.iter().any(holds_store),
        Value::Object(obj) => obj.get("type").and_then(Value::as_str) == Some("Store") || obj.values().any(holds_store),
        _ => false,
    }
}

/// A copy of a layout without the `data` of its stores, made in one pass so the data (often
/// the largest part) is never copied.
pub(crate) fn without_store_data(v: &Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(items.iter().map(without_store_data).collect()),
        Value::Object(obj) => {
            let kind = obj.get("type").and_then(Value::as_str).unwrap_or_default();
            let copy = obj
                .iter()
                .map(|(k, v)| match (k.as_str(), v) {
                    ("props", Value::Object(props)) => {
                        let props = props
                            .iter()
                            .filter(|(name, _)| !catalog::stays_in_rust(kind, name))
                            .map(|(name, value)| (name.clone(), without_store_data(value)))
                            .collect();
                        (k.clone(), Value::Object(props))
                    }
                    _ => (k.clone(), without_store_data(v)),
                })
                .collect();
            Value::Object(copy)
        }
        other => other.clone(),
    }
}

/// Builds an app, in Dash's order: a layout, then callbacks, each followed by its options.
///
/// ```
/// # use deskdash_engine::*;
/// fn greet(name: String) -> String {
///     format!("Hello, {name}!")
/// }
/// fn count(n: u64) -> String {
///     format!("clicked {n} times")
/// }
/// let app = App::new("Hello")
///     .layout(div((input("name").value("world"), h2(id("greeting")), button("Count").id("count"), span(id("clicks")))))
///     .callback(Input::new("name", "value"), Output::new("greeting", "children"), greet)
///     .callback(Input::new("count", "n_clicks"), Output::new("clicks", "children"), count)
///     .prevent_initial_call();
/// assert!(app.build().is_ok());
/// ```
pub struct App {
    name: String,
    layout: Option<LayoutSource>,
    callbacks: Vec<Callback>,
    /// The callbacks registered by the last registration call, which option methods
    /// (`name`, `prevent_initial_call`, ...) apply to.
    last: std::ops::Range<usize>,
    /// An option method called before any callback: reported by `build`.
    misplaced_option: Option<&'static str>,
    shared: SharedValues,
    suppress_callback_exceptions: bool,
    prevent_initial_callbacks: bool,
    max_store_bytes: Option<usize>,
    catalog: Catalog,
    theme: Theme,
    component_bundles: Vec<String>,
    tasks: Vec<crate::push::Task>,
    push_interval: std::time::Duration,
    window_menu: bool,
    /// An own component whose name was refused: reported by `build`.
    refused_component: Option<String>,
    pages: PageTable,
    /// A page that could not be registered: reported by `build`.
    refused_page: Option<String>,
    auth: Option<Auth>,
}

impl App {
    pub fn new(name: &str) -> Self {
        App {
            name: name.to_string(),
            layout: None,
            callbacks: Vec::new(),
            last: 0..0,
            misplaced_option: None,
            shared: SharedValues::new(),
            suppress_callback_exceptions: false,
            prevent_initial_callbacks: false,
            max_store_bytes: None,
            catalog: Catalog::default(),
            theme: Theme::default(),
            component_bundles: Vec::new(),
            tasks: Vec::new(),
            push_interval: crate::push::DEFAULT_PUSH_INTERVAL,
            window_menu: false,
            refused_component: None,
            pages: PageTable::default(),
            refused_page: None,
            auth: None,
        }
    }

    /// Registers a page (Dash's `register_page`): drawn into the layout's
    /// [`page_container`](crate::pages::page_container) when the window's path matches.
    pub fn register_page(mut self, page: Page) -> Self {
        if let Err(reason) = self.pages.add(page) {
            self.refused_page.get_or_insert(reason);
        }
        self
    }

    /// What a path no page matches shows (by default: "Page not found" and a link home).
    pub fn not_found(mut self, layout: impl Fn(&PageArgs) -> Component + Send + Sync + 'static) -> Self {
        self.pages.set_not_found(Arc::new(layout));
        self
    }

    /// The pages registered so far, in menu order (Dash's `page_registry`), for building a
    /// navigation menu.
    pub fn page_registry(&self) -> Vec<PageEntry> {
        self.pages.entries()
    }

    /// Gives the app accounts: a login screen of its own, pages and callbacks protected
    /// unless declared public, an idle lock, and secrets in the system keychain.
    pub fn auth(mut self, auth: Auth) -> Self {
        if let Some(path) = &auth.settings_path {
            let secrets = auth.secrets.clone();
            self = self.register_page(Page::new(path, move |_| crate::auth::settings_page(&secrets)).name("Settings"));
        }
        self.auth = Some(auth);
        self
    }

    /// The theme every window draws with (Mantine's theme keys, and the colour scheme a
    /// window starts in); layouts may still switch it with a `MantineProvider`.
    pub fn theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// A background task started for each window when it opens and cancelled when it closes:
    /// a timer, a stream or a file watcher that sets the window's properties with its
    /// [`Pusher`](crate::push::Pusher) at any time, no polling (`interval` stays for Dash's).
    pub fn task<F, Fut>(mut self, task: F) -> Self
    where
        F: Fn(crate::push::Pusher) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        self.tasks.push(Arc::new(move |pusher| Box::pin(task(pusher))));
        self
    }

    /// The shortest time between two deliveries of pushed values to a window (16 ms unless
    /// set): a faster producer's values coalesce, the latest of each property kept.
    pub fn push_interval(mut self, interval: std::time::Duration) -> Self {
        self.push_interval = interval;
        self
    }

    /// Gives every window a File menu: New Window (Ctrl+N; a window with a session of its
    /// own, as [`Desktop::open_window`](crate::desktop::Desktop::open_window) opens), Close
    /// Window and Quit. The app quits when its last window closes.
    pub fn window_menu(mut self) -> Self {
        self.window_menu = true;
        self
    }

    /// A script that registers React components with the renderer
    /// (`deskdash.register("Swatch", Swatch)`), built from the app's `components/` folder:
    /// declare each with [`App::component`]. Windows load it before drawing the layout.
    pub fn component_bundle(mut self, script: impl Into<String>) -> Self {
        self.component_bundles.push(script.into());
        self
    }

    /// Adds one of the app's own component types (a React component its renderer bundle
    /// registers under the same name), whose props are validated like a built-in one's.
    pub fn component(mut self, kind: CustomKind) -> Self {
        if let Err(reason) = self.catalog.add(kind) {
            self.refused_component.get_or_insert(reason);
        }
        self
    }

    pub fn layout(mut self, layout: impl IntoLayout) -> Self {
        self.layout = Some(layout.into_layout());
        self
    }

    /// Registers a callback computed by a plain function: `fn(A1, A2, ..) -> T` where `T`
    /// is a plain value or a `Result` (see [`IntoCallbackResult`](crate::IntoCallbackResult)).
    /// Options for it follow: `.prevent_initial_call()`, `.name(..)`, `.background()`, ...
    pub fn callback<Args, H: Handler<Args>>(self, inputs: impl IntoDeps, outputs: impl IntoOutputs, f: H) -> Self {
        self.add(Callback::new(inputs, outputs, f))
    }

    /// Registers a callback computed by an async function.
    pub fn callback_async<Args, H: AsyncHandler<Args>>(self, inputs: impl IntoDeps, outputs: impl IntoOutputs, f: H) -> Self {
        self.add(Callback::new_async(inputs, outputs, f))
    }

    /// Registers one callback per `(inputs, outputs, function)` (a chain, a fan-out); options
    /// that follow apply to each.
    pub fn callbacks<Args, H, I, O>(mut self, each: impl IntoIterator<Item = (I, O, H)>) -> Self
    where
        H: Handler<Args>,
        I: IntoDeps,
        O: IntoOutputs,
    {
        let start = self.callbacks.len();
        self.callbacks.extend(each.into_iter().map(|(inputs, outputs, f)| Callback::new(inputs, outputs, f)));
        self.last = start..self.callbacks.len();
        self
    }

    /// Registers a fully configured callback.
    pub fn add(mut self, callback: Callback) -> Self {
        self.callbacks.push(callback);
        self.last = self.callbacks.len() - 1..self.callbacks.len();
        self
    }

    /// Registers a JavaScript callback the renderer runs (see [`Callback::clientside`]).
    pub fn clientside_callback(self, inputs: impl IntoDeps, outputs: impl IntoOutputs, function: &str) -> Self {
        self.add(Callback::clientside(inputs, outputs, function))
    }

    /// Shares a value with every callback that takes a [`Shared<T>`](crate::Shared) argument:
    /// by reference, never serialized (data loaded once, a model, a connection pool).
    pub fn shared<T: Send + Sync + 'static>(mut self, value: T) -> Self {
        self.shared.insert(std::any::TypeId::of::<T>(), Arc::new(value));
        self
    }

    fn with_last(mut self, option: &'static str, set: impl Fn(Callback) -> Callback) -> Self {
        if self.last.is_empty() {
            self.misplaced_option.get_or_insert(option);
        }
        let last = self.last.clone();
        self.callbacks =
            self.callbacks.into_iter().enumerate().map(|(i, cb)| if last.contains(&i) { set(cb) } else { cb }).collect();
        self
    }

    /// Names the callback(s) just registered in errors, logs and call counts (default: the
    /// function's name, or its outputs for a closure).
    pub fn name(self, name: &str) -> Self {
        self.with_last("name", |cb| cb.name(name))
    }

    /// Skips the call on layout load for the callback(s) just registered (Dash's
    /// `prevent_initial_call=True`).
    pub fn prevent_initial_call(self) -> Self {
        self.with_last("prevent_initial_call", |cb| cb.prevent_initial_call(true))
    }

    /// Lets the callback just registered run for a window that is not logged in (see
    /// [`App::auth`]; dash-auth's `public_callback`).
    pub fn public(self) -> Self {
        self.with_last("public", Callback::public)
    }

    /// Runs the callback just registered on the blocking pool (Dash's `background=True`).
    pub fn background(self) -> Self {
        self.with_last("background", Callback::background)
    }

    /// Gives up on calls of the callback just registered that run longer than `limit`.
    pub fn timeout(self, limit: std::time::Duration) -> Self {
        self.with_last("timeout", |cb| cb.timeout(limit))
    }

    /// Sets `output` to `during` while the callback just registered runs, `after` when done.
    pub fn running(self, output: Output, during: impl serde::Serialize, after: impl serde::Serialize) -> Self {
        let during = serde_json::to_value(during).unwrap_or(Value::Null);
        let after = serde_json::to_value(after).unwrap_or(Value::Null);
        self.with_last("running", |cb| cb.running(output.clone(), during.clone(), after.clone()))
    }

    /// Properties that `Ctx::set_progress` writes while the callback just registered runs.
    pub fn progress(self, output: Output) -> Self {
        self.with_last("progress", |cb| cb.progress(output.clone()))
    }

    /// A property whose change aborts a running call of the callback just registered.
    pub fn cancel(self, input: crate::deps::Input) -> Self {
        self.with_last("cancel", |cb| cb.cancel(input.clone()))
    }

    /// Allows callbacks on ids that only appear later (Dash's `suppress_callback_exceptions`).
    pub fn suppress_callback_exceptions(mut self, on: bool) -> Self {
        self.suppress_callback_exceptions = on;
        self
    }

    /// The most a session or local store may hold, in bytes of JSON (256 MB unless set): a
    /// larger write is refused with a notice naming the store, which keeps what was saved.
    pub fn max_store_bytes(mut self, bytes: usize) -> Self {
        self.max_store_bytes = Some(bytes);
        self
    }

    /// Default for `prevent_initial_call` on every callback that does not set it.
    pub fn prevent_initial_callbacks(mut self, on: bool) -> Self {
        self.prevent_initial_callbacks = on;
        self
    }

    /// The app's name (its window title).
    pub fn title(&self) -> &str {
        &self.name
    }

    /// Checks everything and freezes the app.
    pub fn build(mut self) -> Result<Arc<AppSpec>> {
        if let Some(option) = self.misplaced_option {
            return Err(EngineError::InvalidCallback {
                callback: "(none)".into(),
                reason: format!("{option}() applies to the callback registered before it, and none was"),
            });
        }
        if let Some(reason) = self.refused_component {
            return Err(EngineError::InvalidComponent { reason });
        }
        if let Some(reason) = self.refused_page {
            return Err(EngineError::InvalidPage { reason });
        }
        if self.auth.is_some() && self.pages.is_empty() {
            return Err(EngineError::InvalidPage {
                reason: "App::auth protects pages: register the app's pages with register_page".into(),
            });
        }
        let catalog = Arc::new(self.catalog);
        let mut layout = self.layout.unwrap_or_else(|| LayoutSource::Value(Component::new("Div").into_json()));
        // The settings page holds the account management forms their callbacks need.
        let has_settings = self.auth.as_ref().is_some_and(|a| a.settings_path.is_some());
        let auth = self.auth.map(|a| Arc::new(AuthRuntime::new(a)));
        let pages = Arc::new(self.pages);
        if auth.is_some() {
            layout = layout.with(vec![crate::auth::user_store(), crate::auth::lock_overlay()]);
        }
        if !pages.is_empty() {
            self.callbacks.push(crate::pages::router(pages.clone(), auth.is_some(), self.name.clone()));
        }
        if auth.is_some() {
            self.callbacks.extend(crate::auth::builtin_callbacks());
            if has_settings {
                self.callbacks.extend(crate::auth::account_callbacks());
            }
        }
        let registry = Registry::from_layout(&layout.render(), catalog.clone())?;
        let mut registries = vec![registry];
        for (path, page) in pages.validation_layouts() {
            let page_registry = Registry::from_layout(&page.into_json(), catalog.clone())
                .map_err(|e| EngineError::InvalidPage { reason: format!("page {path}: {e}") })?;
            registries.push(page_registry);
        }
        let fn_names: Vec<&str> = self.callbacks.iter().filter(|c| c.name.is_none()).filter_map(|c| c.fn_name).collect();
        let mut specs = Vec::with_capacity(self.callbacks.len());
        let builtins: Vec<bool> = self.callbacks.iter().map(|c| c.builtin).collect();
        for (index, mut cb) in self.callbacks.into_iter().enumerate() {
            // A function registered for several callbacks names each by its index too.
            if let (None, Some(f)) = (&cb.name, cb.fn_name) {
                let shared = fn_names.iter().filter(|n| **n == f).count() > 1;
                cb.name = Some(if shared { format!("{f}#{index}") } else { f.to_string() });
            }
            if let Some((_, type_name)) = cb.shared_needs.iter().find(|(t, _)| !self.shared.contains_key(t)) {
                return Err(EngineError::InvalidCallback {
                    callback: cb.name.clone().unwrap_or_else(|| format!("callback#{index}")),
                    reason: format!("it takes Shared<{type_name}>, but the app shares no such value (add .shared(value))"),
                });
            }
            specs.push(resolve(index, cb, self.prevent_initial_callbacks)?);
        }
        for (spec, builtin) in specs.iter().zip(builtins) {
            if !builtin {
                check_ids(spec, &registries, self.suppress_callback_exceptions)?;
            }
        }
        check_duplicate_outputs(&specs)?;
        check_cycles(&specs)?;
        Ok(Arc::new(AppSpec {
            name: self.name,
            layout,
            callbacks: specs,
            suppress_callback_exceptions: self.suppress_callback_exceptions,
            shared: Arc::new(self.shared),
            max_store_bytes: self.max_store_bytes,
            catalog,
            theme: self.theme,
            component_bundles: self.component_bundles,
            tasks: self.tasks,
            push_interval: self.push_interval,
            window_menu: self.window_menu,
            pages,
            auth,
        }))
    }
}

fn default_name(index: usize, clientside: bool, outputs: &[OutputDep], deps: &[Dep]) -> String {
    let kind = if clientside { "clientside" } else { "callback" };
    if outputs.is_empty() {
        let first = deps.iter().find(|d| d.fires()).map(|d| d.to_string()).unwrap_or_default();
        return format!("{kind}#{index}(on {first})");
    }
    let outs: Vec<String> = outputs.iter().map(|o| o.to_string()).collect();
    format!("{kind}#{index}({})", outs.join(", "))
}

fn resolve(index: usize, cb: Callback, prevent_default: bool) -> Result<CallbackSpec> {
    let provisional = cb.name.clone().unwrap_or_else(|| format!("callback#{index}"));
    let bad = |reason: String| EngineError::InvalidCallback { callback: provisional.clone(), reason };
    let dep = |spec: DepSpec, kind: DepKind| -> Result<Dep> {
        let id = spec.id.map_err(|e| bad(format!("{kind:?} on property {}: {e}", spec.prop)))?;
        Ok(Dep { id, prop: spec.prop, kind })
    };
    let output = |o: Output| -> Result<OutputDep> {
        let id = o.spec.id.map_err(|e| bad(format!("Output on property {}: {e}", o.spec.prop)))?;
        Ok(OutputDep { id, prop: o.spec.prop, allow_duplicate: o.allow_duplicate })
    };
    let deps = cb.deps.into_iter().map(|(s, k)| dep(s, k)).collect::<Result<Vec<_>>>()?;
    let outputs = cb.outputs.into_iter().map(output).collect::<Result<Vec<_>>>()?;
    let clientside = matches!(cb.invoker, Invoker::Clientside(_));
    let name = cb.name.unwrap_or_else(|| default_name(index, clientside, &outputs, &deps));
    if !deps.iter().any(Dep::fires) {
        return Err(EngineError::InvalidCallback { callback: name, reason: "it has no Input or Trigger".into() });
    }
    let declared = deps.iter().filter(|d| d.passes_value()).count();
    if !cb.arity.accepts(declared) {
        let takes = if cb.arity.rest { format!("at least {}", cb.arity.values) } else { cb.arity.values.to_string() };
        return Err(EngineError::Arity { callback: name, takes, declared });
    }
    let running = cb.running.into_iter().map(|r| Ok((output(r.output)?, r.during, r.after))).collect::<Result<Vec<_>>>()?;
    let progress = cb.progress.into_iter().map(output).collect::<Result<Vec<_>>>()?;
    let cancel = cb.cancel.into_iter().map(|s| dep(s, DepKind::Input)).collect::<Result<Vec<_>>>()?;
    if clientside && (cb.background || !progress.is_empty()) {
        return Err(EngineError::InvalidCallback {
            callback: name,
            reason: "background and progress apply to Rust functions; a clientside callback runs in the renderer".into(),
        });
    }
    if cb.background && matches!(cb.invoker, Invoker::Async(_)) {
        return Err(EngineError::InvalidCallback {
            callback: name,
            reason: "background applies to plain functions; async callbacks already run off the window's path".into(),
        });
    }
    let prevent_initial_call = cb.prevent_initial_call.unwrap_or(prevent_default);
    if let Some(dup) = outputs.iter().find(|o| o.allow_duplicate).filter(|_| !prevent_initial_call) {
        return Err(EngineError::InvalidCallback {
            callback: name,
            reason: format!("output {dup} has allow_duplicate, which needs prevent_initial_call (as in Dash): on load, duplicate writers would race"),
        });
    }
    Ok(CallbackSpec {
        name,
        deps,
        outputs,
        multi_output: cb.multi_output,
        reads_context: cb.reads_context,
        invoker: cb.invoker,
        prevent_initial_call,
        background: cb.background,
        timeout: cb.timeout,
        running,
        progress,
        cancel,
        public: cb.public,
    })
}

/// Checks a callback's exact ids against the app's layouts (the root and each page's): an
/// id must be in one of them, with the property its component has.
fn check_ids(spec: &CallbackSpec, registries: &[Registry], dynamic: bool) -> Result<()> {
    let mut all: Vec<(&'static str, &DepId, &str)> = Vec::new();
    for d in &spec.deps {
        let role = match d.kind {
            DepKind::Input => "Input",
            DepKind::State => "State",
            DepKind::Trigger => "Trigger",
        };
        all.push((role, &d.id, &d.prop));
    }
    for o in spec.outputs.iter().chain(spec.progress.iter()).chain(spec.running.iter().map(|r| &r.0)) {
        all.push(("Output", &o.id, &o.prop));
    }
    for d in &spec.cancel {
        all.push(("cancel Input", &d.id, &d.prop));
    }
    for (role, id, prop) in all {
        let DepId::Exact(exact) = id else { continue };
        let key = id_key(exact);
        match registries.iter().find_map(|r| r.nodes.get(&key).map(|n| (r, n))) {
            Some((registry, node)) if registry.catalog.prop_type(&node.kind, prop).is_none() => {
                return Err(EngineError::UnknownDependencyProp {
                    callback: spec.name.clone(),
                    role,
                    id: exact.to_string(),
                    prop: prop.to_string(),
                    component: node.kind.clone(),
                })
            }
            Some(_) => {}
            None if dynamic => {}
            None => {
                return Err(EngineError::IdNotInLayout {
                    callback: spec.name.clone(),
                    role,
                    id: exact.to_string(),
                    prop: prop.to_string(),
                })
            }
        }
    }
    Ok(())
}

fn check_duplicate_outputs(specs: &[CallbackSpec]) -> Result<()> {
    for (i, a) in specs.iter().enumerate() {
        for b in &specs[i + 1..] {
            for oa in &a.outputs {
                for ob in &b.outputs {
                    let clash = oa.prop == ob.prop && oa.id.may_overlap(&ob.id);
                    if clash && !oa.allow_duplicate && !ob.allow_duplicate {
                        return Err(EngineError::DuplicateOutput {
                            callback: b.name.clone(),
                            id: ob.id.to_string(),
                            prop: ob.prop.clone(),
                            owner: a.name.clone(),
                        });
                    }
                }
            }
        }
    }
    Ok(())
}

/// Callback-level edges: `a -> b` when an output of `a` may fire `b`.
pub(crate) fn feeds(a: &CallbackSpec, b: &CallbackSpec) -> bool {
    a.outputs.iter().any(|o| b.firing().any(|d| d.prop == o.prop && d.id.may_overlap(&o.id)))
}

fn check_cycles(specs: &[CallbackSpec]) -> Result<()> {
    let n = specs.len();
    let edges: Vec<Vec<usize>> = (0..n).map(|a| (0..n).filter(|&b| a != b && feeds(&specs[a], &specs[b])).collect()).collect();
    // 0 = unvisited, 1 = on the current path, 2 = done
    let mut state = vec![0u8; n];
    let mut path = Vec::new();
    fn visit(v: usize, edges: &[Vec<usize>], state: &mut [u8], path: &mut Vec<usize>) -> Option<Vec<usize>> {
        state[v] = 1;
        path.push(v);
        for &w in &edges[v] {
            if state[w] == 1 {
                let start = path.iter().position(|&p| p == w).unwrap_or(0);
                let mut cycle = path[start..].to_vec();
                cycle.push(w);
                return Some(cycle);
            }
            if state[w] == 0 {
                if let Some(c) = visit(w, edges, state, path) {
                    return Some(c);
                }
            }
        }
        path.pop();
        state[v] = 2;
        None
    }
    for v in 0..n {
        if state[v] == 0 {
            if let Some(cycle) = visit(v, &edges, &mut state, &mut path) {
                return Err(EngineError::Cycle { members: cycle.into_iter().map(|i| specs[i].name.clone()).collect() });
            }
        }
    }
    Ok(())
}
