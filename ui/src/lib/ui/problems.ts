// Problems from the backend as forms and notices show them: by field beside each input, and a
// failure's words joined to its next step.
import type { FieldProblem } from '../backend';

/** The first problem of each field; with `only`, just the fields the admin has touched. */
export function byField(list: FieldProblem[], only?: Record<string, boolean>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const p of list) if (!only || only[p.field]) result[p.field] ??= p.message;
  return result;
}

/** What goes between a failure's words and its next step: a service's words often end their own sentence. */
export function joinerAfter(message: string): string {
  return /[.!?]$/.test(message.trim()) ? ' ' : '. ';
}
