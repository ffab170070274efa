import { describe, expect, it } from "vitest";
import { decodeFrame, encodeFrame, FrameError } from "../src/runtime/codec";

/** Builds a frame with one f64 block, as the shell's codec does. */
function frameWithBlock(values: number[], header: (offset: number) => unknown): ArrayBuffer {
  const json = new TextEncoder().encode(JSON.stringify(header(8)));
  const buf = new ArrayBuffer(8 + values.length * 8 + json.length);
  new DataView(buf).setUint32(0, json.length, true);
  new Float64Array(buf, 8, values.length).set(values);
  new Uint8Array(buf, 8 + values.length * 8).set(json);
  return buf;
}

describe("decodeFrame", () => {
  it("turns block references into Float64Array views", () => {
    const frame = frameWithBlock([1.5, 2.5, 3.5], (offset) => ({ kind: "batch", x: { $f64: [offset, 3] }, name: "a" }));
    const msg = decodeFrame(frame) as { x: Float64Array; name: string };
    expect(msg.x).toBeInstanceOf(Float64Array);
    expect(Array.from(msg.x)).toEqual([1.5, 2.5, 3.5]);
    expect(msg.name).toBe("a");
  });

  it("reads a frame without blocks", () => {
    expect(decodeFrame(encodeFrame({ kind: "error", error: { message: "x" } }))).toEqual({ kind: "error", error: { message: "x" } });
  });

  it("gives back a user object that the shell escaped because it looked like a block", () => {
    const frame = frameWithBlock([7], (offset) => ({ user: { $esc: { $f64: [8, 1000] } }, nested: { $esc: { $f64: { $f64: [offset, 1] } } } }));
    const msg = decodeFrame(frame) as { user: unknown; nested: { $f64: Float64Array } };
    expect(msg.user).toEqual({ $f64: [8, 1000] });
    expect(Array.from(msg.nested.$f64)).toEqual([7]);
  });

  it("refuses a block that would read outside the blocks", () => {
    const frame = frameWithBlock([1, 2], () => ({ x: { $f64: [8, 1000] } }));
    expect(() => decodeFrame(frame)).toThrow(FrameError);
    const misaligned = frameWithBlock([1, 2], () => ({ x: { $f64: [12, 1] } }));
    expect(() => decodeFrame(misaligned)).toThrow(FrameError);
  });
});
