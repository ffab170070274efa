// Renders a layout through the real renderer with a fake transport that records what would
// be sent to Rust.

import { render } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { Node, SessionContext } from "../src/render";
import { WindowSession } from "../src/runtime/session";
import type { Change, LoadMessage, Transport } from "../src/runtime/transport";
import type { ComponentNode } from "../src/runtime/ids";
import type { ClientsideSpec } from "../src/runtime/clientside";

export interface Rendered {
  session: WindowSession;
  sent: Change[];
  view: ReturnType<typeof render>;
}

export async function renderLayout(layout: ComponentNode, clientside: ClientsideSpec[] = []): Promise<Rendered> {
  const sent: Change[] = [];
  const transport: Transport = {
    async connect(): Promise<LoadMessage> {
      return { kind: "load", title: "t", debug: true, layout, batches: [], clientside };
    },
    async send(changes) {
      sent.push(...changes);
    },
  };
  const session = new WindowSession(transport);
  await session.start();
  const view = render(
    <MantineProvider>
      <SessionContext.Provider value={session}>
        <Node node={layout} />
      </SessionContext.Provider>
    </MantineProvider>,
  );
  return { session, sent, view };
}

/** Lets queued microtasks (the outbox flush) run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

export const c = (type: string, props: Record<string, unknown>): ComponentNode => ({ type, props });
