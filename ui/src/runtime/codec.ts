// Decodes the shell's frames: `u32 header length | 4 zero bytes | f64 blocks | header JSON`.
// Each `{"$f64": [offset, length]}` in the header becomes a Float64Array view on the frame,
// so figure data is never parsed from number text.

export class FrameError extends Error {}

const BLOCKS_START = 8;

export function decodeFrame(buffer: ArrayBuffer): unknown {
  const view = new DataView(buffer);
  const headerLength = view.getUint32(0, true);
  if (headerLength > buffer.byteLength - BLOCKS_START) throw new FrameError(`frame of ${buffer.byteLength} bytes claims a ${headerLength}-byte header`);
  const blocksEnd = buffer.byteLength - headerLength;
  const headerBytes = new Uint8Array(buffer, blocksEnd, headerLength);
  const header: unknown = JSON.parse(new TextDecoder().decode(headerBytes));
  return restore(header, buffer, blocksEnd);
}

/** A block reference `{"$f64": [offset, length]}` becomes a view on the frame's blocks; a
 * user object that looked like one arrives escaped as `{"$esc": object}` and is restored as
 * itself. */
function restore(v: unknown, buffer: ArrayBuffer, blocksEnd: number): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = restore(v[i], buffer, blocksEnd);
    return v;
  }
  if (typeof v === "object" && v !== null) {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === "$esc") {
      const inner = obj["$esc"] as Record<string, unknown>;
      for (const k of Object.keys(inner)) inner[k] = restore(inner[k], buffer, blocksEnd);
      return inner;
    }
    const ref = obj["$f64"];
    if (Array.isArray(ref) && keys.length === 1) {
      const [offset, length] = ref as [number, number];
      const fits = Number.isInteger(offset) && Number.isInteger(length) && offset >= BLOCKS_START && offset % 8 === 0 && length >= 0 && offset + length * 8 <= blocksEnd;
      if (!fits) throw new FrameError(`block [${offset}, ${length}] lies outside the frame's blocks`);
      return new Float64Array(buffer, offset, length);
    }
    for (const k of keys) obj[k] = restore(obj[k], buffer, blocksEnd);
    return obj;
  }
  return v;
}

/** Builds a frame the way the shell does (used by tests and the in-browser preview). */
export function encodeFrame(message: unknown): ArrayBuffer {
  const header = new TextEncoder().encode(JSON.stringify(message));
  const out = new Uint8Array(8 + header.length);
  new DataView(out.buffer).setUint32(0, header.length, true);
  out.set(header, 8);
  return out.buffer;
}
