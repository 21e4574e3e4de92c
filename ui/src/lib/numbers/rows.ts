// How the Numbers table shows what Rust computed: a badge tone per status, a stable row key.
import type { NumberKey, NumberStatus } from '../backend';

type Tone = 'ok' | 'warn' | 'danger' | 'neutral' | 'accent' | 'sim';

const TONES: Record<NumberStatus, Tone> = {
  synced: 'ok',
  new: 'accent',
  changed: 'accent',
  deleted: 'warn',
  conflict: 'danger',
};

export function statusTone(status: NumberStatus): Tone {
  return TONES[status];
}

/** One string per number, for keyed lists. */
export function keyId(key: NumberKey): string {
  return key.kind === 'existing' ? `trunk:${key.trunkId}` : `draft:${key.draftId}`;
}
