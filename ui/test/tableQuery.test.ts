import { describe, expect, it } from "vitest";
import { filterModelToQuery } from "../src/components/tableQuery";
import fixtures from "./fixtures/filter-queries.json";

describe("data table filter_query", () => {
  it.each(fixtures.cases.map((c) => [c.query, c.model] as const))("reports %j", (query, model) => {
    expect(filterModelToQuery(model as Parameters<typeof filterModelToQuery>[0])).toBe(query);
  });

  it("escapes column names and drops conditions Dash cannot express", () => {
    expect(filterModelToQuery({ "a}b": { filterType: "text", type: "equals", filter: "x" } })).toBe('{a\\}b} = "x"');
    expect(filterModelToQuery({ a: { filterType: "text", type: "startsWith", filter: "x" } })).toBe("");
    expect(filterModelToQuery(null)).toBe("");
  });
});
