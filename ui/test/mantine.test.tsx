// Mantine's families, drawn through the real renderer: each user action sends the prop the
// catalog lets a user change, and nothing else. The last test holds the catalog to these
// tests: a prop the catalog marks user-changeable that no action here sends fails it, so a
// prop cannot exist on one side only.

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { catalog, editableOf } from "./catalog";
import { loadEveryComponent } from "../src/components";
import { c, renderLayout, settle, type Rendered } from "./harness";

// Charts draw with recharts, which needs a real layout; a stand-in calls the handlers deskdash
// gives each chart, as recharts would on a click.
vi.mock("@mantine/charts", () => {
  const cartesian = (handlers: string) => (props: Record<string, { onClick?: (e: unknown) => void } | undefined>) => (
    <button data-testid="chart" onClick={() => props[handlers]?.onClick?.({ activeLabel: "Jan", activePayload: [{ payload: { month: "Jan", sales: 3 } }] })}>
      chart
    </button>
  );
  const round = (props: { pieProps?: { onClick?: (e: unknown) => void } }) => (
    <button data-testid="chart" onClick={() => props.pieProps?.onClick?.({ payload: { name: "Linux", value: 48 } })}>
      pie
    </button>
  );
  return {
    AreaChart: cartesian("areaChartProps"),
    BarChart: cartesian("barChartProps"),
    LineChart: cartesian("lineChartProps"),
    DonutChart: round,
    PieChart: round,
    Sparkline: () => <svg />,
  };
});

/** Every prop each kind sent, across this file's tests. */
const sentByKind = new Map<string, Set<string>>();

/** Renders one component with id "x" (inside `wrap` when given) and returns a recorder. */
async function draw(kind: string, props: Record<string, unknown>, wrap?: (inner: ReturnType<typeof c>) => ReturnType<typeof c>) {
  const node = c(kind, { id: "x", ...props });
  const r = await renderLayout(c("Div", { children: wrap ? wrap(node) : node }));
  await settle();
  return r;
}

/** The props sent for component "x" since the last call, recorded for `kind`. */
async function sent(r: Rendered, kind: string): Promise<Record<string, unknown>> {
  await settle();
  const out: Record<string, unknown> = {};
  for (const change of r.sent.splice(0)) {
    if (change.id !== "x") continue;
    out[change.prop] = change.value;
    const seen = sentByKind.get(kind) ?? new Set<string>();
    seen.add(change.prop);
    sentByKind.set(kind, seen);
  }
  for (const prop of Object.keys(out)) expect(editableOf(kind), `${kind}.${prop} is sent but not user-changeable`).toContain(prop);
  return out;
}

const byRole = (role: string, name?: string | RegExp) => screen.getByRole(role, name === undefined ? {} : { name });
const input = (r: Rendered) => r.view.container.querySelector("#x") as HTMLInputElement;

beforeAll(async () => {
  await loadEveryComponent();
});

