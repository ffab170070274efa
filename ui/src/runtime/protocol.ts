// Generated from src-tauri/src/protocol.rs and the engine's message types by ts-rs.
// Do not edit: run `DESKDASH_WRITE_PROTOCOL=1 cargo test -p deskdash protocol` to regenerate.

import type { ComponentNode } from "./ids";

export type ScalarKey = boolean | number | string;

export type ComponentId = string | { [key in string]?: ScalarKey };

export type PathSeg = number | string;

export type PatchOp = { "op": "assign", path: Array<PathSeg>, value: unknown, } | { "op": "delete", path: Array<PathSeg>, } | { "op": "append", path: Array<PathSeg>, value: unknown, } | { "op": "prepend", path: Array<PathSeg>, value: unknown, } | { "op": "extend", path: Array<PathSeg>, value: unknown[], } | { "op": "insert", path: Array<PathSeg>, index: number, value: unknown, } | { "op": "merge", path: Array<PathSeg>, value: Record<string, unknown>, } | { "op": "remove", path: Array<PathSeg>, value: unknown, };

export type UpdateKind = { "value": unknown } | { "patch": Array<PatchOp> };

export type PropUpdate = { id: ComponentId, prop: string, } & ({ "value": unknown } | { "patch": Array<PatchOp> });

export type PatchBatch = { wave: number, updates: Array<PropUpdate>, 
/**
 * Ids of components that callbacks are computing right now (for `loading` spinners).
 */
busy: Array<ComponentId>, 
/**
 * Microseconds from the user change that started this wave to this batch, in Rust.
 */
compute_us: number, };

export type ErrorReport = { 
/**
 * The callback's name, or "engine" for errors outside any callback.
 */
callback: string, 
/**
 * `id.prop` of each Input of the failing callback.
 */
inputs: Array<string>, message: string, };

export type ClientsideContext = { 
/**
 * `[{prop_id: "id.prop", value}]` of what fired the call; empty on the initial call.
 */
triggered: unknown[], triggered_id: ComponentId | null, inputs_list: unknown[], states_list: unknown[], outputs_list: unknown[], };

export type ClientsideCall = { 
/**
 * Names this call in the answer.
 */
call: number, 
/**
 * The callback's index in the app (see `AppSpec::clientside_functions`).
 */
callback: number, name: string, 
/**
 * Input and State values in declaration order (Triggers pass none).
 */
args: unknown[], 
/**
 * Dash's `dash_clientside.callback_context`.
 */
context: ClientsideContext, };

export type ClientsideFunction = { 
/**
 * The callback's index in the app, which each call names.
 */
callback: number, name: string, source: string, };

export type ClientsideOutcome = { "kind": "value", value: unknown, } | { "kind": "prevent" } | { "kind": "error", message: string, };

export type SetProps = { id: ComponentId, props: Record<string, unknown>, };

export type ClientsideResult = { call: number, outcome: ClientsideOutcome, 
/**
 * `dash_clientside.set_props(id, props)` calls made while the function ran.
 */
set_props: Array<SetProps>, };

export type Change = { id: ComponentId, prop: string, value: unknown, };

export type ChangeMessage = { changes: Array<Change>, };

export type ApplyReply = { batch: PatchBatch | null, };

export type Theme = "light" | "dark";

export type ColorScheme = "light" | "dark" | "auto";

export type NoticeTone = "info" | "warning";

export type Notice = { title: string, message: string, tone: NoticeTone, };

export type LoadMessage = { title: string, 
/**
 * Debug builds show callback errors in an overlay.
 */
debug: boolean, 
/**
 * Whether the renderer records timings on `window` for benchmarks and tests (debug
 * builds, or `DESKDASH_INSTRUMENT` set); a shipped app leaves no such globals.
 */
instrument: boolean, layout: ComponentNode, batches: Array<PatchBatch>, clientside: Array<ClientsideFunction>, 
/**
 * How many scripts of the app's own components to load (`components-<n>.js`) before
 * the layout is drawn.
 */
component_bundles: number, 
/**
 * What the user must be told at once, in every build (a database set aside, an update
 * installed or refused).
 */
notices: Array<Notice>, 
/**
 * The theme the user chose last (`remember_theme`), if any.
 */
theme: Theme | null, 
/**
 * The app's theme (`App::theme`): Mantine theme keys merged over the default theme.
 */
app_theme: Record<string, unknown>, 
/**
 * The colour scheme a window starts in when the user has not picked one.
 */
color_scheme: ColorScheme, };

export type ToWindow = { "kind": "load" } & LoadMessage | { "kind": "batch", batch: PatchBatch, } | { "kind": "error", error: ErrorReport, } | { "kind": "clientside", call: ClientsideCall, } | { "kind": "notice" } & Notice;
