import { describe, expect, it } from "vitest";
import { applyOps, PatchError } from "../src/runtime/patch";

describe("applyOps", () => {
  const cases: Array<[string, unknown, Parameters<typeof applyOps>[1], unknown]> = [
    ["assign nested", { a: { b: 1 } }, [{ op: "assign", path: ["a", "b"], value: 2 }], { a: { b: 2 } }],
    ["assign creates keys", {}, [{ op: "assign", path: ["x", "y"], value: 1 }], { x: { y: 1 } }],
    ["assign negative index", [1, 2, 3], [{ op: "assign", path: [-1], value: 9 }], [1, 2, 9]],
    ["delete key", { a: 1, b: 2 }, [{ op: "delete", path: ["a"] }], { b: 2 }],
    ["delete index", [1, 2, 3], [{ op: "delete", path: [1] }], [1, 3]],
    ["append", { l: [1] }, [{ op: "append", path: ["l"], value: 2 }], { l: [1, 2] }],
    ["prepend", { l: [1] }, [{ op: "prepend", path: ["l"], value: 0 }], { l: [0, 1] }],
    ["extend", { l: [1] }, [{ op: "extend", path: ["l"], value: [2, 3] }], { l: [1, 2, 3] }],
    ["insert", { l: [1, 3] }, [{ op: "insert", path: ["l"], index: 1, value: 2 }], { l: [1, 2, 3] }],
    ["merge", { o: { a: 1 } }, [{ op: "merge", path: ["o"], value: { b: 2 } }], { o: { a: 1, b: 2 } }],
    ["remove", { l: ["a", "b", "a"] }, [{ op: "remove", path: ["l"], value: "a" }], { l: ["b"] }],
  ];
  for (const [name, before, ops, after] of cases) {
    it(name, () => expect(applyOps(before, ops)).toEqual(after));
  }

  it("never mutates the input and shares untouched branches", () => {
    const before = { fig: { data: [{ y: [1] }] }, other: { big: [1, 2, 3] } };
    const frozen = JSON.stringify(before);
    const after = applyOps(before, [{ op: "append", path: ["fig", "data", 0, "y"], value: 2 }]) as typeof before;
    expect(JSON.stringify(before)).toBe(frozen);
    expect(after.other).toBe(before.other);
    expect(after.fig.data[0]?.y).toEqual([1, 2]);
  });

  it("extends a typed array received as bytes", () => {
    const after = applyOps({ y: new Float64Array([1, 2]) }, [{ op: "extend", path: ["y"], value: [3] }]);
    expect(after).toEqual({ y: [1, 2, 3] });
  });

  it("refuses an index out of range", () => {
    expect(() => applyOps([1], [{ op: "delete", path: [5] }])).toThrow(PatchError);
  });
});