describe("inputs", () => {
  for (const kind of ["TextInput", "PasswordInput"]) {
    it(`${kind} sends value as typed, n_blur on blur and n_submit on Enter`, async () => {
      const r = await draw(kind, { value: "" });
      fireEvent.change(input(r), { target: { value: "Ada" } });
      expect(await sent(r, kind)).toEqual({ value: "Ada" });
      fireEvent.blur(input(r));
      expect(await sent(r, kind)).toEqual({ value: "Ada", n_blur: 1 });
      fireEvent.keyDown(input(r), { key: "Enter" });
      expect(await sent(r, kind)).toEqual({ value: "Ada", n_submit: 1 });
    });
  }

  it("PasswordInput sends visible when its eye is clicked", async () => {
    const r = await draw("PasswordInput", { value: "secret" });
    const toggle = r.view.container.querySelector(".mantine-PasswordInput-visibilityToggle") as HTMLElement;
    fireEvent.mouseDown(toggle);
    expect(await sent(r, "PasswordInput")).toEqual({ visible: true });
  });

  it("NumberInput sends numbers", async () => {
    const r = await draw("NumberInput", { value: 1 });
    fireEvent.change(input(r), { target: { value: "7" } });
    expect(await sent(r, "NumberInput")).toEqual({ value: 7 });
    fireEvent.blur(input(r));
    expect((await sent(r, "NumberInput"))["n_blur"]).toBe(1);
    fireEvent.keyDown(input(r), { key: "Enter" });
    expect((await sent(r, "NumberInput"))["n_submit"]).toBe(1);
  });

  it("Textarea (dcc's and dmc's) sends value and n_blur", async () => {
    const r = await draw("Textarea", { value: "", autosize: false, rows: 3 });
    fireEvent.change(input(r), { target: { value: "two\nlines" } });
    expect(await sent(r, "Textarea")).toEqual({ value: "two\nlines" });
    fireEvent.blur(input(r));
    expect(await sent(r, "Textarea")).toEqual({ value: "two\nlines", n_blur: 1 });
  });

  it("Select and MultiSelect send the picked option", async () => {
    const r = await draw("Select", { data: ["Rust", "Python"], value: null });
    fireEvent.click(input(r));
    fireEvent.click(await screen.findByText("Rust"));
    expect(await sent(r, "Select")).toEqual({ value: "Rust" });
    r.view.unmount();
    const m = await draw("MultiSelect", { data: ["Rust", "Python"], value: ["Python"] });
    fireEvent.click(input(m));
    fireEvent.click(await screen.findByText("Rust"));
    expect(await sent(m, "MultiSelect")).toEqual({ value: ["Python", "Rust"] });
  });

  it("TagsInput sends a tag on Enter; Autocomplete sends what is typed", async () => {
    // Mantine's comboboxes take typing only into the focused input (autofill is not typing).
    const r = await draw("TagsInput", { value: [] });
    input(r).focus();
    fireEvent.change(input(r), { target: { value: "desktop" } });
    fireEvent.keyDown(input(r), { key: "Enter" });
    expect(await sent(r, "TagsInput")).toEqual({ value: ["desktop"] });
    r.view.unmount();
    const a = await draw("Autocomplete", { data: ["Rust"], value: "" });
    input(a).focus();
    fireEvent.change(input(a), { target: { value: "Ru" } });
    expect(await sent(a, "Autocomplete")).toEqual({ value: "Ru" });
  });

  for (const kind of ["Checkbox", "Switch"]) {
    it(`${kind} sends checked`, async () => {
      const r = await draw(kind, { checked: false, label: "On" });
      fireEvent.click(input(r));
      expect(await sent(r, kind)).toEqual({ checked: true });
    });
  }

  it("Chip sends checked; a Chip in a ChipGroup leaves it to the group's value", async () => {
    const r = await draw("Chip", { checked: false, children: "Chip" });
    fireEvent.click(input(r));
    expect(await sent(r, "Chip")).toEqual({ checked: true });
    r.view.unmount();
    const g = await draw("ChipGroup", { value: "a", children: [c("Chip", { value: "a", children: "A" }), c("Chip", { value: "b", children: "B" })] });
    fireEvent.click(screen.getByLabelText("B"));
    expect(await sent(g, "ChipGroup")).toEqual({ value: "b" });
  });

  it("CheckboxGroup and RadioGroup send the group's value", async () => {
    const r = await draw("CheckboxGroup", { value: ["a"], children: [c("Checkbox", { value: "a", label: "A" }), c("Checkbox", { value: "b", label: "B" })] });
    fireEvent.click(screen.getByLabelText("B"));
    expect(await sent(r, "CheckboxGroup")).toEqual({ value: ["a", "b"] });
    r.view.unmount();
    const g = await draw("RadioGroup", { value: "s", children: [c("Radio", { value: "s", label: "Small" }), c("Radio", { value: "l", label: "Large" })] });
    fireEvent.click(screen.getByLabelText("Large"));
    expect(await sent(g, "RadioGroup")).toEqual({ value: "l" });
  });

  it("SegmentedControl sends the picked segment", async () => {
    const r = await draw("SegmentedControl", { data: ["Day", "Week"], value: "Day" });
    fireEvent.click(screen.getByLabelText("Week"));
    expect(await sent(r, "SegmentedControl")).toEqual({ value: "Week" });
  });

  for (const [kind, value, want] of [
    ["Slider", 40, 41],
    ["RangeSlider", [20, 60], [21, 60]],
  ] as const) {
    it(`${kind} (dcc's and dmc's) sends value when the user lets go`, async () => {
      const r = await draw(kind, { min: 0, max: 100, value });
      const thumb = screen.getAllByRole("slider")[0]!;
      fireEvent.keyDown(thumb, { key: "ArrowRight" });
      await waitFor(async () => expect((await sent(r, kind))["value"]).toEqual(want));
    });
  }

  it("Rating sends the picked value", async () => {
    const r = await draw("Rating", { value: 1 });
    const fourth = r.view.container.querySelector('input[type=radio][value="4"]') as HTMLInputElement;
    fireEvent.click(r.view.container.querySelector(`label[for="${fourth.id}"]`) as HTMLElement);
    expect(await sent(r, "Rating")).toEqual({ value: 4 });
  });

  it("ColorInput sends a typed colour", async () => {
    const r = await draw("ColorInput", { value: "#000000" });
    fireEvent.change(input(r), { target: { value: "#ff0000" } });
    expect(await sent(r, "ColorInput")).toEqual({ value: "#ff0000" });
  });

  it("DateInput and DatePickerInput send ISO days", async () => {
    const r = await draw("DateInput", { value: null, valueFormat: "YYYY-MM-DD" });
    fireEvent.change(input(r), { target: { value: "2026-12-05" } });
    fireEvent.blur(input(r));
    await waitFor(async () => expect(await sent(r, "DateInput")).toEqual({ value: "2026-12-05" }));
    r.view.unmount();
    const p = await draw("DatePickerInput", { value: "2026-12-01" });
    fireEvent.click(r.view.container.ownerDocument.querySelector("#x") as HTMLElement);
    fireEvent.click(await screen.findByRole("button", { name: /^5 December 2026$/ }));
    expect(await sent(p, "DatePickerInput")).toEqual({ value: "2026-12-05" });
  });

  it("FileInput sends the name and the contents as a data URL", async () => {
    const r = await draw("FileInput", {});
    const file = new File(["hello"], "hello.txt", { type: "text/plain" });
    const picker = r.view.container.ownerDocument.querySelector("input[type=file]") as HTMLInputElement;
    await act(async () => {
      fireEvent.change(picker, { target: { files: [file] } });
    });
    await waitFor(async () => expect(await sent(r, "FileInput")).toEqual({ value: "hello.txt", contents: "data:text/plain;base64,aGVsbG8=" }));
  });
});

