//! Every message between Rust and the window, as tagged types: the one home of the wire
//! format. The renderer's TypeScript declarations (`ui/src/runtime/protocol.ts`) are
//! generated from these types by ts-rs, and a test fails when the two drift apart.
//!
//! To the window: `ToWindow` on the window's Channel, and `ApplyReply` as the answer to
//! `apply_changes`. From the window: `ChangeMessage` (`apply_changes`) and the engine's
//! `ClientsideResult` (`clientside_result`).

use deskdash_engine::{Change, ClientsideFunction, ColorScheme, ErrorReport, PatchBatch, SessionEvent};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// A message on a window's Channel, in the order the session produced it.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ToWindow {
    /// The first message: the layout, the initial callbacks' batches, and the clientside
    /// functions to compile.
    Load(LoadMessage),
    Batch {
        batch: PatchBatch,
    },
    Error {
        error: ErrorReport,
    },
    Clientside {
        call: deskdash_engine::ClientsideCall,
    },
    /// Shown to the user in every build: a store not saved, a database set aside, an update
    /// installed or refused.
    Notice(Notice),
}

/// Something the user is told in every build, at the top of the window until dismissed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Notice {
    pub title: String,
    pub message: String,
    pub tone: NoticeTone,
}

/// Whether a notice reports news (blue) or something that went wrong (orange).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum NoticeTone {
    Info,
    Warning,
}

impl Notice {
    /// About the app's stores: one not saved, a database set aside.
    pub fn saved_data(message: impl Into<String>) -> Self {
        Notice { title: "Saved data".into(), message: message.into(), tone: NoticeTone::Warning }
    }

    /// About a file the user picked or saved through a dialog.
    pub fn file(message: impl Into<String>) -> Self {
        Notice { title: "File".into(), message: message.into(), tone: NoticeTone::Warning }
    }

    pub fn updated(message: impl Into<String>) -> Self {
        Notice { title: "Updated".into(), message: message.into(), tone: NoticeTone::Info }
    }

    pub fn update_refused(message: impl Into<String>) -> Self {
        Notice { title: "Update refused".into(), message: message.into(), tone: NoticeTone::Warning }
    }
}

#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct LoadMessage {
    pub title: String,
    /// Debug builds show callback errors in an overlay.
    pub debug: bool,
    /// Whether the renderer records timings on `window` for benchmarks and tests (debug
    /// builds, or `DESKDASH_INSTRUMENT` set); a shipped app leaves no such globals.
    pub instrument: bool,
    #[cfg_attr(test, ts(type = "ComponentNode"))]
    pub layout: Value,
    pub batches: Vec<PatchBatch>,
    pub clientside: Vec<ClientsideFunction>,
    /// How many scripts of the app's own components to load (`components-<n>.js`) before
    /// the layout is drawn.
    pub component_bundles: usize,
    /// What the user must be told at once, in every build (a database set aside, an update
    /// installed or refused).
    pub notices: Vec<Notice>,
    /// The theme the user chose last (`remember_theme`), if any.
    pub theme: Option<Theme>,
    /// The app's theme (`App::theme`): Mantine theme keys merged over the default theme.
    #[cfg_attr(test, ts(type = "Record<string, unknown>"))]
    pub app_theme: Value,
    /// The colour scheme a window starts in when the user has not picked one.
    pub color_scheme: ColorScheme,
}

/// What the window is told of a session event; the shell keeps requests to the desktop.
pub enum Routed {
    ToWindow(ToWindow),
    Desktop(deskdash_engine::DesktopRequest),
}

impl From<SessionEvent> for Routed {
    fn from(event: SessionEvent) -> Self {
        match event {
            SessionEvent::Batch { batch } => Routed::ToWindow(ToWindow::Batch { batch }),
            SessionEvent::Error { error } => Routed::ToWindow(ToWindow::Error { error }),
            SessionEvent::Clientside { call } => Routed::ToWindow(ToWindow::Clientside { call }),
            SessionEvent::Notice { message } => Routed::ToWindow(ToWindow::Notice(Notice::saved_data(message))),
            SessionEvent::Desktop { request } => Routed::Desktop(request),
        }
    }
}

/// The light or dark theme (`remember_theme`, and the load message's `theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    Light,
    Dark,
}

/// What the user changed (`apply_changes`).
#[derive(Debug, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ChangeMessage {
    pub changes: Vec<Change>,
}

