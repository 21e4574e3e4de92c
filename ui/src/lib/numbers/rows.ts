// How the Numbers table shows what Rust computed: a badge tone per status, a stable row key.
import type { NumberKey, NumberRow, NumberStatus } from '../backend';

type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'accent' | 'sim';

const TONES: Record<NumberStatus, Tone> = {
  synced: 'ok',
  new: 'accent',
  changed: 'accent',
  deleted: 'warn',
  conflict: 'danger',
  failed: 'danger',
};

export function statusTone(status: NumberStatus): Tone {
  return TONES[status];
}

/** One string per number, for keyed lists. */
export function keyId(key: NumberKey): string {
  return key.kind === 'existing' ? `trunk:${key.trunkId}` : `draft:${key.draftId}`;
}

/** "Ava Kowalski (101), Ben Silva (102) and 3 more": the first `count` users of a row. */
export function usersSummary(row: NumberRow, count: number): string {
  const named = row.users.slice(0, count).map((u) => u.label);
  const rest = row.users.length - named.length;
  return rest > 0 ? `${named.join(', ')} and ${rest} more` : named.join(', ');
}
