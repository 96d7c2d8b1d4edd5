import { describe, expect, it } from 'vitest';
import { parseInterval } from '../druid/interval.ts';
import { readIntervalSummaries } from './interval-summaries.ts';

describe('readIntervalSummaries', () => {
  it('sorts Druid’s newest-first map oldest first and totals it', () => {
    const result = readIntervalSummaries({
      '2024-01-02T00:00:00.000Z/2024-01-03T00:00:00.000Z': { size: 20, count: 2 },
      '2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z': { size: 10, count: 1 },
    });
    if (typeof result === 'string') throw new Error(result);
    expect(result.intervals.map((entry) => entry.count)).toEqual([1, 2]);
    expect(result).toMatchObject({
      count: 3,
      size: 30,
      range: { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 3) },
    });
  });

  it('reads every interval form Druid prints', () => {
    const eternity = '-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z';
    const result = readIntervalSummaries({
      '2024-01-01T00:00:00.000Z/2024-02-01T00:00:00.000Z': { size: 1, count: 1 },
      '2023-12-31T23:00:00.000+01:00/2024-01-01T00:00:00.000Z': { size: 1, count: 1 },
      [eternity]: { size: 1, count: 1 },
    });
    if (typeof result === 'string') throw new Error(result);
    expect(result.intervals.map(({ start, end }) => ({ start, end }))).toEqual([
      parseInterval(eternity),
      { start: Date.UTC(2023, 11, 31, 22), end: Date.UTC(2024, 0, 1) },
      { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 1, 1) },
    ]);
  });

  it('refuses impossible dates and reversed intervals', () => {
    expect(
      readIntervalSummaries({ '2024-02-30T00:00:00.000Z/2024-03-01T00:00:00.000Z': { size: 1, count: 1 } }),
    ).toMatch(/^interval "2024-02-30/);
    expect(
      readIntervalSummaries({ '2024-03-01T00:00:00.000Z/2024-02-01T00:00:00.000Z': { size: 1, count: 1 } }),
    ).toMatch(/^interval "2024-03-01/);
  });

  it('treats a 204 as no served segment', () => {
    expect(readIntervalSummaries(null)).toEqual({ intervals: [], count: 0, size: 0, range: null });
  });

  it('names what is wrong with an unexpected shape', () => {
    expect(readIntervalSummaries([])).toBe('expected an object of intervals');
    expect(readIntervalSummaries({ 'not an interval': { size: 1, count: 1 } })).toMatch(/^interval "not an interval"/);
    expect(readIntervalSummaries({ '2024-01-01/2024-01-02': { size: 1 } })).toMatch(/has no count/);
  });
});