describe("buttons", () => {
  it("Button (html's and dmc's) counts clicks with their time", async () => {
    const r = await draw("Button", { children: "Go", n_clicks: 2 });
    fireEvent.click(byRole("button", "Go"));
    const out = await sent(r, "Button");
    expect(out["n_clicks"]).toBe(3);
    expect(typeof out["n_clicks_timestamp"]).toBe("number");
  });

  for (const kind of ["ActionIcon", "CopyButton"]) {
    it(`${kind} counts clicks`, async () => {
      const r = await draw(kind, { children: "i", value: "copied" });
      fireEvent.click(screen.getByRole("button"));
      expect(await sent(r, kind)).toEqual({ n_clicks: 1 });
    });
  }
});

describe("feedback", () => {
  for (const kind of ["Alert", "Notification"]) {
    it(`${kind}'s close button sends hide, and a hidden one draws nothing`, async () => {
      const r = await draw(kind, { title: "Heads up", children: "text", withCloseButton: true });
      fireEvent.click(r.view.container.querySelector("button") as HTMLElement);
      expect(await sent(r, kind)).toEqual({ hide: true });
      r.view.unmount();
      const hidden = await draw(kind, { title: "Heads up", hide: true });
      expect(hidden.view.container.textContent).not.toContain("Heads up");
    });
  }

  it("NotificationContainer shows what a callback sends", async () => {
    const r = await draw("NotificationContainer", {});
    act(() =>
      r.push({ kind: "batch", batch: { wave: 1, compute_us: 1, busy: [], updates: [{ id: "x", prop: "sendNotifications", value: [{ action: "show", title: "Saved", message: "All good" }] }] } }),
    );
    expect(await screen.findByText("All good")).toBeTruthy();
  });
});

describe("overlays", () => {
  for (const kind of ["Modal", "Drawer"]) {
    it(`${kind} sends opened false when closed`, async () => {
      const r = await draw(kind, { opened: true, title: "Dialog", children: "inside" });
      expect(await screen.findByText("inside")).toBeTruthy();
      fireEvent.keyDown(await screen.findByRole("dialog"), { key: "Escape" });
      await waitFor(async () => expect(await sent(r, kind)).toEqual({ opened: false }));
    });
  }

  for (const [kind, target, dropdown] of [
    ["Popover", "PopoverTarget", "PopoverDropdown"],
    ["Menu", "MenuTarget", "MenuDropdown"],
  ] as const) {
    it(`${kind} sends opened when its target is clicked`, async () => {
      const r = await draw(kind, { opened: false, children: [c(target, { children: c("Button", { children: "Open" }) }), c(dropdown, { children: "drop" })] });
      fireEvent.click(byRole("button", "Open"));
      expect(await sent(r, kind)).toEqual({ opened: true });
    });
  }

  it("MenuItem counts clicks", async () => {
    const r = await draw("MenuItem", { children: "Rename" }, (item) =>
      c("Menu", { opened: true, children: [c("MenuTarget", { children: c("Button", { children: "Open" }) }), c("MenuDropdown", { children: item })] }),
    );
    fireEvent.click(await screen.findByText("Rename"));
    expect(await sent(r, "MenuItem")).toEqual({ n_clicks: 1 });
  });
});

