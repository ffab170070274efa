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

const FROM_RELATION: Record<string, string> = {
  "=": "equals",
  eq: "equals",
  "!=": "notEqual",
  ne: "notEqual",
  "<": "lessThan",
  lt: "lessThan",
  "<=": "lessThanOrEqual",
  le: "lessThanOrEqual",
  ">": "greaterThan",
  gt: "greaterThan",
  ">=": "greaterThanOrEqual",
  ge: "greaterThanOrEqual",
};

/** Each character outside quotes (escaped ones skipped), with the nesting depth of
 * parentheses and braces once it is read. */
function* structure(text: string): Generator<[number, string, number]> {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\\") {
      i++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") {
      quote = ch;
      continue;
    }
    if (ch === "(" || ch === "{") depth++;
    else if (ch === ")" || ch === "}") depth--;
    yield [i, ch, depth];
  }
}

/** Splits `text` at `separator` where it is outside quotes, braces and parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const [i, , depth] of structure(text)) {
    if (depth === 0 && i >= start && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i).trim());
      start = i + separator.length;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** `(inner)` → `inner` when the parentheses enclose the whole term. */
function unwrap(term: string): string | null {
  if (!term.startsWith("(") || !term.endsWith(")")) return null;
  for (const [i, ch, depth] of structure(term)) {
    if (ch === ")" && depth === 0 && i < term.length - 1) return null;
  }
  return term.slice(1, -1).trim();
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, "$1");
}

/** `{column} op value` → [column, op, value]; `value` unquoted, or a number. */
function comparison(term: string): [string, string, string | number] | null {
  const m = /^\{((?:\\.|[^}\\])*)\}\s*(!=|<=|>=|=|<|>|eq|ne|lt|le|gt|ge|contains|is)\s*(.*)$/s.exec(term);
  if (!m) return null;
  const [, column = "", op = "", rest = ""] = m;
  const quoted = /^(["'`])((?:\\.|(?!\1).)*)\1$/s.exec(rest);
  if (quoted) return [unescape(column), op, unescape(quoted[2] ?? "")];
  // A bare value is one word.
  if (!/^\S+$/.test(rest)) return null;
  return [unescape(column), op, Number.isNaN(Number(rest)) ? rest : Number(rest)];
}

type Parsed = [string, Condition];

function parseTerm(term: string, numeric: (column: string) => boolean): Parsed | Parsed[] | null {
  const negated = term.startsWith("!") ? unwrap(term.slice(1).trim()) : null;
  if (negated !== null) {
    const c = comparison(negated);
    if (c?.[1] === "is" && c[2] === "blank") return [c[0], { filterType: numeric(c[0]) ? "number" : "text", type: "notBlank" }];
    if (c?.[1] === "contains") return [c[0], { filterType: "text", type: "notContains", filter: String(c[2]) }];
    return null;
  }
  const inner = unwrap(term);
  if (inner !== null) {
    const or = splitTopLevel(inner, "||");
    const parts = or.length > 1 ? or : splitTopLevel(inner, "&&");
    const parsed = parts.map((p) => parseTerm(p, numeric));
    if (parsed.some((p) => p === null || Array.isArray(p[0]))) return null;
    return parsed as Parsed[];
  }
  const c = comparison(term);
  if (!c) return null;
  const [column, op, value] = c;
  const filterType = numeric(column) ? "number" : "text";
  if (op === "is") return value === "blank" ? [column, { filterType, type: "blank" }] : null;
  if (op === "contains") return [column, { filterType: "text", type: "contains", filter: String(value) }];
  const type = FROM_RELATION[op];
  if (!type || (filterType === "number" && typeof value !== "number")) return null;
  return [column, { filterType, type, filter: filterType === "text" ? String(value) : value }];
}

/**
 * A `filter_query` set from Rust, as the grid's filter model, so its filter row shows it.
 * Understands what `filterModelToQuery` writes and plain `{col} op value` terms joined by
 * `&&`; returns null for anything else (the grid then shows no filter, and the rows are
 * still whatever Rust sent).
 */
export function queryToFilterModel(query: string, numeric: (column: string) => boolean): Record<string, ColumnModel> | null {
  const model: Record<string, ColumnModel> = {};
  if (query.trim() === "") return model;
  // The filter row joins columns with AND; a top-level OR across columns has no place in it.
  if (splitTopLevel(query.trim(), "||").length > 1) return null;
  for (const term of splitTopLevel(query.trim(), "&&")) {
    const parsed = parseTerm(term, numeric);
    if (parsed === null) return null;
    if (Array.isArray(parsed[0])) {
      const conds = parsed as Parsed[];
      const column = conds[0]?.[0];
      if (column === undefined || conds.some(([c]) => c !== column)) return null;
      const inner = unwrap(term) ?? "";
      const isOr = splitTopLevel(inner, "||").length > 1;
      const [a, b] = conds.map(([, cond]) => cond);
      // `(x >= a && x <= b)` is how a range reads.
      if (!isOr && conds.length === 2 && a?.type === "greaterThanOrEqual" && b?.type === "lessThanOrEqual") {
        model[column] = { filterType: a.filterType, type: "inRange", filter: a.filter, filterTo: b.filter };
      } else {
        model[column] = { filterType: a?.filterType, operator: isOr ? "OR" : "AND", conditions: conds.map(([, cond]) => cond) };
      }
    } else {
      const [column, cond] = parsed as Parsed;
      if (model[column]) return null;
      model[column] = cond;
    }
  }
  return model;
}
