// Clientside callbacks: JavaScript functions registered in Rust. The engine schedules them
// like any other callback (so Rust callbacks downstream wait for their result, in the same
// wave) and sends each call here with its arguments; this module runs the function with
// Dash's conventions and returns how it ended. It never reads the component store: the
// arguments come with the call, so store data the screen does not show stays in Rust.

import type { ComponentId } from "./ids";
import type { ClientsideCall, ClientsideContext, ClientsideFunction, ClientsideOutcome, ClientsideResult, SetProps } from "./protocol";

export type { ClientsideCall, ClientsideFunction, ClientsideOutcome, ClientsideResult };
export type CallbackContext = ClientsideContext;
export type SetPropsCall = SetProps;

export class PreventUpdate extends Error {}
/** Serializes as the engine's no-update marker. */
export const noUpdate = Object.freeze({ __deskdash_no_update__: true }); // the engine's WIRE_NO_UPDATE

/** Dash's `callback_context`, with the `inputs`/`states` maps it derives from the lists. */
interface DashContext extends CallbackContext {
  inputs: Record<string, unknown>;
  states: Record<string, unknown>;
}

declare global {
  interface Window {
    dash_clientside: {
      no_update: unknown;
      PreventUpdate: typeof PreventUpdate;
      callback_context: DashContext | null;
      set_props: (id: ComponentId, props: Record<string, unknown>) => void;
    };
  }
}

export type ClientsideFn = (...args: unknown[]) => unknown;
type Fn = ClientsideFn;

/** Turns a function's source into the function, or rejects with why it does not compile. */
export type Compile = (f: ClientsideFunction) => Promise<ClientsideFn>;

/** Compiles with the Function constructor, for tests outside any CSP. An app's window loads
 *  each function as a script instead (`Transport.compile`), so its CSP needs no 'unsafe-eval'. */
export const compileInPlace: Compile = async (f) => new Function(`return (${f.source});`)() as Fn;

export class Clientside {
  /** Each callback's compiled function, or why it did not compile. */
  private functions = new Map<number, Fn | string>();
  /** Settles once every function of the last `load` is compiled (or known not to be). */
  private ready: Promise<void> = Promise.resolve();
  /** set_props calls of the call running now (its synchronous part). */
  private collecting: SetPropsCall[] | null = null;

  /** `outside` receives set_props made outside any call (from a timer, say): a user change. */
  constructor(
    outside: (id: ComponentId, props: Record<string, unknown>) => void,
    private readonly compile: Compile = compileInPlace,
  ) {
    window.dash_clientside = {
      no_update: noUpdate,
      PreventUpdate,
      callback_context: null,
      set_props: (id, props) => {
        if (this.collecting) this.collecting.push({ id, props });
        else outside(id, props);
      },
    };
  }

  load(functions: ClientsideFunction[]): void {
    this.functions.clear();
    const compiled = functions.map(async (f) => {
      try {
        // The function text is the app author's, shipped inside the binary.
        this.functions.set(f.callback, await this.compile(f));
      } catch (e) {
        this.functions.set(f.callback, `does not compile: ${message(e)}`);
      }
    });
    this.ready = Promise.all(compiled).then(() => undefined);
  }

  /** Runs one call once the functions are compiled; never throws: every way it can end is
   *  an outcome for the engine. */
  async run(call: ClientsideCall): Promise<ClientsideResult> {
    await this.ready;
    const fn = this.functions.get(call.callback);
    const setProps: SetPropsCall[] = [];
    const answer = (outcome: ClientsideOutcome): ClientsideResult => ({ call: call.call, outcome, set_props: setProps });
    if (fn === undefined) return answer({ kind: "error", message: `no clientside function for callback ${call.callback} (${call.name})` });
    if (typeof fn === "string") return answer({ kind: "error", message: fn });
    let result: unknown;
    this.collecting = setProps;
    window.dash_clientside.callback_context = dashContext(call.context);
    try {
      result = fn(...call.args);
    } catch (e) {
      return answer(e instanceof PreventUpdate ? { kind: "prevent" } : { kind: "error", message: message(e) });
    } finally {
      this.collecting = null;
      window.dash_clientside.callback_context = null;
    }
    try {
      // An async function's result is awaited, as Dash does.
      const value = await result;
      return answer({ kind: "value", value: value === undefined ? null : value });
    } catch (e) {
      return answer(e instanceof PreventUpdate ? { kind: "prevent" } : { kind: "error", message: message(e) });
    }
  }
}

function dashContext(context: CallbackContext): DashContext {
  const byPropId = (list: unknown[]) => {
    const out: Record<string, unknown> = {};
    for (const entry of list.flat()) {
      const e = entry as { id?: ComponentId; property?: string; value?: unknown } | null;
      if (e?.id === undefined || e.property === undefined) continue;
      const id = typeof e.id === "string" ? e.id : JSON.stringify(e.id);
      out[`${id}.${e.property}`] = e.value;
    }
    return out;
  };
  return { ...context, inputs: byPropId(context.inputs_list), states: byPropId(context.states_list) };
}

function message(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  return typeof e === "string" ? e : JSON.stringify(e);
}