describe("navigation", () => {
  it("Tabs: dmc's TabsList and TabsTab send value; dcc's Tab children too", async () => {
    const r = await draw("Tabs", { value: "a", children: [c("TabsList", { children: [c("TabsTab", { value: "a", children: "A" }), c("TabsTab", { value: "b", children: "B" })] }), c("TabsPanel", { value: "a", children: "pa" })] });
    fireEvent.mouseDown(byRole("tab", "B"));
    fireEvent.click(byRole("tab", "B"));
    expect(await sent(r, "Tabs")).toEqual({ value: "b" });
    r.view.unmount();
    const d = await draw("Tabs", { value: "a", children: [c("Tab", { label: "A", value: "a" }), c("Tab", { label: "B", value: "b" })] });
    fireEvent.click(byRole("tab", "B"));
    expect(await sent(d, "Tabs")).toEqual({ value: "b" });
  });

  it("an Anchor to one of the app's pages moves the window without reloading it; one that leaves the app is followed", async () => {
    const r = await draw("Anchor", { href: "/settings", children: "Settings" });
    const inApp = new MouseEvent("click", { bubbles: true, cancelable: true });
    act(() => void screen.getByText("Settings").dispatchEvent(inApp));
    expect(inApp.defaultPrevented).toBe(true);
    expect(window.location.pathname).toBe("/settings");
    r.view.unmount();
    await draw("Anchor", { href: "https://plotly.com/dash/", children: "Dash" });
    const away = new MouseEvent("click", { bubbles: true, cancelable: true });
    act(() => void screen.getByText("Dash").dispatchEvent(away));
    expect(away.defaultPrevented).toBe(false);
    window.history.pushState(null, "", "/");
  });

  it("NavLink counts clicks, and one with children sends opened", async () => {
    const r = await draw("NavLink", { label: "Reports", children: c("NavLink", { label: "2026" }) });
    fireEvent.click(screen.getByText("Reports"));
    expect(await sent(r, "NavLink")).toEqual({ n_clicks: 1, opened: true });
  });

  it("Pagination sends the page; Stepper sends the step clicked", async () => {
    const r = await draw("Pagination", { total: 5, value: 1 });
    fireEvent.click(byRole("button", "3"));
    expect(await sent(r, "Pagination")).toEqual({ value: 3 });
    r.view.unmount();
    const s = await draw("Stepper", { active: 1, children: [c("StepperStep", { label: "Plan" }), c("StepperStep", { label: "Build" })] });
    fireEvent.click(screen.getByText("Plan"));
    expect(await sent(s, "Stepper")).toEqual({ active: 0 });
  });
});

describe("data display", () => {
  it("Accordion sends the opened item", async () => {
    const r = await draw("Accordion", {
      value: null,
      children: c("AccordionItem", { value: "q", children: [c("AccordionControl", { children: "Question" }), c("AccordionPanel", { children: "Answer" })] }),
    });
    fireEvent.click(byRole("button", "Question"));
    expect(await sent(r, "Accordion")).toEqual({ value: "q" });
  });

  it("Spoiler sends expanded when shown more", async () => {
    // jsdom measures nothing: the content reports a height above maxHeight, as a browser would.
    const stub = window.ResizeObserver;
    window.ResizeObserver = class {
      constructor(private report: ResizeObserverCallback) {}
      observe(target: Element) {
        const size = [{ inlineSize: 300, blockSize: 500 }];
        this.report([{ target, borderBoxSize: size, contentBoxSize: size, contentRect: { x: 0, y: 0, top: 0, left: 0, bottom: 500, right: 300, width: 300, height: 500 } } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
      }
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    const r = await draw("Spoiler", { maxHeight: 40, showLabel: "Show more", children: "long ".repeat(200) });
    const more = await screen.findByText("Show more");
    window.ResizeObserver = stub;
    fireEvent.click(more);
    expect(await sent(r, "Spoiler")).toEqual({ expanded: true });
  });
});

describe("charts", () => {
  for (const [kind, row] of [
    ["AreaChart", { month: "Jan", sales: 3 }],
    ["BarChart", { month: "Jan", sales: 3 }],
    ["LineChart", { month: "Jan", sales: 3 }],
    ["DonutChart", { name: "Linux", value: 48 }],
    ["PieChart", { name: "Linux", value: 48 }],
  ] as const) {
    it(`${kind} sends the clicked row as clickData`, async () => {
      const r = await draw(kind, { data: [] });
      fireEvent.click(await screen.findByTestId("chart"));
      expect(await sent(r, kind)).toEqual({ clickData: row });
    });
  }
});

afterAll(() => {
  // Every prop the catalog lets a user change on a Mantine kind was sent by some action above.
  const missing: string[] = [];
  for (const [kind, entry] of Object.entries(catalog.kinds)) {
    if (entry.family !== "mantine") continue;
    for (const prop of entry.editable) if (!sentByKind.get(kind)?.has(prop)) missing.push(`${kind}.${prop}`);
  }
  expect(missing, "user-changeable in the catalog, but no action sends it").toEqual([]);
});
