import type { AuditEntry } from '../../api/history.ts';
import type { Interval } from '../../druid/interval.ts';
import { fitWindow, type TimeWindow } from './timeline-scale.ts';

const DAY = 86_400_000;
/** Beyond this a requested range (say 1000-01-01/now) would squeeze every change into one pixel. */
const LONGEST_USEFUL_RANGE = 2 * 366 * DAY;

/** The window the timeline opens on: the requested range, or around the changes when there is no sensible range. */
export function timelineWindow(
  mode: 'interval' | 'count',
  interval: Interval | null,
  entries: readonly AuditEntry[],
  now: number,
): TimeWindow {
  const lastWeek = { start: now - 7 * DAY, end: now };
  if (mode === 'count')
    return fitWindow(
      entries.map((entry) => entry.time),
      lastWeek,
    );
  if (interval === null) return lastWeek;
  if (interval.end - interval.start <= LONGEST_USEFUL_RANGE) return { start: interval.start, end: interval.end };
  return fitWindow(
    entries.map((entry) => entry.time),
    { start: Math.max(interval.start, interval.end - 7 * DAY), end: interval.end },
  );
}
