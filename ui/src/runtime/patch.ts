// Applies the engine's Patch operations to a value without mutating it, so React sees new
// references only along the patched path.

import type { PatchOp, PathSeg } from "./protocol";

export type { PatchOp, PathSeg };

export class PatchError extends Error {}

type Container = Record<string, unknown> | unknown[];

function copyOf(v: unknown, seg: PathSeg): Container {
  if (Array.isArray(v)) return v.slice();
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (v === null || v === undefined) return typeof seg === "number" ? [] : {};
  if (typeof v === "object") return { ...(v as Record<string, unknown>) };
  throw new PatchError(`cannot descend into ${typeof v} at ${String(seg)}`);
}

function index(list: unknown[], i: number, allowEnd: boolean): number {
  const at = i < 0 ? list.length + i : i;
  const max = allowEnd ? list.length : list.length - 1;
  if (at < 0 || at > max) throw new PatchError(`index ${i} out of range for length ${list.length}`);
  return at;
}

function get(c: Container, seg: PathSeg): unknown {
  if (Array.isArray(c)) return c[index(c, Number(seg), false)];
  return (c as Record<string, unknown>)[String(seg)];
}

function put(c: Container, seg: PathSeg, v: unknown): void {
  if (Array.isArray(c)) c[index(c, Number(seg), false)] = v;
  else (c as Record<string, unknown>)[String(seg)] = v;
}

/** Replaces the value at `path` by `f(old)`, copying each container on the way. */
function update(root: unknown, path: PathSeg[], f: (old: unknown) => unknown): unknown {
  if (path.length === 0) return f(root);
  const [head, ...rest] = path as [PathSeg, ...PathSeg[]];
  const copy = copyOf(root, head);
  const child = Array.isArray(copy) || head in copy ? get(copy, head) : undefined;
  put(copy, head, update(child, rest, f));
  return copy;
}

function asList(v: unknown): unknown[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v.slice();
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  throw new PatchError("not a list");
}

function equal(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function applyOps(value: unknown, ops: PatchOp[]): unknown {
  let v = value;
  for (const op of ops) {
    switch (op.op) {
      case "assign":
        v = update(v, op.path, () => op.value);
        break;
      case "delete": {
        if (op.path.length === 0) {
          v = null;
          break;
        }
        const parent = op.path.slice(0, -1);
        const last = op.path[op.path.length - 1] as PathSeg;
        v = update(v, parent, (old) => {
          const c = copyOf(old, last);
          if (Array.isArray(c)) c.splice(index(c, Number(last), false), 1);
          else delete (c as Record<string, unknown>)[String(last)];
          return c;
        });
        break;
      }
      case "append":
        v = update(v, op.path, (old) => [...asList(old), op.value]);
        break;
      case "prepend":
        v = update(v, op.path, (old) => [op.value, ...asList(old)]);
        break;
      case "extend":
        v = update(v, op.path, (old) => [...asList(old), ...op.value]);
        break;
      case "insert":
        v = update(v, op.path, (old) => {
          const list = asList(old);
          list.splice(index(list, op.index, true), 0, op.value);
          return list;
        });
        break;
      case "merge":
        v = update(v, op.path, (old) => ({ ...((old as Record<string, unknown>) ?? {}), ...op.value }));
        break;
      case "remove":
        v = update(v, op.path, (old) => asList(old).filter((x) => !equal(x, op.value)));
        break;
    }
  }
  return v;
}
