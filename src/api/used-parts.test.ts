import { describe, expect, it } from 'vitest';
import { ETERNITY } from '../druid/interval.ts';
import { usedListingParts } from './used-parts.ts';

describe('usedListingParts', () => {
  it('is all of time in one part without summaries (used segments none shows must still be found)', () => {
    expect(usedListingParts([])).toEqual([ETERNITY]);
  });

  it('cuts only where an interval starts, adding up intervals that share a start', () => {
    const summaries = [
      { start: 30, count: 5 },
      { start: 10, count: 3 },
      { start: 10, count: 3 },
      { start: 20, count: 4 },
    ];
    // 10 holds 6 of 10 a part; 20 would make 10; 30 starts a new part.
    expect(usedListingParts(summaries, 10)).toEqual([
      { start: ETERNITY.start, end: 30 },
      { start: 30, end: ETERNITY.end },
    ]);
  });

  it('gives an interval bigger than a part a part of its own', () => {
    const summaries = [
      { start: 10, count: 1 },
      { start: 20, count: 50 },
      { start: 30, count: 1 },
    ];
    expect(usedListingParts(summaries, 10)).toEqual([
      { start: ETERNITY.start, end: 20 },
      { start: 20, end: 30 },
      { start: 30, end: ETERNITY.end },
    ]);
  });
});
