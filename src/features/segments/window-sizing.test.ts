import { describe, expect, it } from 'vitest';
import { ETERNITY } from '../../druid/interval.ts';
import { groupByStart, splitByCount, windowAt, windowBefore, windowFrom } from './window-sizing.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 0, 1);
/** `hours` hourly intervals from T0 holding `count` segments each. */
const hourly = (hours: number, count: number) =>
  Array.from({ length: hours }, (_, h) => ({ start: T0 + h * HOUR, end: T0 + (h + 1) * HOUR, count }));

describe('window sizing', () => {
  it('takes whole intervals while they fit the budget; the first window reaches back to the beginning of time', () => {
    const groups = groupByStart(hourly(10, 100));
    const first = windowFrom(groups, ETERNITY.start, 350, 200);
    expect(first).toMatchObject({ start: ETERNITY.start, end: T0 + 3 * HOUR, estimate: 300, hasPrevious: false });
    expect(first.hasNext).toBe(true);
    // Parts of at most 200: cut where the third interval starts.
    expect(first.parts).toEqual([
      { start: ETERNITY.start, end: T0 + 2 * HOUR },
      { start: T0 + 2 * HOUR, end: T0 + 3 * HOUR },
    ]);
    const second = windowFrom(groups, first.end, 350, 200);
    expect(second).toMatchObject({ start: T0 + 3 * HOUR, end: T0 + 6 * HOUR, estimate: 300, hasPrevious: true });
    const last = windowFrom(groups, T0 + 9 * HOUR, 350, 200);
    expect(last).toMatchObject({ start: T0 + 9 * HOUR, end: ETERNITY.end, estimate: 100, hasNext: false });
  });

  it('sums intervals that share a start and never splits one bigger than the budget', () => {
    const groups = groupByStart([
      { start: T0, end: T0 + 24 * HOUR, count: 50 },
      { start: T0, end: T0 + HOUR, count: 500 },
      { start: T0 + HOUR, end: T0 + 2 * HOUR, count: 10 },
    ]);
    expect(groups).toEqual([
      { start: T0, count: 550 },
      { start: T0 + HOUR, count: 10 },
    ]);
    expect(windowFrom(groups, ETERNITY.start, 100)).toMatchObject({ end: T0 + HOUR, estimate: 550 });
  });

  it('jumps to the window of any instant, and steps back without overlapping the current window', () => {
    const groups = groupByStart(hourly(10, 100));
    const jumped = windowAt(groups, T0 + 5 * HOUR + 30 * 60_000, 250);
    expect(jumped).toMatchObject({ start: T0 + 5 * HOUR, end: T0 + 7 * HOUR });
    expect(windowAt(groups, T0 - 1000 * HOUR, 250)).toMatchObject({ start: ETERNITY.start, end: T0 + 2 * HOUR });
    const before = windowBefore(groups, jumped, 250);
    expect(before).toMatchObject({ start: T0 + 3 * HOUR, end: T0 + 5 * HOUR, estimate: 200 });
    expect(windowBefore(groups, before, 250)).toMatchObject({ start: T0 + HOUR, end: T0 + 3 * HOUR });
  });

  it('starts exactly where a window that ended early (too many unused segments) stopped', () => {
    const groups = groupByStart(hourly(10, 100));
    const from = T0 + 2 * HOUR + 20 * 60_000;
    const next = windowFrom(groups, from, 250);
    expect(next).toMatchObject({ start: from, end: T0 + 5 * HOUR, estimate: 200, hasPrevious: true });
    expect(next.parts[0]?.start).toBe(from);
    expect(windowBefore(groups, next, 250)).toMatchObject({ start: T0 + HOUR, end: from });
    expect(windowFrom(groups, T0 + 20 * HOUR, 250)).toMatchObject({ start: T0 + 20 * HOUR, end: ETERNITY.end });
    // Before the first served interval (old unused segments ended the first window early): still exact.
    expect(windowFrom(groups, T0 - 5 * HOUR, 250)).toMatchObject({ start: T0 - 5 * HOUR, end: T0 + 2 * HOUR });
  });

  it('splits an interval into parts for counting, cut only at interval starts inside it', () => {
    const groups = groupByStart(hourly(10, 100));
    const interval = { start: T0 + HOUR, end: T0 + 6 * HOUR };
    expect(splitByCount(groups, interval, 250)).toEqual([
      { start: T0 + HOUR, end: T0 + 3 * HOUR },
      { start: T0 + 3 * HOUR, end: T0 + 5 * HOUR },
      { start: T0 + 5 * HOUR, end: T0 + 6 * HOUR },
    ]);
    expect(splitByCount(groups, ETERNITY, 10_000)).toEqual([ETERNITY]);
  });
});
