import { describe, expect, it } from 'vitest';
import { asOf, smsModeLabel } from './format';

describe('smsModeLabel', () => {
  it('calls mode 3 by its portal name', () => {
    expect(smsModeLabel({ kind: 'integrations' })).toBe('SMS via Integrations');
    expect(smsModeLabel({ kind: 'other', value: 9 })).toBe('Mode 9');
    expect(smsModeLabel(null)).toBe('Not reported');
  });
});

describe('asOf', () => {
  it('leaves out the date for today only', () => {
    const now = new Date(2026, 10, 27, 15, 0);
    expect(asOf(new Date(2026, 10, 27, 14, 5).getTime(), now)).toMatch(/^as of \d/);
    expect(asOf(new Date(2026, 10, 20, 14, 5).getTime(), now)).toMatch(/Nov/);
  });
});
