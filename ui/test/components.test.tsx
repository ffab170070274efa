import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen } from "@testing-library/react";
import { c, renderLayout, settle } from "./harness";
import type { ClientsideCall, ClientsideResult } from "../src/runtime/clientside";
import type { Transport } from "../src/runtime/transport";
import { WindowSession } from "../src/runtime/session";

vi.mock("plotly.js-strict-dist-min", () => {
  const handlers: Record<string, (e: unknown) => void> = {};
  const react = vi.fn(async (el: HTMLElement) => Object.assign(el, { on: (ev: string, h: (e: unknown) => void) => (handlers[ev] = h) }));
  return { default: { react, purge: vi.fn(), Plots: { resize: vi.fn() } }, handlers };
});

vi.mock("ag-grid-react", () => ({
  AgGridReact: (props: Record<string, unknown>) => {
    (globalThis as Record<string, unknown>)["gridProps"] = props;
    return null;
  },
}));

describe("html", () => {
  it("a button counts clicks in n_clicks", async () => {
    const { sent } = await renderLayout(c("Button", { id: "b", children: "Go" }));
    fireEvent.click(screen.getByText("Go"));
    fireEvent.click(screen.getByText("Go"));
    await settle();
    expect(sent.filter((s) => s.prop === "n_clicks").map((s) => s.value)).toEqual([1, 2]);
  });

  it("a div with n_clicks counts clicks; without it stays inert", async () => {
    const { sent } = await renderLayout(c("Div", { children: [c("Div", { id: "yes", n_clicks: 0, children: "yes" }), c("Div", { id: "no", children: "no" })] }));
    fireEvent.click(screen.getByText("yes"));
    fireEvent.click(screen.getByText("no"));
    await settle();
    expect(sent.map((s) => `${String(s.id)}.${s.prop}=${String(s.value)}`)).toContain("yes.n_clicks=1");
    expect(sent.some((s) => s.id === "no")).toBe(false);
  });

  it("batches from Rust repaint the component", async () => {
    const { session } = await renderLayout(c("Div", { id: "out", children: "before" }));
    act(() => {
      session.store.applyBatch({ wave: 1, compute_us: 0, busy: [], updates: [{ id: "out", prop: "children", value: "after" }] });
    });
    expect(screen.getByText("after")).toBeTruthy();
  });
});

describe("inputs", () => {
  it("sends every keystroke without debounce", async () => {
    const { sent } = await renderLayout(c("Input", { id: "t", value: "" }));
    fireEvent.change(document.getElementById("t") as HTMLInputElement, { target: { value: "ab" } });
    await settle();
    expect(sent).toContainEqual({ id: "t", prop: "value", value: "ab" });
  });

  it("with debounce true sends only on blur, counting n_blur", async () => {
    const { sent } = await renderLayout(c("Input", { id: "t", value: "", debounce: true }));
    const el = document.getElementById("t") as HTMLInputElement;
    fireEvent.change(el, { target: { value: "abc" } });
    await settle();
    expect(sent).toEqual([]);
    fireEvent.focusOut(el);
    await settle();
    expect(sent).toContainEqual({ id: "t", prop: "value", value: "abc" });
    expect(sent).toContainEqual({ id: "t", prop: "n_blur", value: 1 });
  });

  it("textarea sends its text", async () => {
    const { sent } = await renderLayout(c("Textarea", { id: "ta", value: "" }));
    fireEvent.change(document.getElementById("ta") as HTMLTextAreaElement, { target: { value: "hello" } });
    await settle();
    expect(sent).toContainEqual({ id: "ta", prop: "value", value: "hello" });
  });
});

