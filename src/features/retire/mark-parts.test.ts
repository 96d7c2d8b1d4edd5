import { describe, expect, it } from 'vitest';
import { ETERNITY } from '../../druid/interval.ts';
import { markParts } from './mark-parts.ts';

const at = (start: number, count: number) => ({ start, end: start + 1, count, size: 0 });

describe('markParts', () => {
  it('is all time in one part for a small datasource, and for none served', () => {
    expect(markParts([at(10, 5), at(20, 5)])).toEqual([{ ...ETERNITY }]);
    expect(markParts([])).toEqual([{ ...ETERNITY }]);
  });

  it('cuts at interval starts so no part holds much more than the cap, covering all time', () => {
    const parts = markParts([at(10, 6), at(20, 6), at(30, 6), at(30, 1), at(40, 20)], 10);
    expect(parts).toEqual([
      { start: ETERNITY.start, end: 20 },
      { start: 20, end: 30 },
      // Two intervals starting at 30 stay in one part: a segment counts in the part where it starts.
      { start: 30, end: 40 },
      { start: 40, end: ETERNITY.end },
    ]);
  });
});
