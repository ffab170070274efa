// Component ids and their canonical keys, matching the engine's: strings as themselves, maps
// as compact JSON with sorted keys.

import type { ComponentId } from "./protocol";

export type { ComponentId };

export function idKey(id: ComponentId): string {
  if (typeof id === "string") return id;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(id).sort()) sorted[k] = id[k];
  return JSON.stringify(sorted);
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
