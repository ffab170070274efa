// The renderer's registry against the engine's catalog (`src/catalog.json`, generated from
// the catalog by the shell's tests): the same component types, and no component reads a
// property the engine does not know for its type (the engine would refuse it anyway).

import { describe, expect, it, vi } from "vitest";
import { render } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { catalog, propsOf } from "./catalog";
import { loadEveryComponent, registry } from "../src/components";
import { Node, RegistryContext, SessionContext } from "../src/node";
import type { ComponentNode } from "../src/runtime/ids";
import { WindowSession } from "../src/runtime/session";
import type { Transport } from "../src/runtime/transport";
import { errorLog } from "../src/runtime/errors";

vi.mock("plotly.js-strict-dist-min", () => ({ default: { react: vi.fn(async (el: HTMLElement) => Object.assign(el, { on: vi.fn() })), purge: vi.fn(), Plots: { resize: vi.fn() } } }));
vi.mock("ag-grid-react", () => ({ AgGridReact: () => null }));

const kinds: Record<string, string[]> = Object.fromEntries(Object.keys(catalog.kinds).map((k) => [k, Object.keys(propsOf(k))]));

/** What React itself asks of any object it is handed (element checks, own-property tests). */
const ignored = (name: string) => name.startsWith("$$") || name in Object.prototype;

/** Props that record every name a component reads, with a plain id and text children. */
function recording(seed: Record<string, unknown>): { props: Record<string, unknown>; read: Set<string> } {
  const read = new Set<string>();
  const props = new Proxy(seed, {
    get(target, name) {
      if (typeof name === "string" && !ignored(name)) read.add(name);
      return target[name as string];
    },
    has(target, name) {
      if (typeof name === "string" && !ignored(name)) read.add(name);
      return name in target;
    },
  });
  return { props, read };
}

const transport: Transport = {
  connect: async () => ({ title: "t", debug: false, instrument: false, layout: { type: "Div", props: {} }, batches: [], clientside: [], notices: [], theme: null, app_theme: {}, color_scheme: "light", component_bundles: 0 }),
  send: async () => null,
  answer: async () => {},
};

describe("component registry", () => {
  it("lists the same components as the engine's catalog", () => {
    expect(Object.keys(registry).sort()).toEqual(Object.keys(kinds).sort());
  });

  it("no component reads a property its catalog entry lacks, and each draws", async () => {
    const session = new WindowSession(transport);
    await session.start();
    const unknown: string[] = [];
    // Families drawn on first use draw synchronously once loaded: each kind is really drawn.
    await loadEveryComponent();
    errorLog.clear();
    for (const kind of Object.keys(registry)) {
      // An id of its own: a component that reports on mount (Location) must not lend its props to the next.
      // Only props the engine would let through: children for the kinds that have them.
      const children = (kinds[kind] ?? []).includes("children") ? { children: "c" } : {};
      const { props, read } = recording({ id: `x-${kind}`, ...children, ...SEEDS[kind] });
      const view = render(
        <MantineProvider>
          <RegistryContext.Provider value={registry}>
            <SessionContext.Provider value={session}>
              <Node node={insideParent(kind, { type: kind, props })} />
            </SessionContext.Provider>
          </RegistryContext.Provider>
        </MantineProvider>,
      );
      view.unmount();
      for (const name of read) if (!(kinds[kind] ?? []).includes(name)) unknown.push(`${kind}.${name}`);
    }
    expect(unknown).toEqual([]);
    expect(errorLog.all().map((e) => `${e.source}: ${e.message}`)).toEqual([]);
  });
});

/** What a kind needs to draw at all (a tab's value names it). */
const SEEDS: Record<string, Record<string, unknown>> = { TabsTab: { value: "x" }, TabsPanel: { value: "x" }, AccordionItem: { value: "x" } };

/** Mantine parts draw inside their parent (a GridCol in a Grid, a TabsTab in a Tabs). */
const PARENTS: Record<string, string[]> = {
  AppShellHeader: ["AppShell"], AppShellNavbar: ["AppShell"], AppShellAside: ["AppShell"], AppShellMain: ["AppShell"],
  AppShellFooter: ["AppShell"], GridCol: ["Grid"], CardSection: ["Card"], ListItem: ["List"],
  TabsList: ["Tabs"], TabsTab: ["Tabs", "TabsList"], TabsPanel: ["Tabs"],
  PopoverTarget: ["Popover"], PopoverDropdown: ["Popover"], HoverCardTarget: ["HoverCard"], HoverCardDropdown: ["HoverCard"],
  MenuTarget: ["Menu"], MenuDropdown: ["Menu"], MenuItem: ["Menu"], MenuLabel: ["Menu"], MenuDivider: ["Menu"],
  AccordionItem: ["Accordion"], AccordionControl: ["Accordion", "AccordionItem"], AccordionPanel: ["Accordion", "AccordionItem"],
};

function insideParent(kind: string, node: ComponentNode): ComponentNode {
  return (PARENTS[kind] ?? []).reduceRight<ComponentNode>(
    (inner, parent) => ({ type: parent, props: { value: "x", opened: true, children: inner } }),
    node,
  );
}
