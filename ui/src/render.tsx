// The generic renderer: draws any component node from its JSON, with the current props of
// components that have an id. Knows no particular app.

import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from "react";
import { type ComponentId, idKey, isComponent } from "./runtime/ids";
import type { WindowSession } from "./runtime/session";
import { registry } from "./components";

export const SessionContext = createContext<WindowSession | null>(null);

export function useSession(): WindowSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error("component rendered outside a window session");
  return s;
}

export interface ComponentProps {
  props: Record<string, unknown>;
  setProps: (changes: Record<string, unknown>) => void;
  /** The canonical id key, or null for components without an id. */
  idKey: string | null;
}

const noop = () => {};

function useLiveProps(key: string | null, initial: Record<string, unknown>): Record<string, unknown> {
  const session = useSession();
  const subscribe = useCallback((l: () => void) => (key ? session.store.subscribe(key, l) : noop), [session, key]);
  const snapshot = useCallback(() => (key ? session.store.get(key) ?? initial : initial), [session, key, initial]);
  return useSyncExternalStore(subscribe, snapshot);
}

function ComponentView({ node }: { node: { type: string; props: Record<string, unknown> } }) {
  const session = useSession();
  const id = node.props["id"] as ComponentId | undefined;
  const key = id === undefined || id === null ? null : idKey(id);
  const props = useLiveProps(key, node.props);
  const setProps = useCallback(
    (changes: Record<string, unknown>) => {
      if (id !== undefined && id !== null) session.setProps(id, changes);
    },
    [session, id],
  );
  const Impl = registry[node.type];
  if (!Impl) return <div className="dd-unknown">Unknown component type {node.type}</div>;
  return <Impl props={props} setProps={setProps} idKey={key} />;
}

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

function childKey(child: unknown, i: number): string {
  if (isComponent(child)) {
    const id = child.props["id"] as ComponentId | undefined;
    if (id !== undefined && id !== null) return idKey(id);
    const k = child.props["key"];
    if (typeof k === "string" || typeof k === "number") return `k${k}`;
  }
  return `i${i}`;
}

/** DOM attributes every component shares: string ids become the element id (tests and CSS
 * address them); map ids are kept as a data attribute. */
export function domProps(p: ComponentProps): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const id = p.props["id"];
  if (typeof id === "string") out["id"] = id;
  else if (p.idKey) out["data-dash-id"] = p.idKey;
  if (typeof p.props["className"] === "string") out["className"] = p.props["className"];
  if (typeof p.props["style"] === "object" && p.props["style"] !== null) out["style"] = p.props["style"];
  if (typeof p.props["title"] === "string") out["title"] = p.props["title"];
  if (p.props["hidden"] === true) out["hidden"] = true;
  return out;
}

export function str(props: Record<string, unknown>, key: string): string | undefined {
  const v = props[key];
  return typeof v === "string" ? v : undefined;
}

export function num(props: Record<string, unknown>, key: string): number | undefined {
  const v = props[key];
  return typeof v === "number" ? v : undefined;
}
