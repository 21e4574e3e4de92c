// What a Ringotel connection test says, for the forms that run one (add a workspace, replace its key).
import type { RingotelTestOutcome } from '../backend';
import { byField } from '../ui/problems';

/** A test's answer: the fields' problems (`null`: no verdict on them, they stay as shown), and
 *  a line under the form. */
export interface TestReading {
  problems: Record<string, string> | null;
  result: { tone: 'ok' | 'warn'; text: string } | null;
}

export function readTest(outcome: RingotelTestOutcome): TestReading {
  switch (outcome.outcome) {
    case 'passed':
      return { problems: {}, result: { tone: 'ok', text: `Connected: the key sees ${outcome.organizations} organizations.` } };
    case 'rejected':
      return { problems: { [outcome.field]: outcome.message }, result: null };
    case 'unreachable':
      return { problems: null, result: { tone: 'warn', text: outcome.message } };
    case 'invalid':
      return { problems: byField(outcome.problems), result: null };
    case 'keyHeldBack':
      return {
        problems: null,
        result: {
          tone: 'warn',
          text: `Not tested: the saved API key goes only to ${outcome.savedAddress}. Enter the key to test ${outcome.newAddress}.`,
        },
      };
  }
}
