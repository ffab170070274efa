// The IPC transport: connect the window (layout, first batches, and a Channel for later
// batches, errors and clientside calls), send user changes, answer clientside calls. Knows
// nothing of components.

import { Channel, invoke } from "@tauri-apps/api/core";
import { decodeFrame } from "./codec";
import type { ComponentNode, ComponentId } from "./ids";
import type { PatchBatch } from "./store";
import type { ClientsideCall, ClientsideFunction, ClientsideResult } from "./clientside";

export interface LoadMessage {
  kind: "load";
  title: string;
  debug: boolean;
  layout: ComponentNode;
  batches: PatchBatch[];
  clientside: ClientsideFunction[];
}

export type PushMessage =
  | { kind: "batch"; batch: PatchBatch }
  | { kind: "error"; error: { callback: string; inputs: string[]; message: string } }
  | { kind: "clientside"; call: ClientsideCall };

export interface Change {
  id: ComponentId;
  prop: string;
  value: unknown;
}

export interface Transport {
  connect(onPush: (m: PushMessage) => void): Promise<LoadMessage>;
  send(changes: Change[]): Promise<void>;
  answer(result: ClientsideResult): Promise<void>;
}

// Raw bytes, so the shell bounds the size before parsing anything.
const encodeBody = (message: unknown) => new TextEncoder().encode(JSON.stringify(message));

export const tauriTransport: Transport = {
  async connect(onPush) {
    // The layout arrives as the Channel's first message; later ones are batches and errors.
    let loaded: (m: LoadMessage) => void = () => {};
    let failed: (e: unknown) => void = () => {};
    const load = new Promise<LoadMessage>((resolve, reject) => {
      loaded = resolve;
      failed = reject;
    });
    let gotLoad = false;
    // A message is a frame (bytes, when it carries numeric blocks) or plain JSON.
    const channel = new Channel<ArrayBuffer | LoadMessage | PushMessage>();
    channel.onmessage = (raw) => {
      const message = (raw instanceof ArrayBuffer ? decodeFrame(raw) : raw) as LoadMessage | PushMessage;
      if (message.kind === "load") {
        gotLoad = true;
        loaded(message);
      } else if (!gotLoad && message.kind === "error") {
        failed(message.error.message);
      } else {
        onPush(message as PushMessage);
      }
    };
    await invoke("connect", { onEvent: channel });
    return load;
  },
  async send(changes) {
    await invoke("apply_changes", encodeBody({ changes }));
  },
  async answer(result) {
    await invoke("clientside_result", encodeBody(result));
  },
};
