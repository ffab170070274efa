// Puts batches back in wave order. A quick wave's batch arrives as the answer to the change
// that started it, later and pushed ones on the Channel; the two paths may overtake each
// other, so a batch waits until every earlier wave has been applied. Waves are numbered
// from 1 without gaps, per window session.

import type { PatchBatch } from "./protocol";

/** Batches held behind a missing wave before giving up on it. */
const MAX_HELD = 64;

export class WaveOrder {
  private next = 1;
  private held = new Map<number, PatchBatch>();

  constructor(
    private apply: (batch: PatchBatch) => void,
    private onGap: (missing: number, resumeAt: number) => void = () => {},
  ) {}

  /** A new session (a load) starts counting again. */
  reset(): void {
    this.next = 1;
    this.held.clear();
  }

  receive(batch: PatchBatch): void {
    if (batch.wave < this.next) return;
    this.held.set(batch.wave, batch);
    // The engine numbers waves without gaps, so this never happens; if it did, the screen
    // would freeze behind a missing wave. Better to skip it, and say so.
    if (this.held.size > MAX_HELD) {
      const lowest = Math.min(...this.held.keys());
      this.onGap(this.next, lowest);
      this.next = lowest;
    }
    for (let b = this.held.get(this.next); b; b = this.held.get(this.next)) {
      this.held.delete(this.next);
      this.next += 1;
      this.apply(b);
    }
  }
}
