// AG Grid's column filters, reported as Dash DataTable's `filter_query` string
// (`{pop} > 300 && {city} contains "os"`), so a Rust callback reads the same language a Dash
// author knows (and `deskdash_engine::table::FilterQuery` evaluates it). Only the conditions
// that language can express are offered in the grid (see `TEXT_OPTIONS`, `NUMBER_OPTIONS`).

export const TEXT_OPTIONS = ["contains", "notContains", "equals", "notEqual", "blank", "notBlank"];
export const NUMBER_OPTIONS = ["equals", "notEqual", "lessThan", "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "inRange", "blank", "notBlank"];

interface Condition {
  filterType?: string;
  type?: string;
  filter?: string | number | null;
  filterTo?: string | number | null;
}

interface Combined {
  filterType?: string;
  operator: "AND" | "OR";
  conditions: Condition[];
}

type ColumnModel = Condition | Combined;

const RELATIONS: Record<string, string> = {
  equals: "=",
  notEqual: "!=",
  lessThan: "<",
  lessThanOrEqual: "<=",
  greaterThan: ">",
  greaterThanOrEqual: ">=",
};

function column(id: string): string {
  return `{${id.replace(/[\\}]/g, (c) => `\\${c}`)}}`;
}

function literal(v: string | number | null | undefined, numeric: boolean): string {
  if (numeric && typeof v === "number") return String(v);
  return `"${String(v ?? "").replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

function condition(id: string, c: Condition): string | null {
  const col = column(id);
  const numeric = c.filterType === "number";
  switch (c.type) {
    case "blank":
      return `${col} is blank`;
    case "notBlank":
      return `!(${col} is blank)`;
    case "contains":
      return `${col} contains ${literal(c.filter, false)}`;
    case "notContains":
      return `!(${col} contains ${literal(c.filter, false)})`;
    case "inRange":
      return `(${col} >= ${literal(c.filter, numeric)} && ${col} <= ${literal(c.filterTo, numeric)})`;
    default: {
      const op = c.type ? RELATIONS[c.type] : undefined;
      return op ? `${col} ${op} ${literal(c.filter, numeric)}` : null;
    }
  }
}

/** One column's filter: a single condition, or two joined by AND/OR. */
function columnQuery(id: string, m: ColumnModel): string | null {
  if ("conditions" in m) {
    const parts = m.conditions.map((c) => condition(id, { filterType: m.filterType, ...c })).filter((p): p is string => p !== null);
    if (parts.length === 0) return null;
    if (parts.length === 1) return parts[0] ?? null;
    return `(${parts.join(m.operator === "OR" ? " || " : " && ")})`;
  }
  return condition(id, m);
}

/** The grid's whole filter model as one `filter_query` ("" when nothing filters). */
export function filterModelToQuery(model: Record<string, ColumnModel> | null | undefined): string {
  if (!model) return "";
  return Object.entries(model)
    .map(([id, m]) => columnQuery(id, m))
    .filter((q): q is string => q !== null)
    .join(" && ");
}
