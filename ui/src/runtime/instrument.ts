// Timings for the benchmarks and end-to-end tests, kept on `window` globals. They exist only
// when the shell asks for them (debug builds, or a release build started with
// DESKDASH_INSTRUMENT set, as the bench does): a shipped app leaves no such globals.

declare global {
  interface Window {
    /** Rust-side time of the last waves, in microseconds. */
    __deskdashWaves?: number[];
    /** Wall-clock time (ms since the epoch) of the first paint with the layout. */
    __deskdashFirstPaint?: number;
    /** Wall-clock time (ms since the epoch) of the paint after the last batch. */
    __deskdashBatchPaint?: number;
    /** The last batches' time in the window's store (ms), and until React drew them. */
    __deskdashApply?: Array<{ at: number; store: number; drawn: number }>;
    /** When the last change was sent and when its answer arrived (`performance.now()`). */
    __deskdashLastAnswer?: { sent: number; answered: number };
  }
}

export function recordWave(us: number): void {
  const waves = (window.__deskdashWaves ??= []);
  waves.push(us);
  if (waves.length > 1000) waves.splice(0, waves.length - 1000);
}

/** A batch applied since `started`: its time in the store now, and until the drawing it
 * caused was committed (React draws a store's changes before the task's microtasks end). */
export function recordApply(started: number): void {
  const store = performance.now() - started;
  const log = (window.__deskdashApply ??= []);
  setTimeout(() => {
    log.push({ at: started, store, drawn: performance.now() - started });
    if (log.length > 1000) log.splice(0, log.length - 1000);
  }, 0);
}

export function recordFirstPaint(): void {
  requestAnimationFrame(() => requestAnimationFrame(() => (window.__deskdashFirstPaint = Date.now())));
}

export function recordBatchPaint(): void {
  requestAnimationFrame(() => requestAnimationFrame(() => (window.__deskdashBatchPaint = Date.now())));
}

export function recordAnswer(sent: number): void {
  window.__deskdashLastAnswer = { sent, answered: performance.now() };
}
