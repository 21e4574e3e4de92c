import { describe, expect, it } from 'vitest';
import { Action, Loaded, Redo } from './loaded.svelte';

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

describe('an action on a screen', () => {
  it('answers what the work answered, or nothing and what went wrong', async () => {
    const action = new Action();
    expect(await action.run(async () => 'done')).toBe('done');
    expect([action.problem, action.running]).toEqual([null, false]);
    const failed = await action.run(async () => {
      throw { code: 'invalid', message: 'Name is empty', field: 'name' };
    });
    expect(failed).toBeUndefined();
    expect(action.problem?.message).toBe('Name is empty');
    expect(action.running).toBe(false);
  });

  it('replaces the view with what an action on it answered, and keeps it when one fails', async () => {
    const loaded = new Loaded(async (n: number) => n * 2);
    await loaded.load(2);
    expect(loaded.value).toBe(4);
    await loaded.update(async () => 7);
    expect(loaded.value).toBe(7);
    await loaded.update(async () => {
      throw { code: 'unreachable', message: 'Ringotel could not be reached', field: null };
    });
    expect([loaded.value, loaded.problem?.code]).toEqual([7, 'unreachable']);
    expect(await loaded.run(async () => 'switched')).toBe('switched');
    expect([loaded.value, loaded.problem]).toEqual([7, null]);
  });

  it('tries again what failed, not merely the last load', async () => {
    let reads = 0;
    let removals = 0;
    const loaded = new Loaded(async () => {
      reads += 1;
      return 'listed';
    });
    await loaded.load();
    await loaded.update(async () => {
      removals += 1;
      if (removals === 1) throw { code: 'unreachable', message: 'Ringotel could not be reached', field: null };
      return 'removed';
    });
    expect(loaded.value).toBe('listed');
    await loaded.retry();
    expect([loaded.value, loaded.problem, reads, removals]).toEqual(['removed', null, 1, 2]);

    // A value a panel saved meanwhile: the failure before it is not redone.
    await loaded.update(async () => {
      throw { code: 'unreachable', message: 'Ringotel could not be reached', field: null };
    });
    loaded.set('saved elsewhere');
    await loaded.retry();
    expect([loaded.value, loaded.problem]).toEqual(['saved elsewhere', null]);
  });
});

describe('a screen redoing its last failed action', () => {
  it('redoes the failure until another action starts, then does what it is told otherwise', async () => {
    const done: string[] = [];
    const redo = new Redo();
    redo.after(false, async () => done.push('export again'));
    await redo.run(() => done.push('check all'));
    redo.clear();
    await redo.run(() => done.push('check all'));
    redo.after(false, async () => done.push('draft again'));
    redo.after(true, async () => done.push('export again'));
    await redo.run(() => done.push('check all'));
    expect(done).toEqual(['export again', 'check all', 'check all']);
  });
});
