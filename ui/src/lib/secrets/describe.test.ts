import { describe, expect, it } from 'vitest';
import { isKept, whereKept } from './describe';

describe('whereKept', () => {
  it('names each place a secret can be, and an unavailable keychain', () => {
    expect(whereKept({ state: 'stored', location: 'keychain' })).toBe('in the system keychain');
    expect(whereKept({ state: 'stored', location: 'session' })).toBe('kept for this session only');
    expect(whereKept({ state: 'stored', location: 'missing' })).toBe('not stored');
    expect(whereKept({ state: 'unavailable', message: 'locked' })).toMatch(/unavailable/);
  });

  it('counts only a secret held somewhere as kept', () => {
    expect(isKept({ state: 'stored', location: 'session' })).toBe(true);
    expect(isKept({ state: 'stored', location: 'missing' })).toBe(false);
    expect(isKept({ state: 'unavailable', message: 'x' })).toBe(false);
  });
});
