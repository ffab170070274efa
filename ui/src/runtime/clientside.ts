// Clientside callbacks: JavaScript functions registered in Rust and run here when their
// inputs change, with Dash's conventions (`dash_clientside.no_update`, throwing
// `dash_clientside.PreventUpdate`). Their outputs are set like user changes, so Rust's
// callbacks downstream of them fire in the next wave.

import { type ComponentId, idKey } from "./ids";

export interface ClientDep {
  id: ComponentId;
  prop: string;
  role: "input" | "state" | "output";
}

export interface ClientsideSpec {
  function: string;
  inputs: ClientDep[];
  outputs: ClientDep[];
  multi_output: boolean;
  prevent_initial_call: boolean;
}

export class PreventUpdate extends Error {}
export const noUpdate = Object.freeze({ __deskdash_no_update__: true });

declare global {
  interface Window {
    dash_clientside: { no_update: unknown; PreventUpdate: typeof PreventUpdate };
  }
}
window.dash_clientside = { no_update: noUpdate, PreventUpdate };

type Fn = (...args: unknown[]) => unknown;

export interface ClientsideHost {
  read(key: string, prop: string): unknown;
  write(id: ComponentId, changes: Record<string, unknown>): void;
  report(source: string, inputs: string[], message: string): void;
}

interface Compiled {
  spec: ClientsideSpec;
  fn: Fn | null;
  name: string;
}

export class Clientside {
  private compiled: Compiled[] = [];
  private depth = 0;

  constructor(private host: ClientsideHost) {}

  load(specs: ClientsideSpec[]): void {
    this.compiled = specs.map((spec, i) => {
      const name = `clientside#${i}`;
      try {
        // The function text is the app author's, shipped inside the binary.
        const fn = new Function(`return (${spec.function});`)() as Fn;
        return { spec, fn, name };
      } catch (e) {
        this.host.report(name, labels(spec), `does not compile: ${String(e)}`);
        return { spec, fn: null, name };
      }
    });
  }

  runInitial(): void {
    this.compiled.filter((c) => !c.spec.prevent_initial_call).forEach((c) => this.call(c));
  }

  /** Runs every clientside callback with one of `changed` as an Input. */
  fire(changed: Array<[string, string]>): void {
    const hit = new Set(changed.map(([k, p]) => `${k}\u0000${p}`));
    for (const c of this.compiled) {
      const fires = c.spec.inputs.some((d) => d.role === "input" && hit.has(`${idKey(d.id)}\u0000${d.prop}`));
      if (fires) this.call(c);
    }
  }

  private call(c: Compiled): void {
    if (!c.fn || this.depth > 32) return;
    const args = c.spec.inputs.map((d) => this.host.read(idKey(d.id), d.prop));
    let result: unknown;
    try {
      result = c.fn(...args);
    } catch (e) {
      if (e instanceof PreventUpdate) return;
      this.host.report(c.name, labels(c.spec), String(e));
      return;
    }
    const values = c.spec.multi_output ? (result as unknown[]) : [result];
    if (!Array.isArray(values) || values.length !== c.spec.outputs.length) {
      this.host.report(c.name, labels(c.spec), `returned ${JSON.stringify(result)} for ${c.spec.outputs.length} outputs`);
      return;
    }
    this.depth++;
    try {
      c.spec.outputs.forEach((o, i) => {
        const v = values[i];
        if (v === noUpdate || (typeof v === "object" && v !== null && "__deskdash_no_update__" in v)) return;
        this.host.write(o.id, { [o.prop]: v });
      });
    } finally {
      this.depth--;
    }
  }
}

function labels(spec: ClientsideSpec): string[] {
  return spec.inputs.filter((d) => d.role === "input").map((d) => `${idKey(d.id)}.${d.prop}`);
}
