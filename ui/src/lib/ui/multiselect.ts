// Pure logic behind the virtualized multiselect: search, selection, keyboard moves, type-ahead and the visible window.

/** One pickable row: label is the user's name, detail the extension. */
export type PickItem = { id: string; label: string; detail: string };

/** Items with their lowercase haystacks, computed once so each keystroke is one pass of `includes`. */
export interface SearchIndex {
  readonly items: readonly PickItem[];
  readonly haystacks: readonly string[];
}

export function searchIndex(items: readonly PickItem[]): SearchIndex {
  const haystacks = new Array<string>(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    haystacks[i] = `${item.label} ${item.detail}`.toLowerCase();
  }
  return { items, haystacks };
}

/** Items whose name or extension contains every word of the query (all items when the query is blank). */
export function filterItems(index: SearchIndex, query: string): readonly PickItem[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.items;
  const { items, haystacks } = index;
  const out: PickItem[] = [];
  if (words.length === 1) {
    const word = words[0]!;
    for (let i = 0; i < items.length; i++) if (haystacks[i]!.includes(word)) out.push(items[i]!);
    return out;
  }
  for (let i = 0; i < items.length; i++) {
    const haystack = haystacks[i]!;
    if (words.every((word) => haystack.includes(word))) out.push(items[i]!);
  }
  return out;
}

/** A new selection with every filtered id added; ids outside the filter stay as they were. */
export function selectAll(selected: ReadonlySet<string>, filtered: readonly PickItem[]): Set<string> {
  const next = new Set(selected);
  for (const item of filtered) next.add(item.id);
  return next;
}

/** A new selection with `id` flipped. */
export function toggle(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** An empty selection. */
export function clear(): Set<string> {
  return new Set();
}

/**
 * The active row after a navigation key, clamped to the list; -1 when the list is empty.
 * With no active row (current < 0) every key but End lands on the first row. Other keys leave it unchanged.
 */
export function moveActive(current: number, key: string, count: number, pageSize: number): number {
  if (count <= 0) return -1;
  const last = count - 1;
  const page = Math.max(1, Math.floor(pageSize));
  const clamp = (n: number) => Math.min(last, Math.max(0, n));
  if (current < 0) {
    switch (key) {
      case 'ArrowDown':
      case 'ArrowUp':
      case 'Home':
      case 'PageUp':
      case 'PageDown':
        return 0;
      case 'End':
        return last;
      default:
        return current;
    }
  }
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return clamp(current + page);
    case 'PageUp':
      return clamp(current - page);
    default:
      return current;
  }
}

/**
 * The next item whose label starts with `prefix` (case-insensitive), wrapping around; -1 when none does.
 * A one-character prefix starts after `fromIndex` (so repeating a key cycles); a longer one starts at it
 * (so the current item stays while it still matches).
 */
export function typeAhead(items: readonly PickItem[], fromIndex: number, prefix: string): number | -1 {
  const count = items.length;
  if (count === 0 || prefix === '') return -1;
  const needle = prefix.toLowerCase();
  const from = Math.max(0, prefix.length === 1 ? fromIndex + 1 : fromIndex);
  for (let step = 0; step < count; step++) {
    const index = (from + step) % count;
    if (items[index]!.label.toLowerCase().startsWith(needle)) return index;
  }
  return -1;
}

/** Rows to render (start inclusive, end exclusive) for a scroll position, plus `overscan` rows either side. */
export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number,
): { start: number; end: number } {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const first = Math.min(count - 1, Math.floor(top / rowHeight));
  const afterLast = Math.max(first + 1, Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight));
  const extra = Math.max(0, Math.floor(overscan));
  return { start: Math.max(0, first - extra), end: Math.min(count, afterLast + extra) };
}
