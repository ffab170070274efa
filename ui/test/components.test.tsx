import { describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen } from "@testing-library/react";
import { c, renderLayout, settle } from "./harness";

vi.mock("plotly.js-dist-min", () => {
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
      session.store.applyBatch({ wave: 1, busy: [], updates: [{ id: "out", prop: "children", value: "after" }] });
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

describe("tabs", () => {
  it("selecting a tab sends its value", async () => {
    const { sent } = await renderLayout(c("Tabs", { id: "tabs", value: "a", children: [c("Tab", { label: "A", value: "a", children: "first" }), c("Tab", { label: "B", value: "b", children: "second" })] }));
    fireEvent.click(screen.getByRole("tab", { name: "B" }));
    await settle();
    expect(sent).toContainEqual({ id: "tabs", prop: "value", value: "b" });
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
    const plotly = (await import("plotly.js-dist-min")) as unknown as { default: { react: ReturnType<typeof vi.fn> }; handlers: Record<string, (e: unknown) => void> };
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
});

describe("data table", () => {
  it("reports edits, selection and sorting as Dash's DataTable does", async () => {
    const { sent } = await renderLayout(c("DataTable", { id: "tbl", data: [{ a: 1 }, { a: 2 }], columns: [{ name: "A", id: "a" }], editable: true, row_selectable: "multi" }));
    const grid = (globalThis as Record<string, unknown>)["gridProps"] as Record<string, (e: unknown) => void>;
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
  it("run on input changes and send their outputs to Rust", async () => {
    const { sent, session } = await renderLayout(c("Div", { children: [c("Input", { id: "in", value: "a" }), c("Div", { id: "out", children: "" })] }), [
      { function: "function(v) { return v.toUpperCase(); }", inputs: [{ id: "in", prop: "value", role: "input" }], outputs: [{ id: "out", prop: "children", role: "output" }], multi_output: false, prevent_initial_call: false },
    ]);
    expect(session.store.get("out")?.["children"]).toBe("A");
    fireEvent.change(document.getElementById("in") as HTMLInputElement, { target: { value: "xy" } });
    await settle();
    expect(screen.getByText("XY")).toBeTruthy();
    expect(sent).toContainEqual({ id: "out", prop: "children", value: "XY" });
  });

  it("honour PreventUpdate and no_update", async () => {
    const { session } = await renderLayout(c("Div", { children: [c("Input", { id: "in", value: "" }), c("Div", { id: "o1", children: "keep" }), c("Div", { id: "o2", children: "keep" })] }), [
      {
        function: "function(v) { if (!v) { throw new window.dash_clientside.PreventUpdate(); } return [v, window.dash_clientside.no_update]; }",
        inputs: [{ id: "in", prop: "value", role: "input" }],
        outputs: [{ id: "o1", prop: "children", role: "output" }, { id: "o2", prop: "children", role: "output" }],
        multi_output: true,
        prevent_initial_call: false,
      },
    ]);
    expect(session.store.get("o1")?.["children"]).toBe("keep");
    act(() => session.setProps("in", { value: "new" }));
    expect(session.store.get("o1")?.["children"]).toBe("new");
    expect(session.store.get("o2")?.["children"]).toBe("keep");
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