describe("choices", () => {
  it("checklist sends the checked values with their JSON types", async () => {
    const { sent } = await renderLayout(c("Checklist", { id: "cl", options: [{ label: "One", value: 1 }, { label: "Two", value: 2 }], value: [] }));
    fireEvent.click(screen.getByLabelText("Two"));
    await settle();
    expect(sent).toContainEqual({ id: "cl", prop: "value", value: [2] });
  });

  it("radio items send the chosen value", async () => {
    const { sent } = await renderLayout(c("RadioItems", { id: "r", options: ["a", "b"], value: "a" }));
    fireEvent.click(screen.getByLabelText("b"));
    await settle();
    expect(sent).toContainEqual({ id: "r", prop: "value", value: "b" });
  });

  it("dropdown sends the picked option", async () => {
    const { sent } = await renderLayout(c("Dropdown", { id: "d", options: [{ label: "North", value: "N" }, { label: "South", value: "S" }], value: "N" }));
    fireEvent.click(document.getElementById("d") as HTMLElement);
    fireEvent.click(await screen.findByText("South"));
    await settle();
    expect(sent).toContainEqual({ id: "d", prop: "value", value: "S" });
  });
});

describe("sliders", () => {
  it("a slider sends its value when the user lets go (keyboard steps count as letting go)", async () => {
    const { sent } = await renderLayout(c("Slider", { id: "s", value: 5, min: 0, max: 10, step: 1 }));
    fireEvent.keyDown(screen.getByRole("slider"), { key: "ArrowRight" });
    await settle();
    expect(sent).toContainEqual({ id: "s", prop: "value", value: 6 });
  });
});

describe("sending changes", () => {
  it("one setProps call is one message, sent before the store repaints the component", async () => {
    const seenAtSend: unknown[] = [];
    const messages: unknown[][] = [];
    const transport: Transport = {
      async connect() {
        return { title: "t", debug: true, instrument: false, layout: c("Input", { id: "in", value: "old" }), batches: [], clientside: [], notices: [], theme: null, app_theme: {}, color_scheme: "light", component_bundles: 0 };
      },
      async send(changes) {
        messages.push(changes);
        seenAtSend.push(session.store.get("in")?.["value"]);
        return null;
      },
      async answer() {},
    };
    const session = new WindowSession(transport);
    await session.start();
    session.setProps("in", { value: "new", n_blur: 1 });
    session.setProps("in", { value: "newer" });
    expect(messages).toEqual([
      [{ id: "in", prop: "value", value: "new" }, { id: "in", prop: "n_blur", value: 1 }],
      [{ id: "in", prop: "value", value: "newer" }],
    ]);
    expect(seenAtSend).toEqual(["old", "new"]);
    expect(session.store.get("in")?.["value"]).toBe("newer");
  });
});

describe("range slider", () => {
  it("sends both ends when the user lets go, and repaints from Rust", async () => {
    const { sent, session } = await renderLayout(c("RangeSlider", { id: "r", value: [2, 8], min: 0, max: 10, step: 1 }));
    const [low, high] = screen.getAllByRole("slider");
    act(() => (high as HTMLElement).focus());
    fireEvent.keyDown(high as HTMLElement, { key: "ArrowRight" });
    await settle();
    expect(sent).toEqual([{ id: "r", prop: "value", value: [2, 9] }]);
    act(() => (low as HTMLElement).focus());
    fireEvent.keyDown(low as HTMLElement, { key: "ArrowLeft" });
    await settle();
    expect(sent.at(-1)).toEqual({ id: "r", prop: "value", value: [1, 9] });
    act(() => session.store.applyBatch({ wave: 1, compute_us: 0, updates: [{ id: "r", prop: "value", value: [3, 4] }], busy: [] }));
    expect(screen.getAllByRole("slider").map((s) => s.getAttribute("aria-valuenow"))).toEqual(["3", "4"]);
  });
});

