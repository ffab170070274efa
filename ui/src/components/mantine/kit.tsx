// What every Mantine component shares: its props passed through to Mantine under the same
// names (the engine let through only the kind's catalog props, with their types), values that
// hold components drawn as nodes, and the few props that are deskdash's own (click counters,
// persistence, debounce) kept back from Mantine.

import { useEffect, useReducer, type ComponentType, type ReactNode } from "react";
import { type ComponentProps, domProps } from "../../props";
import { Node, useSession } from "../../node";
import { idKey, isComponent, type ComponentId, type ComponentNode } from "../../runtime/ids";

/** Props of deskdash's, never handed to a Mantine component. */
const DESKDASH_ONLY = new Set([
  "id", "className", "style", "key", "hidden",
  "n_clicks", "n_clicks_timestamp", "n_submit", "n_blur", "debounce", "updatemode",
  "persistence", "persisted_props", "persistence_type", "clickData", "hoverData",
]);

/** The kinds whose `title` is a heading (text or components), not the html tooltip. */
const TITLED = new Set(["Modal", "Drawer", "Alert", "Notification", "TimelineItem"]);

/** Whether a value holds components, so it is drawn as a node rather than handed over. */
function holdsComponents(value: unknown): boolean {
  return isComponent(value) || (Array.isArray(value) && value.some(isComponent));
}

/** The props a Mantine component gets from a deskdash node: its DOM attributes (id, class,
 * style), then every prop it was given, except those the wrapper sets itself. */
export function mantineProps(kind: string, p: ComponentProps, handled: readonly string[] = []): Record<string, unknown> {
  const out = domProps(p);
  const titled = TITLED.has(kind);
  if (titled) delete out["title"];
  for (const [name, value] of Object.entries(p.props)) {
    if (DESKDASH_ONLY.has(name) || handled.includes(name) || (name === "title" && !titled)) continue;
    if (value === undefined || value === null) continue;
    out[name] = name === "children" || holdsComponents(value) ? <Node node={value} /> : value;
  }
  return out;
}

/** A Mantine component as a plain component type: its catalog props are checked in Rust,
 * not against Mantine's TypeScript types. */
export function loose(Mantine: unknown): ComponentType<Record<string, unknown>> {
  return Mantine as ComponentType<Record<string, unknown>>;
}

/** A Mantine component drawn straight from its catalog props. */
export function passThrough(kind: string, Mantine: unknown, defaults: Record<string, unknown> = {}): ComponentType<ComponentProps> {
  const Loose = loose(Mantine);
  const Wrapped = (p: ComponentProps) => <Loose {...defaults} {...mantineProps(kind, p)} />;
  Wrapped.displayName = kind;
  return Wrapped;
}

/** Children as a list of separately keyed nodes, for Mantine components that walk their
 * children (Breadcrumbs puts a separator between them). */
export function nodeList(value: unknown): ReactNode[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items.map((item, i) => <Node key={i} node={item} />);
}

/** The component children of a node, each with the props the session holds for it now,
 * redrawn when any of them changes: for Mantine parents that build their items themselves
 * (Stepper, Timeline) from their children's props. */
export function useLiveChildren(value: unknown, kind: string): ComponentNode[] {
  const session = useSession();
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const items = (Array.isArray(value) ? value : [value]).filter(isComponent).filter((c) => c.type === kind);
  const keys = items.map((c) => c.props["id"]).filter((id) => id !== undefined && id !== null).map((id) => idKey(id as ComponentId));
  const joined = keys.join("\u0000");
  useEffect(() => {
    const offs = keys.map((k) => session.store.subscribe(k, redraw));
    return () => offs.forEach((off) => off());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, joined]);
  return items.map((c) => {
    const id = c.props["id"];
    const live = id === undefined || id === null ? undefined : session.store.get(idKey(id as ComponentId));
    return live ? { type: c.type, props: live } : c;
  });
}

/** Mantine targets (Popover, HoverCard, Menu, Tooltip) hand their child a ref: a span
 * element takes it, around whatever component the author put there. */
export function refTarget(children: unknown, onClick?: () => void): ReactNode {
  return (
    <span className="dd-target" style={{ display: "inline-block" }} onClick={onClick}>
      <Node node={children} />
    </span>
  );
}
