import { describe, expect, it } from 'vitest';
import { Loaded } from './loaded.svelte';

describe('a screen loading its data', () => {
  it('holds the value, then keeps it and says what went wrong when a reload fails', async () => {
    let fail = false;
    const loaded = new Loaded(async () => {
      if (fail) throw { code: 'unreachable', message: 'Ringotel could not be reached', field: null };
      return 42;
    });
    await loaded.load();
    expect([loaded.value, loaded.problem, loaded.loading]).toEqual([42, null, false]);
    fail = true;
    await loaded.load();
    expect(loaded.value).toBe(42);
    expect(loaded.problem?.code).toBe('unreachable');
  });
});
