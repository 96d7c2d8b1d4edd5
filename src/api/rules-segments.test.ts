import { describe, expect, it } from 'vitest';
import { readIntervalSummaries } from './interval-summaries.ts';
import { toRetentionIntervals } from './rules-segments.ts';

describe('toRetentionIntervals', () => {
  it('turns the summaries into one column per field, oldest interval first, with the totals', () => {
    const summaries = readIntervalSummaries({
      '2015-09-12T01:00:00.000Z/2015-09-12T02:00:00.000Z': { size: 50, count: 1 },
      '2015-09-12T00:00:00.000Z/2015-09-12T01:00:00.000Z': { size: 300, count: 3 },
    });
    if (typeof summaries === 'string') throw new Error(summaries);
    const intervals = toRetentionIntervals(summaries);
    expect([...intervals.start]).toEqual([Date.UTC(2015, 8, 12, 0), Date.UTC(2015, 8, 12, 1)]);
    expect([...intervals.end]).toEqual([Date.UTC(2015, 8, 12, 1), Date.UTC(2015, 8, 12, 2)]);
    expect([...intervals.count]).toEqual([3, 1]);
    expect([...intervals.size]).toEqual([300, 50]);
    expect(intervals).toMatchObject({
      segments: 4,
      bytes: 350,
      range: { start: Date.UTC(2015, 8, 12, 0), end: Date.UTC(2015, 8, 12, 2) },
    });
  });

  it('has no rows when Druid serves no segment of the datasource (204)', () => {
    const summaries = readIntervalSummaries(null);
    if (typeof summaries === 'string') throw new Error(summaries);
    expect(toRetentionIntervals(summaries)).toMatchObject({ segments: 0, bytes: 0, range: null });
  });
});
