// VirtualStack draws only the rows in view, keeps every row in the session's layout, and keeps
// the row holding focus mounted when it scrolls away. jsdom lays nothing out: each row element
// reports a fixed height here, and the page's scroll position is set by hand.

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { act, fireEvent } from "@testing-library/react";
import { c, renderLayout, settle } from "./harness";
import type { PatchBatch } from "../src/runtime/protocol";

const ROW_PX = 36;

function rows(n: number) {
  return Array.from({ length: n }, (_, i) =>
    c("Input", { id: { type: "row", index: `t${i}` }, value: `task ${i}`, debounce: true }),
  );
}

function mounted(container: HTMLElement): string[] {
  return [...container.querySelectorAll("#tasks input")].map((e) => (e as HTMLInputElement).value);
}

async function scrollPageTo(y: number) {
  Object.defineProperty(window, "scrollY", { value: y, configurable: true });
  await act(async () => {
    window.dispatchEvent(new Event("scroll"));
    await settle();
  });
}

describe("VirtualStack", () => {
  beforeEach(() => {
    // What the virtualizer measures a drawn row by, and how it scrolls the page.
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
      configurable: true,
      get(this: HTMLElement) {
        return this.hasAttribute("data-index") ? ROW_PX : 0;
      },
    });
    window.scrollTo = vi.fn() as typeof window.scrollTo;
  });
  afterEach(async () => {
    Reflect.deleteProperty(HTMLElement.prototype, "offsetHeight");
    await scrollPageTo(0);
  });

  it("mounts a screenful of a thousand rows and counts them all", async () => {
    const { view } = await renderLayout(c("VirtualStack", { id: "tasks", children: rows(1000), gap: 2, estimateSize: ROW_PX }));
    await act(settle);
    const shown = mounted(view.container);
    expect(view.container.querySelector("#tasks")?.getAttribute("data-rows")).toBe("1000");
    expect(shown[0]).toBe("task 0");
    // jsdom's window is 768 px high: about 22 rows in view, plus the overscan.
    expect(shown.length).toBeGreaterThan(15);
    expect(shown.length).toBeLessThan(60);
  });

  it("draws the rows scrolled to, and a patch reaches a row drawn later", async () => {
    const { view, push } = await renderLayout(c("VirtualStack", { id: "tasks", children: rows(1000), estimateSize: ROW_PX }));
    await act(settle);
    const batch: PatchBatch = {
      wave: 1,
      compute_us: 1,
      updates: [{ id: { type: "row", index: "t500" }, prop: "value", value: "patched while out of view" }],
      busy: [],
    };
    await act(async () => {
      push({ kind: "batch", batch });
      await settle();
    });
    await scrollPageTo(500 * ROW_PX);
    const shown = mounted(view.container);
    expect(shown).toContain("patched while out of view");
    expect(shown).not.toContain("task 0");
  });

  it("keeps the focused row mounted while it is scrolled out of view", async () => {
    const { view } = await renderLayout(c("VirtualStack", { id: "tasks", children: rows(1000), estimateSize: ROW_PX }));
    await act(settle);
    const first = view.container.querySelector("#tasks input") as HTMLInputElement;
    fireEvent.focus(first);
    fireEvent.change(first, { target: { value: "a draft not sent yet" } });
    await scrollPageTo(600 * ROW_PX);
    const shown = mounted(view.container);
    expect(shown).toContain("a draft not sent yet");
    expect(shown.length).toBeLessThan(60);
    fireEvent.blur(first);
    await scrollPageTo(600 * ROW_PX + 4 * ROW_PX);
    expect(mounted(view.container)).not.toContain("a draft not sent yet");
  });
});

describe("VirtualStack, hidden", () => {
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, "offsetHeight", {
      configurable: true,
      get(this: HTMLElement) {
        return this.hasAttribute("data-index") ? ROW_PX : 0;
      },
    });
  });
  afterEach(() => {
    Reflect.deleteProperty(HTMLElement.prototype, "offsetHeight");
  });

  it("keeps its drawn rows hidden and untouched while hidden, and shows them again as they were", async () => {
    const { view, push } = await renderLayout(c("VirtualStack", { id: "tasks", children: rows(1000), estimateSize: ROW_PX }));
    await act(settle);
    const drawn = mounted(view.container);
    expect(drawn.length).toBeGreaterThan(15);
    const firstInput = view.container.querySelector("#tasks input");
    const hide = (hidden: boolean): PatchBatch => ({
      wave: hidden ? 1 : 2,
      compute_us: 1,
      updates: [{ id: "tasks", prop: "hidden", value: hidden }],
      busy: [],
    });
    await act(async () => {
      push({ kind: "batch", batch: hide(true) });
      await settle();
    });
    const list = view.container.querySelector("#tasks") as HTMLElement;
    expect(list.hasAttribute("hidden")).toBe(true);
    expect(list.getAttribute("data-rows")).toBe("1000");
    // The rows stay in the page, hidden with their box.
    const rowsBox = list.firstElementChild as HTMLElement;
    expect(rowsBox.style.display).toBe("none");
    expect(mounted(view.container)).toEqual(drawn);
    await act(async () => {
      push({ kind: "batch", batch: hide(false) });
      await settle();
    });
    expect(list.hasAttribute("hidden")).toBe(false);
    expect(rowsBox.style.display).not.toBe("none");
    expect(mounted(view.container)).toEqual(drawn);
    expect(view.container.querySelector("#tasks input")).toBe(firstInput);
  });
});