describe("upload and download", () => {
  it("an upload sends the chosen file as a data URL with its name and time, as Dash's does", async () => {
    const { sent } = await renderLayout(c("Upload", { id: "up", children: "Pick" }));
    const input = document.querySelector("#up input[type=file]") as HTMLInputElement;
    const file = new File(["a,b\n1,2\n"], "data.csv", { type: "text/csv", lastModified: 1_700_000_000_000 });
    fireEvent.change(input, { target: { files: [file] } });
    await vi.waitFor(() => expect(sent.find((s) => s.prop === "contents")).toBeTruthy());
    expect(sent).toContainEqual({ id: "up", prop: "contents", value: `data:text/csv;base64,${btoa("a,b\n1,2\n")}` });
    expect(sent).toContainEqual({ id: "up", prop: "filename", value: "data.csv" });
    expect(sent).toContainEqual({ id: "up", prop: "last_modified", value: 1_700_000_000 });
  });

  it("setting a download's data saves a file with its name and content", async () => {
    const saved: Array<{ name: string; href: string }> = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      blobs.push(b);
      return "blob:fake";
    });
    URL.revokeObjectURL = vi.fn();
    const { session } = await renderLayout(c("Download", { id: "dl" }));
    act(() => session.store.applyBatch({ wave: 1, compute_us: 0, updates: [{ id: "dl", prop: "data", value: { content: "aGk=", filename: "hi.txt", base64: true } }], busy: [] }));
    expect(saved).toEqual([{ name: "hi.txt", href: "blob:fake" }]);
    const text = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(blobs[0] as Blob);
    });
    expect(text).toBe("hi");
    click.mockRestore();
  });
});

describe("tabs", () => {
  it("selecting a tab sends its value", async () => {
    const { sent } = await renderLayout(c("Tabs", { id: "tabs", value: "a", children: [c("Tab", { label: "A", value: "a", children: "first" }), c("Tab", { label: "B", value: "b", children: "second" })] }));
    fireEvent.click(screen.getByRole("tab", { name: "B" }));
    await settle();
    expect(sent).toContainEqual({ id: "tabs", prop: "value", value: "b" });
  });
});

describe("location", () => {
  it("reports the path a window opens at, and moves the window when a callback sets pathname", async () => {
    window.history.replaceState(null, "", "/report/7?tab=sales");
    const { sent, session } = await renderLayout(c("Location", { id: "loc", pathname: "/" }));
    await settle();
    expect(window.location.pathname).toBe("/report/7");
    expect(sent).toContainEqual({ id: "loc", prop: "pathname", value: "/report/7" });
    const before = window.history.length;
    act(() => {
      session.store.applyBatch({ wave: 1, compute_us: 0, busy: [], updates: [{ id: "loc", prop: "pathname", value: "/settings" }] });
    });
    await settle();
    expect(window.location.pathname).toBe("/settings");
    expect(window.history.length).toBe(before + 1);
    window.history.replaceState(null, "", "/");
  });
});

