// The renderer's registry draws exactly the component types the engine's catalog knows
// (`fixtures/catalog.json` is generated from the catalog by the shell's tests).

import { describe, expect, it } from "vitest";
import catalog from "./fixtures/catalog.json";
import { registry } from "../src/components";

describe("component registry", () => {
  it("lists the same components as the engine's catalog", () => {
    expect(Object.keys(registry).sort()).toEqual(Object.keys(catalog).sort());
  });

  it("every catalog entry has the common props", () => {
    for (const [kind, props] of Object.entries(catalog as Record<string, string[]>)) {
      expect(props, kind).toEqual(expect.arrayContaining(["id", "className", "style"]));
    }
  });
});
