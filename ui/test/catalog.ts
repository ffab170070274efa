// The engine's component catalog (`fixtures/catalog.json`, generated from the Rust catalog by the
// shell's tests): which props each kind has, their types, and which a user's action changes.
// The renderer's tests hold every component to it.

import raw from "./fixtures/catalog.json";

export type PropTypeName =
  | "any" | "string" | "number" | "integer" | "boolean" | "array" | "object" | "string_or_number" | "value_or_list" | "children";

export interface KindEntry {
  family: "dash" | "mantine";
  props: Record<string, PropTypeName>;
  editable: string[];
}

interface CatalogJson {
  common: Record<string, PropTypeName>;
  mantine_style: Record<string, PropTypeName>;
  kinds: Record<string, KindEntry>;
}

export const catalog = raw as CatalogJson;

/** Every prop a kind has: its own, Mantine's style props for a Mantine kind, the common ones. */
export function propsOf(kind: string): Record<string, PropTypeName> {
  const entry = catalog.kinds[kind];
  if (!entry) return {};
  return { ...catalog.common, ...(entry.family === "mantine" ? catalog.mantine_style : {}), ...entry.props };
}

export function editableOf(kind: string): string[] {
  return catalog.kinds[kind]?.editable ?? [];
}
