import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../backend';
import { byField, joinerAfter } from './problems';

describe('byField', () => {
  const list: FieldProblem[] = [
    { field: 'token', message: 'first' },
    { field: 'token', message: 'second' },
    { field: 'username', message: 'empty' },
  ];

  it('keeps the first problem of each field', () => {
    expect(byField(list)).toEqual({ token: 'first', username: 'empty' });
  });

  it('shows only touched fields when asked', () => {
    expect(byField(list, { username: true })).toEqual({ username: 'empty' });
  });
});

describe('joinerAfter', () => {
  it('starts the next sentence after words that did not end theirs', () => {
    expect(joinerAfter('Ringotel kept failing (HTTP 503)')).toBe('. ');
    expect(joinerAfter('thinQ said: account suspended.')).toBe(' ');
  });
});
