// Decodes the shell's frames: `u32 header length | 4 zero bytes | f64 blocks | header JSON`.
// Each `{"$f64": [offset, length]}` in the header becomes a Float64Array view on the frame,
// so figure data is never parsed from number text.

export function decodeFrame(buffer: ArrayBuffer): unknown {
  const view = new DataView(buffer);
  const headerLength = view.getUint32(0, true);
  const headerBytes = new Uint8Array(buffer, buffer.byteLength - headerLength, headerLength);
  const header: unknown = JSON.parse(new TextDecoder().decode(headerBytes));
  return restore(header, buffer);
}

function restore(v: unknown, buffer: ArrayBuffer): unknown {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = restore(v[i], buffer);
    return v;
  }
  if (typeof v === "object" && v !== null) {
    const obj = v as Record<string, unknown>;
    const ref = obj["$f64"];
    if (Array.isArray(ref) && Object.keys(obj).length === 1) {
      const [offset, length] = ref as [number, number];
      return new Float64Array(buffer, offset, length);
    }
    for (const k of Object.keys(obj)) obj[k] = restore(obj[k], buffer);
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
