import { describe, expect, it } from 'vitest';
import {
  clear,
  filterItems,
  moveActive,
  searchIndex,
  selectAll,
  toggle,
  typeAhead,
  visibleWindow,
  type PickItem,
} from './multiselect';

const people: PickItem[] = [
  { id: 'u1', label: 'Alice Smith', detail: '101' },
  { id: 'u2', label: 'Bob Stone', detail: '102' },
  { id: 'u3', label: 'alan Turing', detail: '203' },
  { id: 'u4', label: '<img src=x onerror=alert(1)>', detail: '204' },
  { id: 'u5', label: 'Carol Smithers', detail: '301' },
];

const ids = (items: readonly PickItem[]) => items.map((item) => item.id);

describe('searchIndex', () => {
  it('keeps one lowercase haystack of name and extension per item', () => {
    const index = searchIndex(people);
    expect(index.items).toBe(people);
    expect(index.haystacks[0]).toBe('alice smith 101');
    expect(index.haystacks).toHaveLength(people.length);
  });
});

describe('filterItems', () => {
  const index = searchIndex(people);

  it('returns every item when the query is blank', () => {
    expect(ids(filterItems(index, ''))).toEqual(ids(people));
    expect(ids(filterItems(index, '   '))).toEqual(ids(people));
  });

  it('matches names regardless of case and surrounding spaces', () => {
    expect(ids(filterItems(index, '  SMITH '))).toEqual(['u1', 'u5']);
  });

  it('matches extensions', () => {
    expect(ids(filterItems(index, '20'))).toEqual(['u3', 'u4']);
  });

  it('requires every word of the query to match', () => {
    expect(ids(filterItems(index, 'smith 301'))).toEqual(['u5']);
    expect(ids(filterItems(index, 'al   tur'))).toEqual(['u3']);
    expect(filterItems(index, 'smith 999')).toEqual([]);
  });

  it('treats markup in names as plain text to search', () => {
    expect(ids(filterItems(index, '<img'))).toEqual(['u4']);
  });
});

describe('selection', () => {
  it('select all adds only the filtered ids and keeps earlier picks', () => {
    const before = new Set(['u2']);
    const after = selectAll(before, filterItems(searchIndex(people), 'smith'));
    expect([...after].sort()).toEqual(['u1', 'u2', 'u5']);
    expect([...before]).toEqual(['u2']);
  });

  it('toggle adds a missing id and removes a present one without touching the input', () => {
    const start = new Set(['u1']);
    expect([...toggle(start, 'u2')]).toEqual(['u1', 'u2']);
    expect([...toggle(start, 'u1')]).toEqual([]);
    expect([...start]).toEqual(['u1']);
  });

  it('clear gives an empty selection', () => {
    expect(clear().size).toBe(0);
  });
});

describe('moveActive', () => {
  it('steps with the arrows and stops at both ends', () => {
    expect(moveActive(3, 'ArrowDown', 10, 5)).toBe(4);
    expect(moveActive(3, 'ArrowUp', 10, 5)).toBe(2);
    expect(moveActive(9, 'ArrowDown', 10, 5)).toBe(9);
    expect(moveActive(0, 'ArrowUp', 10, 5)).toBe(0);
  });

  it('jumps to the ends with Home and End', () => {
    expect(moveActive(4, 'Home', 10, 5)).toBe(0);
    expect(moveActive(4, 'End', 10, 5)).toBe(9);
  });

  it('moves a page at a time and clamps', () => {
    expect(moveActive(2, 'PageDown', 10, 5)).toBe(7);
    expect(moveActive(7, 'PageDown', 10, 5)).toBe(9);
    expect(moveActive(7, 'PageUp', 10, 5)).toBe(2);
    expect(moveActive(2, 'PageUp', 10, 5)).toBe(0);
  });

  it('lands on the first row from no active row, or the last with End', () => {
    expect(moveActive(-1, 'ArrowDown', 10, 5)).toBe(0);
    expect(moveActive(-1, 'ArrowUp', 10, 5)).toBe(0);
    expect(moveActive(-1, 'PageDown', 10, 5)).toBe(0);
    expect(moveActive(-1, 'End', 10, 5)).toBe(9);
  });

  it('has no active row in an empty list and ignores other keys', () => {
    expect(moveActive(0, 'ArrowDown', 0, 5)).toBe(-1);
    expect(moveActive(4, 'x', 10, 5)).toBe(4);
  });
});

describe('typeAhead', () => {
  it('cycles through names starting with a single letter, wrapping around', () => {
    expect(typeAhead(people, -1, 'a')).toBe(0);
    expect(typeAhead(people, 0, 'a')).toBe(2);
    expect(typeAhead(people, 2, 'A')).toBe(0);
  });

  it('keeps the current item while a longer prefix still matches', () => {
    expect(typeAhead(people, 2, 'al')).toBe(2);
    expect(typeAhead(people, 2, 'ali')).toBe(0);
  });

  it('returns -1 when no name starts with the prefix', () => {
    expect(typeAhead(people, 0, 'z')).toBe(-1);
    expect(typeAhead([], 0, 'a')).toBe(-1);
    expect(typeAhead(people, 0, '')).toBe(-1);
  });
});

describe('visibleWindow', () => {
  it('covers the rows in view plus the overscan on each side', () => {
    expect(visibleWindow(340, 280, 34, 5000, 4)).toEqual({ start: 6, end: 23 });
  });

  it('clamps at the top and the bottom of the list', () => {
    expect(visibleWindow(0, 280, 34, 5000, 4)).toEqual({ start: 0, end: 13 });
    expect(visibleWindow(5000 * 34 - 280, 280, 34, 5000, 4)).toEqual({ start: 4987, end: 5000 });
  });

  it('still shows the last rows when scrolled past the end of a shrunk list', () => {
    expect(visibleWindow(10_000, 280, 34, 3, 2)).toEqual({ start: 0, end: 3 });
  });

  it('renders nothing for an empty list', () => {
    expect(visibleWindow(0, 280, 34, 0, 4)).toEqual({ start: 0, end: 0 });
  });
});

describe('5,000 users', () => {
  const many: PickItem[] = Array.from({ length: 5000 }, (_, i) => ({
    id: `user-${i}`,
    label: i % 10 === 0 ? `Sales Agent ${i}` : `Support Person ${i}`,
    detail: String(1000 + i),
  }));
  const index = searchIndex(many);

  it('filters on name and extension and selects exactly the filtered users', () => {
    const sales = filterItems(index, 'sales');
    expect(sales).toHaveLength(500);
    expect(sales.every((item) => item.label.startsWith('Sales'))).toBe(true);

    const narrowed = filterItems(index, 'agent 12');
    expect(ids(narrowed)).toEqual(
      many.filter((item) => item.label.startsWith('Sales') && `${item.label} ${item.detail}`.includes('12')).map((item) => item.id),
    );

    const picked = selectAll(new Set(['user-1']), sales);
    expect(picked.size).toBe(501);
    expect(picked.has('user-1')).toBe(true);
    expect(sales.every((item) => picked.has(item.id))).toBe(true);
    expect(picked.has('user-2')).toBe(false);

    expect(selectAll(clear(), filterItems(index, '')).size).toBe(5000);
  });
});
