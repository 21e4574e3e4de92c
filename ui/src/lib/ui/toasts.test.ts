import { afterEach, describe, expect, it, vi } from 'vitest';
import { dismiss, toast, toasts } from './toasts.svelte';

describe('toasts', () => {
  afterEach(() => {
    vi.useRealTimers();
    toasts.splice(0, toasts.length);
  });

  it('lets a confirmation go by itself, but keeps a failure until it is dismissed', () => {
    vi.useFakeTimers();
    toast('Saved');
    toast('report.csv could not be written: Permission denied. Choose a folder you can write to and save again.', 'danger');
    vi.advanceTimersByTime(60_000);
    expect(toasts.map((t) => t.tone)).toEqual(['danger']);
    dismiss(toasts[0]!.id);
    expect(toasts).toEqual([]);
  });
});
