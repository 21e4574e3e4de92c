// In-page timing recorder: end-to-end runs read window.__smsadminPerf for benchmarks (never assertions).
import { tick } from 'svelte';

declare global {
  interface Window {
    /** Recent timings in milliseconds, by name; each list keeps the last 2,000. */
    __smsadminPerf?: Record<string, number[]>;
  }
}

const KEEP = 2000;

/** Appends one timing under `name`, dropping the oldest beyond the last 2,000. */
export function recordTiming(name: string, ms: number): void {
  if (typeof window === 'undefined') return;
  const store = (window.__smsadminPerf ??= {});
  const list = (store[name] ??= []);
  list.push(ms);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

/**
 * Records `performance.now() - start` once Svelte has applied pending changes and the next frame has run
 * (the timeout after the animation frame lets that frame's paint happen first).
 */
export async function timeUntilPainted(name: string, start: number): Promise<void> {
  await tick();
  if (typeof requestAnimationFrame === 'function') {
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  recordTiming(name, performance.now() - start);
}
