import { describe, expect, it } from 'vitest';
import { asOf, formatName, smsModeLabel, stickiness } from './format';

describe('stickiness', () => {
  it('reads zero as disabled and whole units in words', () => {
    expect(stickiness(0)).toBe('Disabled');
    expect(stickiness(86_400)).toBe('1 day');
    expect(stickiness(7_200)).toBe('2 hours');
    expect(stickiness(90)).toBe('90 seconds');
    expect(stickiness(null)).toBe('—');
  });
});

describe('formatName', () => {
  it('names the portal formats and keeps unknown values visible', () => {
    expect(formatName('')).toBe('Off');
    expect(formatName('national0')).toBe('National with leading 0');
    expect(formatName('weird')).toBe('weird');
  });
});

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
