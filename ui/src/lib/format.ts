// Small display helpers shared by screens: times.

/** "as of 14:05" today, "as of 27 Nov, 14:05" on other days. */
export function asOf(ms: number, now: Date = new Date()): string {
  const at = new Date(ms);
  const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const sameDay = at.toDateString() === now.toDateString();
  return sameDay ? `as of ${time}` : `as of ${at.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}
