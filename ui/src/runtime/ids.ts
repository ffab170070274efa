// Component ids and their canonical keys, matching the engine's: strings as themselves, maps
// as compact JSON with sorted keys.

import type { ComponentId } from "./protocol";

export type { ComponentId };

/** Keys of map ids already computed: a list of 1,000 rows has thousands of map ids, walked on
 * every patch of the list. Ids are never mutated (a changed id is a new object). */
const mapKeys = new WeakMap<object, string>();

export function idKey(id: ComponentId): string {
  if (typeof id === "string") return id;
  if (typeof id !== "object" || id === null) return JSON.stringify(id);
  const known = mapKeys.get(id);
  if (known !== undefined) return known;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(id).sort()) sorted[k] = id[k];
  const key = JSON.stringify(sorted);
  mapKeys.set(id, key);
  return key;
}

export interface ComponentNode {
  type: string;
  props: Record<string, unknown>;
}

export function isComponent(v: unknown): v is ComponentNode {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { type?: unknown }).type === "string" &&
    typeof (v as { props?: unknown }).props === "object"
  );
}
