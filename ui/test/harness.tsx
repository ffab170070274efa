// Renders a layout through the real renderer with a fake transport that records what would
// be sent to Rust.

import { render } from "@testing-library/react";
import { MantineProvider } from "@mantine/core";
import { Node, RegistryContext, SessionContext } from "../src/node";
import { registry } from "../src/components";
import { WindowSession } from "../src/runtime/session";
import type { Change, LoadMessage, PushMessage, Transport } from "../src/runtime/transport";
import type { ComponentNode } from "../src/runtime/ids";
import type { ClientsideFunction, ClientsideResult } from "../src/runtime/clientside";

export interface Rendered {
  session: WindowSession;
  /** Changes sent to Rust. */
  sent: Change[];
  /** Answers to clientside calls sent to Rust. */
  answers: ClientsideResult[];
  /** Delivers a message as the shell would push it over the Channel. */
  push: (m: PushMessage) => void;
  view: ReturnType<typeof render>;
}

export async function renderLayout(layout: ComponentNode, clientside: ClientsideFunction[] = []): Promise<Rendered> {
  const sent: Change[] = [];
  const answers: ClientsideResult[] = [];
  let push: (m: PushMessage) => void = () => {};
  const transport: Transport = {
    async connect(onPush): Promise<LoadMessage> {
      push = onPush;
      return { title: "t", debug: true, instrument: false, layout, batches: [], clientside, notices: [], theme: null, app_theme: {}, color_scheme: "light", component_bundles: 0 };
    },
    async send(changes) {
      sent.push(...changes);
      return null;
    },
    async answer(result) {
      answers.push(result);
    },
  };
  const session = new WindowSession(transport);
  await session.start();
  const view = render(
    <MantineProvider>
      <RegistryContext.Provider value={registry}>
        <SessionContext.Provider value={session}>
          <Node node={layout} />
        </SessionContext.Provider>
      </RegistryContext.Provider>
    </MantineProvider>,
  );
  return { session, sent, answers, push: (m) => push(m), view };
}

/** Lets queued microtasks (the outbox flush) run. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

export const c = (type: string, props: Record<string, unknown>): ComponentNode => ({ type, props });