describe("interval", () => {
  it("counts n_intervals and stops at max_intervals", async () => {
    vi.useFakeTimers();
    try {
      const { sent } = await renderLayout(c("Interval", { id: "iv", interval: 100, n_intervals: 0, max_intervals: 2 }));
      await act(async () => {
        vi.advanceTimersByTime(550);
      });
      await act(async () => {
        await Promise.resolve();
      });
      expect(sent.filter((s) => s.prop === "n_intervals").map((s) => s.value)).toEqual([1, 2]);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("graph", () => {
  it("draws the figure with plotly and reports clicks as clickData", async () => {
    const plotly = (await import("plotly.js-strict-dist-min")) as unknown as { default: { react: ReturnType<typeof vi.fn> }; handlers: Record<string, (e: unknown) => void> };
    const { sent } = await renderLayout(c("Graph", { id: "g", figure: { data: [{ x: [1, 2], y: [3, 4] }], layout: { title: { text: "T" } } } }));
    await act(async () => {
      await settle();
    });
    expect(plotly.default.react).toHaveBeenCalled();
    const [, data, layout] = plotly.default.react.mock.calls[0] as [HTMLElement, unknown[], Record<string, unknown>];
    expect(data).toEqual([{ x: [1, 2], y: [3, 4] }]);
    expect(layout["title"]).toEqual({ text: "T" });
    expect((layout["font"] as Record<string, unknown>)["family"]).toContain("Inter");
    plotly.handlers["plotly_click"]?.({ points: [{ x: 1, y: 3, curveNumber: 0, pointNumber: 0, fullData: { cyclic: true } }] });
    await settle();
    expect(sent).toContainEqual({ id: "g", prop: "clickData", value: { points: [{ x: 1, y: 3, curveNumber: 0, pointNumber: 0 }] } });
  });

  it("a Patch of the figure updates the same plot in place through Plotly.react", async () => {
    const plotly = (await import("plotly.js-strict-dist-min")) as unknown as { default: { react: ReturnType<typeof vi.fn>; purge: ReturnType<typeof vi.fn> } };
    plotly.default.react.mockClear();
    const original = { data: [{ x: [1, 2], y: [3, 4] }], layout: {} };
    const { session } = await renderLayout(c("Graph", { id: "g2", figure: original }));
    await act(async () => {
      await settle();
    });
    act(() =>
      session.store.applyBatch({
        wave: 1,
        compute_us: 0,
        busy: [],
        updates: [{ id: "g2", prop: "figure", patch: [{ op: "extend", path: ["data", 0, "x"], value: [3] }, { op: "extend", path: ["data", 0, "y"], value: [5] }] }],
      }),
    );
    await act(async () => {
      await settle();
    });
    const calls = plotly.default.react.mock.calls as Array<[HTMLElement, Array<{ x: number[]; y: number[] }>]>;
    expect(calls.length).toBe(2);
    expect(calls[1]?.[0]).toBe(calls[0]?.[0]);
    expect(calls[1]?.[1][0]).toEqual({ x: [1, 2, 3], y: [3, 4, 5] });
    expect(original.data[0]?.y).toEqual([3, 4]);
    expect(plotly.default.purge).not.toHaveBeenCalledWith(calls[0]?.[0]);
  });
});

describe("data table", () => {
  it("reports edits, selection and sorting as Dash's DataTable does", async () => {
    const { sent } = await renderLayout(c("DataTable", { id: "tbl", data: [{ a: 1 }, { a: 2 }], columns: [{ name: "A", id: "a" }], editable: true, row_selectable: "multi" }));
    // The table loads on first use.
    const grid = await vi.waitFor(() => {
      const props = (globalThis as Record<string, unknown>)["gridProps"];
      if (!props) throw new Error("the grid has not loaded yet");
      return props as Record<string, (e: unknown) => void>;
    });
    grid["onCellValueChanged"]?.({ rowIndex: 1, data: { a: 5 } });
    grid["onSelectionChanged"]?.({ api: { getSelectedNodes: () => [{ rowIndex: 0 }] } });
    grid["onSortChanged"]?.({ api: { getColumnState: () => [{ colId: "a", sort: "desc" }] } });
    await settle();
    expect(sent).toContainEqual(expect.objectContaining({ id: "tbl", prop: "data", value: [{ a: 1 }, { a: 5 }] }));
    expect(sent).toContainEqual({ id: "tbl", prop: "selected_rows", value: [0] });
    expect(sent).toContainEqual({ id: "tbl", prop: "sort_by", value: [{ column_id: "a", direction: "desc" }] });
  });
});

describe("clientside callbacks", () => {
  const fn = (callback: number, source: string) => ({ callback, name: `cs${callback}`, source });
  const call = (callback: number, args: unknown[], extra: Partial<ClientsideCall> = {}): ClientsideCall => ({
    call: 7,
    callback,
    name: `cs${callback}`,
    args,
    context: { triggered: [{ prop_id: "in.value", value: args[0] }], triggered_id: "in", inputs_list: [{ id: "in", property: "value", value: args[0] }], states_list: [], outputs_list: [] },
    ...extra,
  });
  const empty = c("Div", { children: [] });

  it("a call pushed by the engine runs its function and the answer goes back", async () => {
    const { push, answers } = await renderLayout(empty, [fn(0, "function(v) { return v.toUpperCase(); }")]);
    push({ kind: "clientside", call: call(0, ["xy"]) });
    await settle();
    expect(answers).toEqual([{ call: 7, outcome: { kind: "value", value: "XY" }, set_props: [] }]);
  });

  it("a call pushed before the load is processed waits for the functions to compile", async () => {
    const answers: ClientsideResult[] = [];
    const transport: Transport = {
      async connect(onPush) {
        // The shell's Channel delivers the first call right behind the load message.
        onPush({ kind: "clientside", call: call(0, ["early"]) });
        return { title: "t", debug: true, instrument: false, layout: empty, batches: [], clientside: [fn(0, "function(v) { return v + '!'; }")], notices: [], theme: null, app_theme: {}, color_scheme: "light", component_bundles: 0 };
      },
      async send() {
        return null;
      },
      async answer(result) {
        answers.push(result);
      },
    };
    await new WindowSession(transport).start();
    await settle();
    expect(answers.map((a) => a.outcome)).toEqual([{ kind: "value", value: "early!" }]);
  });

  it("PreventUpdate, no_update, errors, compile errors and async functions end as Dash's do", async () => {
    const { session } = await renderLayout(empty, [
      fn(0, "function(v) { if (!v) { throw new window.dash_clientside.PreventUpdate(); } return [v, window.dash_clientside.no_update]; }"),
      fn(1, "function(v) { return v.nope.deeper; }"),
      fn(2, "function(v) { return v +; }"),
      fn(3, "async function(v) { await null; return v * 2; }"),
    ]);
    const run = (n: number, args: unknown[]) => session.clientside.run(call(n, args));
    expect((await run(0, [""])).outcome).toEqual({ kind: "prevent" });
    const pair = await run(0, ["new"]);
    expect(JSON.parse(JSON.stringify(pair.outcome))).toEqual({ kind: "value", value: ["new", { __deskdash_no_update__: true }] });
    expect(await run(1, [{}])).toMatchObject({ outcome: { kind: "error", message: expect.stringContaining("TypeError") } });
    expect(await run(2, [1])).toMatchObject({ outcome: { kind: "error", message: expect.stringContaining("does not compile") } });
    expect((await run(3, [21])).outcome).toEqual({ kind: "value", value: 42 });
    expect(await run(9, [1])).toMatchObject({ outcome: { kind: "error", message: "no clientside function for callback 9 (cs9)" } });
  });

  it("callback_context and set_props work during the call", async () => {
    const { session, sent } = await renderLayout(empty, [
      fn(0, "function(v) { const ctx = window.dash_clientside.callback_context; window.dash_clientside.set_props('side', {children: ctx.triggered[0].prop_id}); return ctx.inputs['in.value'] + '/' + ctx.triggered_id; }"),
    ]);
    const result = await session.clientside.run(call(0, ["a"]));
    expect(result.outcome).toEqual({ kind: "value", value: "a/in" });
    expect(result.set_props).toEqual([{ id: "side", props: { children: "in.value" } }]);
    expect(window.dash_clientside.callback_context).toBeNull();
    // Outside any call, set_props is a change like a user's.
    window.dash_clientside.set_props("side", { children: "later" });
    await settle();
    expect(sent).toContainEqual({ id: "side", prop: "children", value: "later" });
  });
});

describe("link and location", () => {
  it("a link changes the location's pathname without a reload", async () => {
    const { sent } = await renderLayout(c("Div", { children: [c("Location", { id: "url" }), c("Link", { id: "to-b", href: "/b", children: "Go to B" })] }));
    fireEvent.click(screen.getByText("Go to B"));
    await settle();
    expect(sent).toContainEqual({ id: "url", prop: "pathname", value: "/b" });
  });
});

describe("markdown", () => {
  it("renders markdown but no script, handler or javascript: link from it", async () => {
    const text = "# Title\n\n<img src=x onerror=\"window.__pwned = 1\"><script>window.__pwned = 2</script>\n\n[link](javascript:alert(1)) **bold**";
    const { view } = await renderLayout(c("Markdown", { id: "md", children: text }));
    const html = view.container.innerHTML;
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("javascript:");
    expect((window as unknown as Record<string, unknown>)["__pwned"]).toBeUndefined();
  });
});
