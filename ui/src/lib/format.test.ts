import { describe, expect, it } from 'vitest';
import { asOf } from './format';

describe('asOf', () => {
  it('leaves out the date for today only', () => {
    const now = new Date(2026, 10, 27, 15, 0);
    expect(asOf(new Date(2026, 10, 27, 14, 5).getTime(), now)).toMatch(/^as of \d/);
    expect(asOf(new Date(2026, 10, 20, 14, 5).getTime(), now)).toMatch(/Nov/);
  });
});
