import { describe, expect, it } from "vitest";
import { Store } from "../src/runtime/store";

const layout = {
  type: "Div",
  props: { children: [{ type: "Div", props: { id: "out", children: "a" } }, { type: "Div", props: { id: "list", children: [] } }] },
};

describe("Store", () => {
  it("applies a batch at once and notifies each touched component once", () => {
    const s = new Store();
    s.load(layout);
    let calls = 0;
    s.subscribe("out", () => calls++);
    s.applyBatch({ wave: 1, compute_us: 0, busy: [], updates: [{ id: "out", prop: "children", value: "b" }, { id: "out", prop: "className", value: "c" }] });
    expect(s.get("out")).toMatchObject({ children: "b", className: "c" });
    expect(calls).toBe(1);
  });

  it("applies patch updates to the current value", () => {
    const s = new Store();
    s.load(layout);
    s.applyBatch({ wave: 1, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", patch: [{ op: "append", path: [], value: "x" }] }] });
    expect(s.get("list")?.["children"]).toEqual(["x"]);
  });

  it("registers components that arrive as new children", () => {
    const s = new Store();
    s.load(layout);
    const child = { type: "Input", props: { id: { type: "item", index: 1 }, value: 3 } };
    s.applyBatch({ wave: 1, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", value: [child] }] });
    expect(s.get('{"index":1,"type":"item"}')).toMatchObject({ value: 3 });
  });

  it("keeps a row's edited value when a patch removes another row", () => {
    const s = new Store();
    s.load(layout);
    const row = (i: number) => ({ type: "Input", props: { id: { type: "item", index: i }, value: "" } });
    s.applyBatch({ wave: 1, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", value: [row(1), row(2)] }] });
    s.set('{"index":2,"type":"item"}', { value: "typed" });
    const before = s.get("list")?.["children"] as unknown[];
    s.applyBatch({ wave: 2, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", patch: [{ op: "delete", path: [0] }] }] });
    expect(s.get('{"index":2,"type":"item"}')).toMatchObject({ value: "typed" });
    const after = s.get("list")?.["children"] as Array<{ props: Record<string, unknown> }>;
    expect(after).toHaveLength(1);
    expect(after[0]?.props["value"]).toBe("typed");
    s.applyBatch({ wave: 3, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", patch: [{ op: "append", path: [], value: row(3) }] }] });
    const grown = s.get("list")?.["children"] as unknown[];
    expect(grown[0]).toBe(after[0]);
    expect(before).toHaveLength(2);
  });

  it("keeps an edit inside a row across patches of the list, and takes a redrawn row's props", () => {
    const s = new Store();
    s.load(layout);
    const item = '{"index":2,"type":"item"}';
    const row = (i: number, value: string) => ({
      type: "Group",
      props: { id: { type: "row", index: i }, children: [{ type: "Input", props: { id: { type: "item", index: i }, value } }] },
    });
    const append = (wave: number, i: number) =>
      s.applyBatch({ wave, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", patch: [{ op: "append", path: [], value: row(i, "") }] }] });
    s.applyBatch({ wave: 1, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", value: [row(1, ""), row(2, "")] }] });
    s.set(item, { value: "typed" });
    append(2, 3);
    expect(s.get(item)).toMatchObject({ value: "typed" });
    const rows = s.get("list")?.["children"] as Array<{ props: { children: Array<{ props: Record<string, unknown> }> } }>;
    expect(rows[1]?.props.children[0]?.props["value"]).toBe("typed");
    // Another window's edit redraws the list: its rows' props are the window's now.
    s.applyBatch({ wave: 3, compute_us: 0, busy: [], updates: [{ id: "list", prop: "children", value: [row(1, ""), row(2, "from elsewhere")] }] });
    append(4, 3);
    expect(s.get(item)).toMatchObject({ value: "from elsewhere" });
    append(5, 4);
    expect(s.get(item)).toMatchObject({ value: "from elsewhere" });
  });

  it("tracks which components are being computed", () => {
    const s = new Store();
    s.load(layout);
    s.applyBatch({ wave: 1, compute_us: 0, busy: ["out"], updates: [] });
    expect(s.isBusy("out")).toBe(true);
    s.applyBatch({ wave: 2, compute_us: 0, busy: [], updates: [] });
    expect(s.isBusy("out")).toBe(false);
  });
});

describe("quiet changes", () => {
  it("records a prop without redrawing when nothing on screen shows it", () => {
    const s = new Store();
    s.load({ type: "Button", props: { id: "b", n_clicks: 0 } });
    let redraws = 0;
    s.subscribe("b", () => (redraws += 1));
    s.set("b", { n_clicks: 1 }, { redraw: false });
    expect(s.get("b")?.["n_clicks"]).toBe(1);
    expect(redraws).toBe(0);
    s.set("b", { children: "x" });
    expect(redraws).toBe(1);
  });
});
