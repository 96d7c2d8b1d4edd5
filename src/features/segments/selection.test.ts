import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  idsInRange,
  type RowOrder,
  selectIds,
  summarizeSelection,
  toggleOne,
  toggleRange,
} from './selection.ts';
import { wikipediaHour } from './test-records.ts';

function order(ids: string[]): RowOrder {
  return { length: ids.length, idAt: (i) => ids[i] as string, positionOf: (id) => ids.indexOf(id) };
}

const rows = order(['a', 'b', 'c', 'd', 'e', 'f']);
const sorted = (selection: { ids: ReadonlySet<string> }) => [...selection.ids].sort();

describe('selection', () => {
  it('toggles one row and makes it the anchor', () => {
    const one = toggleOne(EMPTY_SELECTION, 'b', true);
    expect(sorted(one)).toEqual(['b']);
    expect(one.anchor).toBe('b');
    expect(sorted(toggleOne(one, 'b', false))).toEqual([]);
  });

  it('selects a Shift-click range in either direction, in the current order', () => {
    const anchored = toggleOne(EMPTY_SELECTION, 'b', true);
    expect(sorted(toggleRange(anchored, rows, 'e', true))).toEqual(['b', 'c', 'd', 'e']);
    expect(sorted(toggleRange(toggleOne(EMPTY_SELECTION, 'e', true), rows, 'c', true))).toEqual(['c', 'd', 'e']);
    // The same anchor in another sort order spans other rows.
    const reversed = order(['f', 'e', 'd', 'c', 'b', 'a']);
    expect(sorted(toggleRange(anchored, reversed, 'e', true))).toEqual(['b', 'c', 'd', 'e']);
    expect(sorted(toggleRange(anchored, reversed, 'a', true))).toEqual(['a', 'b']);
  });

  it('clears a range when the clicked row is being unchecked, keeping the anchor', () => {
    const all = selectIds(toggleOne(EMPTY_SELECTION, 'a', true), ['b', 'c', 'd', 'e', 'f']);
    const cleared = toggleRange({ ...all, anchor: 'b' }, rows, 'd', false);
    expect(sorted(cleared)).toEqual(['a', 'e', 'f']);
    expect(cleared.anchor).toBe('b');
  });

  it('falls back to a plain toggle when the anchor is filtered away', () => {
    const anchored = toggleOne(EMPTY_SELECTION, 'z', true);
    const next = toggleRange(anchored, rows, 'c', true);
    expect(sorted(next)).toEqual(['c', 'z']);
    expect(next.anchor).toBe('c');
  });

  it('survives a refetch: IDs, not positions', () => {
    const selection = selectIds(EMPTY_SELECTION, ['b', 'd']);
    const refetched = order(['d', 'x', 'b']);
    expect(sorted(toggleRange({ ...selection, anchor: 'd' }, refetched, 'b', true))).toEqual(['b', 'd', 'x']);
  });

  it('lists the IDs of a window of rows', () => {
    expect(idsInRange(rows, 4, 99)).toEqual(['e', 'f']);
  });

  it('summarizes by state, hidden and missing', () => {
    const records = wikipediaHour({ 1: 'unused', 2: 'overshadowed' });
    const byId = new Map(records.map((r) => [r.id, r]));
    const selection = selectIds(EMPTY_SELECTION, [...records.slice(0, 4).map((r) => r.id), 'wikipedia_hour_gone']);
    const hour0 = records[0]?.id;
    expect(summarizeSelection(selection, byId, (r) => r.id !== hour0)).toEqual({
      total: 5,
      byState: { used: 2, overshadowed: 1, unused: 1 },
      missing: 1,
      hidden: 1,
    });
  });
});
