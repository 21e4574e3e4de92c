import { describe, expect, it } from 'vitest';
import { keyId, statusTone } from './rows';

describe('rows', () => {
  it('give live and drafted numbers keys that never collide', () => {
    expect(keyId({ kind: 'existing', trunkId: '7' })).not.toBe(keyId({ kind: 'new', draftId: 7 }));
  });

  it('show a conflict as danger and a synced number as ok', () => {
    expect(statusTone('conflict')).toBe('danger');
    expect(statusTone('synced')).toBe('ok');
  });
});
