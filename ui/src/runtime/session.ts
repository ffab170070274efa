// One window's session as the renderer sees it: the store, the transport, clientside
// callbacks and error reporting wired together. Components only call `setProps`.

import { Clientside } from "./clientside";
import { errorLog, noticeLog } from "./errors";
import { type ComponentId, idKey } from "./ids";
import { recordAnswer, recordApply, recordWave } from "./instrument";
import type { ColorScheme, PatchBatch, Theme } from "./protocol";
import { Store } from "./store";
import type { Change, LoadMessage, PushMessage, Transport } from "./transport";
import { WaveOrder } from "./waves";

/** Props a user event changes that nothing on screen shows: recording them does not redraw
 * the component, so a click costs no render while its answer is on the way from Rust
 * (components read them at event time through `ComponentProps.current`). */
export const UNSEEN_PROPS: ReadonlySet<string> = new Set(["n_clicks", "n_clicks_timestamp"]);

export class WindowSession {
  readonly store = new Store();
  readonly clientside: Clientside;
  debug = false;
  /** Whether the shell asked for benchmark timings (see `instrument.ts`). */
  instrument = false;
  title = "";
  /** The theme the user chose last, from the load message. */
  theme: Theme | null = null;
  /** The app's theme overrides (`App::theme`) and the scheme a window starts in. */
  appTheme: Record<string, unknown> = {};
  colorScheme: ColorScheme = "light";
  /** Messages pushed before the load message is processed (the Channel delivers them at
   * once, ahead of the continuation that loads the layout and compiles the functions). */
  private early: PushMessage[] | null = [];
  /** Batches come as answers to changes and on the Channel; they are applied in wave order. */
  private waves = new WaveOrder(
    (b) => this.applyBatch(b),
    (missing, resumeAt) => errorLog.push({ source: "renderer", inputs: [], message: `wave ${missing} never arrived; continuing at wave ${resumeAt}` }),
  );

  constructor(private transport: Transport) {
    const compile = transport.compile?.bind(transport);
    this.clientside = new Clientside((id, props) => this.setProps(id, props), compile);
  }

  async start(): Promise<LoadMessage> {
    const load = await this.transport.connect((m) => (this.early ? this.early.push(m) : this.onPush(m)));
    this.debug = load.debug;
    this.instrument = load.instrument;
    this.title = load.title;
    this.theme = load.theme;
    this.appTheme = load.app_theme;
    this.colorScheme = load.color_scheme;
    this.store.load(load.layout);
    this.waves.reset();
    for (const b of load.batches) this.waves.receive(b);
    for (const notice of load.notices) noticeLog.push(notice);
    this.clientside.load(load.clientside);
    await this.loadBundles(load.component_bundles);
    const early = this.early ?? [];
    this.early = null;
    early.forEach((m) => this.onPush(m));
    return load;
  }

  /** Loads the app's own components before the layout that uses them is drawn; a bundle
   * that fails is reported, and its components draw as unknown. */
  private async loadBundles(count: number): Promise<void> {
    const load = this.transport.loadBundle?.bind(this.transport);
    if (!load) return;
    await Promise.all(
      Array.from({ length: count }, (_, n) =>
        load(n).catch((e: unknown) => errorLog.push({ source: `component bundle ${n}`, inputs: [], message: String(e) })),
      ),
    );
  }

  /** A user change: one call is one message to Rust (as each `setProps` is one dispatch in
   * Dash's renderer), sent before the store repaints the component, so the round trip to
   * Rust overlaps React's render instead of waiting for it. A quick wave's batch comes back
   * as the answer: one round trip from click to repaint. */
  setProps(id: ComponentId, changes: Record<string, unknown>): void {
    const sent: Change[] = Object.entries(changes).map(([prop, value]) => ({ id, prop, value }));
    if (sent.length > 0) {
      const started = this.instrument ? performance.now() : 0;
      this.transport
        .send(sent)
        .then((batch) => {
          if (this.instrument) recordAnswer(started);
          if (batch) this.waves.receive(batch);
        })
        .catch((e: unknown) => ipcFailed(e, sent.map((c) => `${idKey(c.id)}.${c.prop}`)));
    }
    this.store.set(idKey(id), changes, { redraw: Object.keys(changes).some((prop) => !UNSEEN_PROPS.has(prop)) });
  }

  /** Saves the user's theme in Rust, for every window and the next start. */
  rememberTheme(theme: Theme): void {
    this.theme = theme;
    this.transport.rememberTheme?.(theme).catch((e: unknown) => ipcFailed(e, ["theme"]));
  }

  private applyBatch(batch: PatchBatch): void {
    if (!this.instrument) {
      this.store.applyBatch(batch);
      return;
    }
    recordWave(batch.compute_us);
    const started = performance.now();
    this.store.applyBatch(batch);
    recordApply(started);
  }

  private onPush(m: PushMessage): void {
    if (m.kind === "batch") {
      this.waves.receive(m.batch);
    } else if (m.kind === "clientside") {
      const { call } = m;
      void this.clientside
        .run(call)
        .then((result) => this.transport.answer(result))
        .catch((e: unknown) => ipcFailed(e, [call.name]));
    } else if (m.kind === "notice") {
      noticeLog.push({ title: m.title, message: m.message, tone: m.tone });
    } else {
      errorLog.push({ source: m.error.callback, inputs: m.error.inputs, message: m.error.message });
    }
  }
}

function ipcFailed(e: unknown, inputs: string[]): void {
  const message = typeof e === "string" ? e : e instanceof Error ? e.message : JSON.stringify(e);
  errorLog.push({ source: "ipc", inputs, message });
}
