// Field problems from the backend, keyed by field for the form to show beside each input.
import type { FieldProblem } from '../backend';

/** The first problem of each field; with `only`, just the fields the admin has touched. */
export function byField(list: FieldProblem[], only?: Record<string, boolean>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const p of list) if (!only || only[p.field]) result[p.field] ??= p.message;
  return result;
}
