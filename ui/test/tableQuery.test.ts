import { describe, expect, it } from "vitest";
import { filterModelToQuery, queryToFilterModel } from "../src/components/tableQuery";
import fixtures from "./fixtures/filter-queries.json";

describe("data table filter_query", () => {
  it.each(fixtures.cases.map((c) => [c.query, c.model] as const))("reports %j", (query, model) => {
    expect(filterModelToQuery(model as Parameters<typeof filterModelToQuery>[0])).toBe(query);
  });

  it.each(fixtures.cases.map((c) => [c.query, c.model] as const))("shows %j set from Rust in the filter row", (query, model) => {
    expect(queryToFilterModel(query, (column) => column === "pop")).toEqual(model);
  });

  it("reads plain Dash terms written by hand, and refuses what the filter row cannot show", () => {
    const numeric = (column: string) => column === "pop";
    expect(queryToFilterModel("{pop} gt 3 && {city} eq 'Oslo'", numeric)).toEqual({
      pop: { filterType: "number", type: "greaterThan", filter: 3 },
      city: { filterType: "text", type: "equals", filter: "Oslo" },
    });
    expect(queryToFilterModel("{pop} > 3 || {city} = Oslo", numeric)).toBeNull();
    expect(queryToFilterModel("{pop} > 3 && {pop} < 9", numeric)).toBeNull();
    expect(queryToFilterModel("{city} datestartswith 2020", numeric)).toBeNull();
  });

  it("escapes column names and drops conditions Dash cannot express", () => {
    expect(filterModelToQuery({ "a}b": { filterType: "text", type: "equals", filter: "x" } })).toBe('{a\\}b} = "x"');
    expect(filterModelToQuery({ a: { filterType: "text", type: "startsWith", filter: "x" } })).toBe("");
    expect(filterModelToQuery(null)).toBe("");
  });
});
