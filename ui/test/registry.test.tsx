// The renderer's registry against the engine's catalog (`fixtures/catalog.json`, generated
// from the catalog by the shell's tests): the same component types, and no component reads a
// property the engine does not know for its type (the engine would refuse it anyway).

import { describe, expect, it, vi } from "vitest";
import { render } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import catalog from "./fixtures/catalog.json";
import { registry } from "../src/components";
import { RegistryContext, SessionContext } from "../src/node";
import { WindowSession } from "../src/runtime/session";
import type { Transport } from "../src/runtime/transport";

vi.mock("plotly.js-strict-dist-min", () => ({ default: { react: vi.fn(async (el: HTMLElement) => Object.assign(el, { on: vi.fn() })), purge: vi.fn(), Plots: { resize: vi.fn() } } }));
vi.mock("ag-grid-react", () => ({ AgGridReact: () => null }));

const kinds = catalog as Record<string, string[]>;

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
  connect: async () => ({ title: "t", debug: false, instrument: false, layout: { type: "Div", props: {} }, batches: [], clientside: [], notices: [], theme: null }),
  send: async () => null,
  answer: async () => {},
};

describe("component registry", () => {
  it("lists the same components as the engine's catalog", () => {
    expect(Object.keys(registry).sort()).toEqual(Object.keys(kinds).sort());
  });

  it("no component reads a property its catalog entry lacks", async () => {
    const session = new WindowSession(transport);
    await session.start();
    const unknown: string[] = [];
    for (const [kind, Impl] of Object.entries(registry)) {
      const { props, read } = recording({ id: "x", children: "c" });
      const view = render(
        <MantineProvider>
          <RegistryContext.Provider value={registry}>
            <SessionContext.Provider value={session}>
              <Impl props={props} setProps={() => {}} idKey="x" current={() => props} />
            </SessionContext.Provider>
          </RegistryContext.Provider>
        </MantineProvider>,
      );
      view.unmount();
      for (const name of read) if (!(kinds[kind] ?? []).includes(name)) unknown.push(`${kind}.${name}`);
    }
    expect(unknown).toEqual([]);
  });
});
