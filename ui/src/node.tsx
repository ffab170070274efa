// The generic renderer: draws any component node from its JSON, with the current props of
// components that have an id. The component registry comes from context (the app root
// provides it), so component files can draw their children without importing the registry
// back: there is no import circle. Knows no particular app.

import { createContext, memo, useCallback, useContext, useSyncExternalStore, type ComponentType, type ReactNode } from "react";
import { type ComponentId, idKey, isComponent } from "./runtime/ids";
import type { WindowSession } from "./runtime/session";
import type { ComponentProps } from "./props";
import { DrawError } from "./DrawError";

export const SessionContext = createContext<WindowSession | null>(null);
export type Registry = Record<string, ComponentType<ComponentProps>>;
export const RegistryContext = createContext<Registry>({});

export function useSession(): WindowSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error("component rendered outside a window session");
  return s;
}

const noop = () => {};

function useLiveProps(key: string | null, initial: Record<string, unknown>): Record<string, unknown> {
  const session = useSession();
  const subscribe = useCallback((l: () => void) => (key ? session.store.subscribe(key, l) : noop), [session, key]);
  const snapshot = useCallback(() => (key ? session.store.get(key) ?? initial : initial), [session, key, initial]);
  return useSyncExternalStore(subscribe, snapshot);
}

// Memoized by node: a list whose one row was patched redraws that row, not its siblings
// (their nodes keep their references; live props reach them through the store).
const ComponentView = memo(function ComponentView({ node }: { node: { type: string; props: Record<string, unknown> } }) {
  const session = useSession();
  const registry = useContext(RegistryContext);
  const id = node.props["id"] as ComponentId | undefined;
  const key = id === undefined || id === null ? null : idKey(id);
  const props = useLiveProps(key, node.props);
  const setProps = useCallback(
    (changes: Record<string, unknown>) => {
      if (id !== undefined && id !== null) session.setProps(id, changes);
    },
    [session, id],
  );
  const current = useCallback(() => (key ? session.store.get(key) ?? props : props), [session, key, props]);
  const Impl = registry[node.type];
  if (!Impl) return <div className="dd-unknown">Unknown component type {node.type}</div>;
  return (
    <DrawError kind={node.type} id={key}>
      <Impl props={props} setProps={setProps} idKey={key} current={current} />
    </DrawError>
  );
});

/** Draws children: text, numbers, a component, or a list of them. */
export function Node({ node }: { node: unknown }): ReactNode {
  if (node === null || node === undefined || typeof node === "boolean") return null;
  if (typeof node === "string" || typeof node === "number") return node;
  if (Array.isArray(node)) {
    return node.map((child, i) => <Node key={childKey(child, i)} node={child} />);
  }
  if (isComponent(node)) return <ComponentView node={node} />;
  return String(JSON.stringify(node));
}

/** A child's identity across redraws: its id, else its `key`, else its place. */
export function childKey(child: unknown, i: number): string {
  if (isComponent(child)) {
    const id = child.props["id"] as ComponentId | undefined;
    if (id !== undefined && id !== null) return idKey(id);
    const k = child.props["key"];
    if (typeof k === "string" || typeof k === "number") return `k${k}`;
  }
  return `i${i}`;
}