/// The answer to `apply_changes`: the batch of the wave the change started, when that wave
/// finished quickly (one round trip); else `null`, and the batch follows on the Channel.
#[derive(Debug, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ApplyReply {
    pub batch: Option<PatchBatch>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use deskdash_engine::id::{ComponentId, ScalarKey};
    use deskdash_engine::{
        ClientsideCall, ClientsideContext, ClientsideOutcome, ClientsideResult, PatchOp, PathSeg, PropUpdate, SetProps,
        UpdateKind,
    };
    use ts_rs::TS;

    /// The generated declarations, in dependency order, as `protocol.ts` holds them.
    fn declarations() -> String {
        let decls = [
            ScalarKey::decl(),
            ComponentId::decl(),
            PathSeg::decl(),
            PatchOp::decl(),
            UpdateKind::decl(),
            PropUpdate::decl(),
            PatchBatch::decl(),
            ErrorReport::decl(),
            ClientsideContext::decl(),
            ClientsideCall::decl(),
            ClientsideFunction::decl(),
            ClientsideOutcome::decl(),
            SetProps::decl(),
            ClientsideResult::decl(),
            Change::decl(),
            ChangeMessage::decl(),
            ApplyReply::decl(),
            Theme::decl(),
            ColorScheme::decl(),
            NoticeTone::decl(),
            Notice::decl(),
            LoadMessage::decl(),
            ToWindow::decl(),
        ];
        let mut out = String::from(
            "// Generated from src-tauri/src/protocol.rs and the engine's message types by ts-rs.\n\
             // Do not edit: run `DESKDASH_WRITE_PROTOCOL=1 cargo test -p deskdash protocol` to regenerate.\n\n\
             import type { ComponentNode } from \"./ids\";\n",
        );
        for d in decls {
            out.push_str("\nexport ");
            out.push_str(&d);
            out.push('\n');
        }
        out
    }

    #[test]
    fn protocol_ts_is_generated_from_these_types() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/runtime/protocol.ts");
        check_generated(&path, &declarations());
    }

    /// Writes `generated` to `path` when asked, then checks the file holds it.
    fn check_generated(path: &std::path::Path, generated: &str) {
        if std::env::var_os("DESKDASH_WRITE_PROTOCOL").is_some() {
            std::fs::write(path, generated).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            have == generated,
            "{} is out of date with the Rust types; regenerate it with DESKDASH_WRITE_PROTOCOL=1 cargo test -p deskdash protocol",
            path.display()
        );
    }

    /// The engine's component catalog as the renderer's tests read it (each kind with its
    /// props' types and the props a user's action changes; the registry and family tests hold
    /// every component to it), and the kinds' names the renderer itself ships (it draws the
    /// ones it has not loaded yet from them).
    #[test]
    fn protocol_catalog_json_is_the_engines_catalog() {
        let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui");
        let full = serde_json::to_string_pretty(&deskdash_engine::catalog::describe()).unwrap_or_default() + "\n";
        check_generated(&ui.join("test/fixtures/catalog.json"), &full);
        let names: Vec<&str> = deskdash_engine::catalog::all().into_iter().map(|(kind, _)| kind).collect();
        check_generated(&ui.join("src/kinds.json"), &(serde_json::to_string(&names).unwrap_or_default() + "\n"));
    }

    #[test]
    fn messages_serialize_with_their_kind_tag() -> Result<(), serde_json::Error> {
        let error = ErrorReport { callback: "cb".into(), inputs: vec!["a.value".into()], message: "boom".into() };
        let Routed::ToWindow(message) = Routed::from(SessionEvent::Error { error }) else {
            panic!("an error goes to the window")
        };
        let v = serde_json::to_value(message)?;
        assert_eq!(
            v,
            serde_json::json!({"kind": "error", "error": {"callback": "cb", "inputs": ["a.value"], "message": "boom"}})
        );
        let load = ToWindow::Load(LoadMessage {
            title: "t".into(),
            debug: false,
            instrument: false,
            layout: Value::Null,
            batches: vec![],
            clientside: vec![],
            component_bundles: 0,
            notices: vec![],
            theme: None,
            app_theme: serde_json::json!({}),
            color_scheme: ColorScheme::Light,
        });
        assert_eq!(serde_json::to_value(load)?["kind"], "load");
        let notice = serde_json::to_value(ToWindow::Notice(Notice::update_refused("bad signature")))?;
        assert_eq!(
            notice,
            serde_json::json!({"kind": "notice", "title": "Update refused", "message": "bad signature", "tone": "warning"})
        );
        let reply = serde_json::to_value(ApplyReply { batch: None })?;
        assert_eq!(reply, serde_json::json!({"batch": null}));
        Ok(())
    }
}
