//! deskdash-engine: Dash's reactive callback semantics, headless.
//!
//! A layout of components and callbacks (`Input`, `State`, `Output`) is registered in an
//! [`App`]; each window is a [`Session`] that owns its property values, runs callbacks in
//! Dash's order and streams patch batches. No transport, storage or UI lives here; the
//! [`testing`] harness drives sessions in-process.

pub mod app;
pub mod auth;
pub mod callback;
pub mod catalog;
pub mod component;
pub mod context;
pub mod deps;
pub mod desktop;
pub mod dmc;
pub mod error;
pub mod handler;
pub mod id;
mod instances;
mod layout;
pub mod memo;
pub mod messages;
pub mod output;
pub mod pages;
pub mod patch;
pub mod push;
pub mod table;
pub mod serverside;
pub mod session;
pub mod storage;
pub mod testing;
pub mod theme;

pub use app::{App, AppSpec, ClientsideFunction, IntoLayout};
pub use auth::{logout_button, Auth, AuthBackend, AuthFault, Login, Secrets};
pub use pages::{page_container, Page, PageArgs, PageEntry};
pub use callback::Callback;
pub use catalog::{CustomKind, PropType};
pub use theme::{ColorScheme, Theme};
pub use component::*;
pub use context::Ctx;
pub use deps::{Input, Output, State, Trigger};
pub use desktop::{Desktop, DesktopRequest, PickedFile, SavedFile};
pub use error::{CallbackError, EngineError, ErrorReport, PreventUpdate, Result};
pub use handler::{CallbackResult, IntoCallbackResult, NoUpdate, Rest, Shared, Update};
pub use id::{ComponentId, ALL, ALLSMALLER, MATCH};
pub use patch::{Patch, PatchOp, PathSeg};
pub use push::{PushStats, Pusher};
pub use messages::{
    Change, ClientsideCall, ClientsideContext, ClientsideOutcome, ClientsideResult, InitialLoad, PatchBatch, PropUpdate, SessionEvent,
    SetProps, UpdateKind,
};
pub use output::Produced;
pub use memo::{Memo, MemoDisk, MemoOptions};
pub use serverside::{IntoOutput, Serverside};
pub use session::{Session, SessionEvents, QUICK_WAVE};
pub use storage::{Entry, MemoryBackend, Saved, Scope, StorageFault, StoreBackend, StoreWrite, Stores};
