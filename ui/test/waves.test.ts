import { describe, expect, it } from "vitest";
import { WaveOrder } from "../src/runtime/waves";
import type { PatchBatch } from "../src/runtime/protocol";

const batch = (wave: number): PatchBatch => ({ wave, compute_us: 0, busy: [], updates: [] });

describe("wave order", () => {
  it("applies batches in wave order whichever path delivered them first", () => {
    const applied: number[] = [];
    const order = new WaveOrder((b) => applied.push(b.wave));
    order.receive(batch(1));
    order.receive(batch(3)); // the answer to a change overtook wave 2 on the Channel
    expect(applied).toEqual([1]);
    order.receive(batch(2));
    expect(applied).toEqual([1, 2, 3]);
  });

  it("ignores a batch it has already applied and starts over on a new load", () => {
    const applied: number[] = [];
    const order = new WaveOrder((b) => applied.push(b.wave));
    order.receive(batch(1));
    order.receive(batch(1));
    order.reset();
    order.receive(batch(1));
    expect(applied).toEqual([1, 1]);
  });
});

describe("wave order safety", () => {
  it("does not freeze behind a wave that never comes", () => {
    const applied: number[] = [];
    const gaps: number[] = [];
    const order = new WaveOrder((b) => applied.push(b.wave), (missing) => gaps.push(missing));
    for (let w = 2; w <= 70; w++) order.receive(batch(w));
    expect(gaps).toEqual([1]);
    expect(applied[0]).toBe(2);
  });
});
