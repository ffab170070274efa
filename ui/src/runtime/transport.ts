// The IPC transport: connect the window (layout, first batches, and a Channel for later
// batches and errors) and send user changes. Knows nothing of components.

import { Channel, invoke } from "@tauri-apps/api/core";
import { decodeFrame } from "./codec";
import type { ComponentNode, ComponentId } from "./ids";
import type { PatchBatch } from "./store";
import type { ClientsideSpec } from "./clientside";

export interface LoadMessage {
  kind: "load";
  title: string;
  debug: boolean;
  layout: ComponentNode;
  batches: PatchBatch[];
  clientside: ClientsideSpec[];
}

export type PushMessage =
  | { kind: "batch"; batch: PatchBatch }
  | { kind: "error"; error: { callback: string; inputs: string[]; message: string } };

export interface Change {
  id: ComponentId;
  prop: string;
  value: unknown;
}

export interface Transport {
  connect(onPush: (m: PushMessage) => void): Promise<LoadMessage>;
  send(changes: Change[]): Promise<void>;
}

export const tauriTransport: Transport = {
  async connect(onPush) {
    const channel = new Channel<ArrayBuffer>();
    channel.onmessage = (frame) => onPush(decodeFrame(frame) as PushMessage);
    const reply = await invoke<ArrayBuffer>("connect", { onEvent: channel });
    return decodeFrame(reply) as LoadMessage;
  },
  async send(changes) {
    // Raw bytes, so the shell bounds the size before parsing anything.
    const body = new TextEncoder().encode(JSON.stringify({ changes }));
    await invoke("apply_changes", body);
  },
};
