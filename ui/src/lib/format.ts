// Small display helpers shared by screens: times, durations, format names.
import type { SmsMode } from './backend';

/** "as of 14:05" today, "as of 27 Nov, 14:05" on other days. */
export function asOf(ms: number, now: Date = new Date()): string {
  const at = new Date(ms);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay ? `as of ${time}` : `as of ${at.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}

/** Session stickiness in seconds, as people say it. 0 means disabled. */
export function stickiness(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds === 0) return 'Disabled';
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} seconds`;
}

const FORMAT_NAMES: Record<string, string> = {
  '': 'Off',
  e164: 'E.164',
  national: 'National',
  national0: 'National with leading 0',
  international: 'International',
};

/** A number-format setting as the portal labels it; unknown values are shown as sent. */
export function formatName(value: string): string {
  return FORMAT_NAMES[value] ?? value;
}

export function smsModeLabel(mode: SmsMode | null): string {
  if (!mode) return 'Not reported';
  switch (mode.kind) {
    case 'off':
      return 'Off';
    case 'sipSimple':
      return 'SIP SIMPLE';
    case 'api':
      return 'API';
    case 'integrations':
      return 'SMS via Integrations';
    case 'other':
      return `Mode ${mode.value}`;
  }
}
