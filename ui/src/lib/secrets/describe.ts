// Where a secret is kept, in the words the screens use.
import type { SecretState } from '../backend';

/** "in the system keychain", "kept for this session only", ... completing "The token is …". */
export function whereKept(state: SecretState): string {
  if (state.state === 'unavailable') return 'unknown (the keychain is unavailable)';
  switch (state.location) {
    case 'keychain':
      return 'in the system keychain';
    case 'session':
      return 'kept for this session only';
    case 'missing':
      return 'not stored';
  }
}

/** Whether a secret is held somewhere the app can use it. */
export function isKept(state: SecretState): boolean {
  return state.state === 'stored' && state.location !== 'missing';
}
