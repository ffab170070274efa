// The IPC transport: connect the window (layout, first batches, and a Channel for later
// batches, errors and clientside calls), send user changes (a quick wave's batch is the
// answer), answer clientside calls. The message types are generated from the Rust ones
// (`protocol.ts`). Knows nothing of components.

import { Channel, convertFileSrc, invoke } from "@tauri-apps/api/core";
import type { ClientsideFn } from "./clientside";
import { decodeFrame } from "./codec";
import { errorLog } from "./errors";
import type { ApplyReply, Change, ClientsideFunction, ClientsideResult, LoadMessage, PatchBatch, Theme, ToWindow } from "./protocol";

declare global {
  interface Window {
    /** Where the clientside scripts the shell serves put their functions, by callback. */
    __deskdashClientside?: Record<number, unknown>;
  }
}

/** What the Channel carries after the load message. */
export type PushMessage = Exclude<ToWindow, { kind: "load" }>;
export type { Change, LoadMessage };

export interface Transport {
  connect(onPush: (m: PushMessage) => void): Promise<LoadMessage>;
  /** Sends changes; resolves with the batch of the wave they started when it was quick. */
  send(changes: Change[]): Promise<PatchBatch | null>;
  answer(result: ClientsideResult): Promise<void>;
  /** Saves the user's light/dark choice for the next start (absent in tests that need none). */
  rememberTheme?(theme: Theme): Promise<void>;
  /** Loads a clientside function (absent in tests: they compile in place). */
  compile?(f: ClientsideFunction): Promise<ClientsideFn>;
  /** Loads the app's component bundle `n`, which registers its components. */
  loadBundle?(n: number): Promise<void>;
}

/** Loads a script from deskdash's scheme; rejects with its parse error or load failure. */
async function loadScript(url: string): Promise<void> {
  let parseError: string | null = null;
  const onError = (e: ErrorEvent) => {
    if (e.filename === url) parseError = e.message;
  };
  window.addEventListener("error", onError);
  try {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`${url} could not be loaded`));
      document.head.appendChild(script);
    });
  } finally {
    window.removeEventListener("error", onError);
  }
  if (parseError !== null) throw new Error(parseError);
}

// deskdash's commands, as the `deskdash` Tauri plugin registers them.
const command = (name: string) => `plugin:deskdash|${name}`;

// Raw bytes, so the shell bounds the size before parsing anything.
const encodeBody = (message: unknown) => new TextEncoder().encode(JSON.stringify(message));

/** A message is a frame (bytes, when it carries numeric blocks) or plain JSON. */
const decode = <T>(raw: ArrayBuffer | T): T => (raw instanceof ArrayBuffer ? (decodeFrame(raw) as T) : raw);

export const tauriTransport: Transport = {
  async connect(onPush) {
    let loaded: (m: LoadMessage) => void = () => {};
    let failed: (e: unknown) => void = () => {};
    const load = new Promise<LoadMessage>((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    let gotLoad = false;
    const channel = new Channel<ArrayBuffer | ToWindow>();
    channel.onmessage = (raw) => {
      let message: ToWindow;
      try {
        message = decode<ToWindow>(raw);
      } catch (e) {
        // A frame that does not decode is dropped, saying why; the window keeps working.
        errorLog.push({ source: "ipc", inputs: [], message: `a message from Rust did not decode: ${String(e)}` });
        return;
      }
      if (message.kind === "load") {
        gotLoad = true;
        loaded(message);
      } else if (!gotLoad && message.kind === "error") {
        failed(message.error.message);
      } else {
        onPush(message);
      }
    };
    await invoke(command("connect"), { onEvent: channel });
    return load;
  },
  async send(changes) {
    const reply = decode<ApplyReply>(await invoke<ArrayBuffer | ApplyReply>(command("apply_changes"), encodeBody({ changes })));
    return reply.batch;
  },
  async answer(result) {
    await invoke(command("clientside_result"), encodeBody(result));
  },
  async rememberTheme(theme) {
    await invoke(command("remember_theme"), { theme });
  },
  // Each function is a script the shell serves on its own scheme (src-tauri/src/scripts.rs):
  // the page needs no eval, and a function that does not parse fails alone, with the reason.
  async compile(f) {
    let parseError: string | null = null;
    await loadScript(convertFileSrc(`clientside-${f.callback}.js`, "deskdash")).catch((e: unknown) => {
      parseError = e instanceof Error ? e.message : String(e);
    });
    const fn = window.__deskdashClientside?.[f.callback];
    if (typeof fn !== "function") throw new Error(parseError ?? `${f.name} does not define a function`);
    return fn as ClientsideFn;
  },

  loadBundle(n) {
    return loadScript(convertFileSrc(`components-${n}.js`, "deskdash"));
  },
};
