import { describe, expect, it } from "vitest";
import { WindowSession } from "../src/runtime/session";
import { errorLog, noticeLog } from "../src/runtime/errors";
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
        return { title: "t", debug: true, instrument: false, layout, batches: [], clientside: [], notices: [], theme: null, app_theme: {}, color_scheme: "light", component_bundles: 0 };
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

  it("shows notices from the load and from pushes to the user, apart from the dev overlay's errors", async () => {
    let push: (m: PushMessage) => void = () => {};
    const transport: Transport = {
      async connect(onPush): Promise<LoadMessage> {
        push = onPush;
        return { title: "t", debug: false, instrument: false, layout: { type: "Div", props: {} }, batches: [], clientside: [], notices: [{ title: "Saved data", message: "database set aside", tone: "warning" }], theme: null, app_theme: {}, color_scheme: "light", component_bundles: 0 };
      },
      async send() {
        return null;
      },
      async answer() {},
    };
    noticeLog.clear();
    errorLog.clear();
    await new WindowSession(transport).start();
    push({ kind: "notice", title: "Updated", message: "updated from 0.1.0 to 0.1.1", tone: "info" });
    expect(noticeLog.all().map((n) => [n.title, n.message, n.tone])).toEqual([
      ["Saved data", "database set aside", "warning"],
      ["Updated", "updated from 0.1.0 to 0.1.1", "info"],
    ]);
    expect(errorLog.all()).toEqual([]);
    noticeLog.dismiss(noticeLog.all()[0]!);
    expect(noticeLog.all().map((n) => n.message)).toEqual(["updated from 0.1.0 to 0.1.1"]);
  });

  it("takes the remembered theme from the load and hands a new choice to Rust", async () => {
    const remembered: string[] = [];
    const transport: Transport = {
      async connect(): Promise<LoadMessage> {
        return { title: "t", debug: false, instrument: false, layout: { type: "Div", props: {} }, batches: [], clientside: [], notices: [], theme: "dark", app_theme: {}, color_scheme: "light", component_bundles: 0 };
      },
      async send() {
        return null;
      },
      async answer() {},
      async rememberTheme(theme) {
        remembered.push(theme);
      },
    };
    const session = new WindowSession(transport);
    await session.start();
    expect(session.theme).toBe("dark");
    session.rememberTheme("light");
    expect(session.theme).toBe("light");
    expect(remembered).toEqual(["light"]);
  });
});
