// The renderer's copy of the window's state: the layout tree and the current props of every
// component with an id. Components subscribe to their own id; a batch notifies only the
// components it touches, all at once.

import { type ComponentId, type ComponentNode, idKey, isComponent } from "./ids";
import { applyOps } from "./patch";
import type { PatchBatch, PropUpdate } from "./protocol";

export type { PatchBatch, PropUpdate };

type Listener = () => void;

export class Store {
  private props = new Map<string, Record<string, unknown>>();
  /** Components whose props changed here (a user's edit, a batch) since a node last
   * registered them: their nodes in the layout tree are out of date. */
  private edited = new Set<string>();
  private listeners = new Map<string, Set<Listener>>();
  private busyKeys = new Set<string>();
  private busyListeners = new Set<Listener>();
  private batchListeners = new Set<(changed: Array<[string, string]>) => void>();
  root: ComponentNode | null = null;

  /** Nodes whose components' props are recorded as they are now. A node stays the same
   * object only while nothing inside it was edited (`materialize` replaces every node on the
   * way to an edited component), so registering it again would record the same props: a
   * patch that appends one row to 1,000 registers the one row. */
  private registered = new WeakSet<ComponentNode>();

  load(layout: ComponentNode): void {
    this.root = layout;
    this.props.clear();
    this.edited.clear();
    this.registered = new WeakSet();
    this.register(layout);
  }

  /** Records the props of every component with an id inside `v`. */
  register(v: unknown): void {
    if (Array.isArray(v)) {
      v.forEach((x) => this.register(x));
      return;
    }
    if (!isComponent(v) || this.registered.has(v)) return;
    const id = v.props["id"] as ComponentId | undefined;
    if (id !== undefined && id !== null) {
      const key = idKey(id);
      this.props.set(key, { ...v.props });
      this.edited.delete(key);
    }
    for (const value of Object.values(v.props)) {
      if (Array.isArray(value) || isComponent(value)) this.register(value);
    }
    this.registered.add(v);
  }

  /** `v` with the props of its edited components as they are now, since the session patches
   * a value as the window has it (a row's typed text survives a patch that deletes another
   * row). Untouched parts keep their references, so React redraws only what changed. */
  private materialize(v: unknown): unknown {
    if (Array.isArray(v)) {
      if (!v.some(isComponent)) return v;
      let changed = false;
      const out = v.map((x) => {
        const m = this.materialize(x);
        changed ||= m !== x;
        return m;
      });
      return changed ? out : v;
    }
    if (!isComponent(v)) return v;
    const id = v.props["id"] as ComponentId | undefined;
    const key = id === undefined || id === null ? null : idKey(id);
    let props = key && this.edited.has(key) ? { ...v.props, ...this.props.get(key) } : v.props;
    for (const [name, value] of Object.entries(props)) {
      if (!Array.isArray(value) && !isComponent(value)) continue;
      const m = this.materialize(value);
      if (m === value) continue;
      if (props === v.props) props = { ...props };
      props[name] = m;
    }
    return props === v.props ? v : { ...v, props };
  }

  get(key: string): Record<string, unknown> | undefined {
    return this.props.get(key);
  }

  subscribe(key: string, listener: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Sets props locally (from a user event or a batch) and notifies the component, unless
   * nothing it shows changed (`redraw: false`). */
  set(key: string, changes: Record<string, unknown>, { redraw = true }: { redraw?: boolean } = {}): void {
    const current = this.props.get(key) ?? {};
    const next = { ...current, ...changes };
    this.props.set(key, next);
    this.edited.add(key);
    for (const value of Object.values(changes)) {
      if (Array.isArray(value) || isComponent(value)) this.register(value);
    }
    if (redraw) this.listeners.get(key)?.forEach((l) => l());
  }

  /** Applies one wave's updates together; returns the `[key, prop]` pairs changed. */
  applyBatch(batch: PatchBatch): Array<[string, string]> {
    const grouped = new Map<string, Record<string, unknown>>();
    const changed: Array<[string, string]> = [];
    for (const u of batch.updates) {
      const key = idKey(u.id);
      const pending = grouped.get(key) ?? {};
      const before = u.prop in pending ? pending[u.prop] : this.props.get(key)?.[u.prop];
      pending[u.prop] = "patch" in u ? applyOps(this.materialize(before), u.patch) : u.value;
      grouped.set(key, pending);
      changed.push([key, u.prop]);
    }
    for (const [key, changes] of grouped) this.set(key, changes);
    this.setBusy(batch.busy.map(idKey));
    this.batchListeners.forEach((l) => l(changed));
    return changed;
  }

  onBatch(listener: (changed: Array<[string, string]>) => void): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  setBusy(keys: string[]): void {
    this.busyKeys = new Set(keys);
    this.busyListeners.forEach((l) => l());
  }

  isBusy(key: string): boolean {
    return this.busyKeys.has(key);
  }

  subscribeBusy(listener: Listener): () => void {
    this.busyListeners.add(listener);
    return () => this.busyListeners.delete(listener);
  }
}
