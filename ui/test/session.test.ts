import { describe, expect, it } from "vitest";
import { WindowSession } from "../src/runtime/session";
import type { Change, LoadMessage, PushMessage, Transport } from "../src/runtime/transport";
import type { PatchBatch } from "../src/runtime/protocol";

const batch = (wave: number, value: string): PatchBatch => ({ wave, compute_us: 1, busy: [], updates: [{ id: "out", prop: "children", value }] });

describe("window session", () => {
  it("applies the batch that answers a change, in wave order with pushed ones", async () => {
    let push: (m: PushMessage) => void = () => {};
    const replies: Array<PatchBatch | null> = [batch(2, "from the answer")];
    const transport: Transport = {
      async connect(onPush): Promise<LoadMessage> {
        push = onPush;
        const layout = { type: "Div", props: { children: [{ type: "Div", props: { id: "out", children: "" } }] } };
        return { title: "t", debug: true, instrument: false, layout, batches: [], clientside: [] };
      },
      async send(_changes: Change[]) {
        return replies.shift() ?? null;
      },
      async answer() {},
    };
    const session = new WindowSession(transport);
    await session.start();
    session.setProps("out", { n_clicks: 1 });
    await new Promise((r) => setTimeout(r, 0));
    expect(session.store.get("out")?.["children"], "wave 2 waits for wave 1").toBe("");
    push({ kind: "batch", batch: batch(1, "pushed") });
    expect(session.store.get("out")?.["children"]).toBe("from the answer");
  });
});
