import { describe, expect, it } from 'vitest';
import { ETERNITY } from '../druid/interval.ts';
import { formatSegmentId, parseSegmentId } from '../druid/segment-id.ts';
import { cursorBefore, keepOverlapping, widenedInterval } from './segment-window.ts';
import type { SegmentRecord } from './segments-records.ts';
import { addToTotals, type IntervalTotal } from './unused-interval-totals.ts';

/** An unused record as the listings produce it (the API layer does not import the features' helpers). */
function record(dataSource: string, start: number, end: number, extra: Partial<SegmentRecord> = {}): SegmentRecord {
  const version = 'v1';
  const partition = extra.partition ?? 0;
  const id = formatSegmentId({ dataSource, start, end, version, partitionNum: partition });
  return {
    id,
    start,
    end,
    version,
    partition,
    size: 1,
    state: 'unused',
    replication: null,
    lastUpdated: null,
    ...extra,
  };
}

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);

describe('windows of unused segments', () => {
  it('widens the CONTAINS request by the longest segment, within eternity', () => {
    const window = { start: T0, end: T0 + 10 * HOUR };
    expect(widenedInterval(window, 24 * HOUR)).toEqual({ start: T0 - 24 * HOUR, end: T0 + 34 * HOUR });
    expect(widenedInterval({ start: ETERNITY.start, end: T0 }, HOUR)).toEqual({
      start: ETERNITY.start,
      end: T0 + HOUR,
    });
  });

  it('keeps the segments that overlap the window, dropping those the widening brought in beside it', () => {
    const window = { start: T0, end: T0 + 2 * HOUR };
    const inside = record('big', T0, T0 + HOUR, { state: 'unused' });
    const crossingStart = record('big', T0 - HOUR, T0 + HOUR, { state: 'unused' });
    const crossingEnd = record('big', T0 + HOUR, T0 + 3 * HOUR, { state: 'unused' });
    const before = record('big', T0 - 2 * HOUR, T0, { state: 'unused' });
    const after = record('big', T0 + 2 * HOUR, T0 + 3 * HOUR, { state: 'unused' });
    expect(keepOverlapping([before, crossingStart, inside, crossingEnd, after], window)).toEqual([
      crossingStart,
      inside,
      crossingEnd,
    ]);
  });

  it('summarises unused pages per interval, keeping totals and the longest duration', () => {
    const totals = new Map<string, IntervalTotal>();
    const longest = addToTotals(totals, [
      record('big', T0, T0 + HOUR, { size: 5, state: 'unused' }),
      record('big', T0, T0 + HOUR, { size: 7, partition: 1, state: 'unused' }),
      record('big', T0, T0 + 24 * HOUR, { size: 1, state: 'unused' }),
    ]);
    expect(longest).toBe(24 * HOUR);
    expect([...totals.values()]).toEqual([
      { start: T0, end: T0 + HOUR, count: 2, size: 12 },
      { start: T0, end: T0 + 24 * HOUR, count: 1, size: 1 },
    ]);
  });
});

describe('cursorBefore', () => {
  it('sorts before every ID starting at the instant and after every one starting earlier', () => {
    const cursor = cursorBefore('big', T0) as string;
    expect(cursor).toBe('big_2023-12-31T23:59:59.999Z_2024-01-01T00:00:00.000Z_');
    expect(parseSegmentId(cursor, 'big')).not.toBeNull();
    const at = formatSegmentId({ dataSource: 'big', start: T0, end: T0 + HOUR, version: 'v', partitionNum: 0 });
    const before = formatSegmentId({ dataSource: 'big', start: T0 - HOUR, end: T0, version: 'v', partitionNum: 3 });
    expect(cursor < at).toBe(true);
    expect(before < cursor).toBe(true);
    expect(cursorBefore('big', ETERNITY.start)).toBeNull();
  });
});
