/**
 * Buckets for the segments timeline: UTC-aligned steps (hour … year) chosen so at most `maxBuckets` cover the
 * records' span; each segment counts in the bucket where it starts, split by state.
 */
import type { SegmentState } from '../../api/segments.ts';

export type TimelineMetric = 'count' | 'size';

/** A segment, or (with `count`) a summary of `count` segments of one interval and state. */
export interface TimelineItem {
  start: number;
  state: SegmentState;
  size: number;
  count?: number;
}

export interface TimelineBucket {
  start: number;
  end: number;
  values: Record<SegmentState, number>;
}

export interface Granularity {
  name: string;
  /** The start of the step containing `ms`. */
  floor: (ms: number) => number;
  next: (ms: number) => number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function fixed(name: string, size: number, offset = 0): Granularity {
  return {
    name,
    floor: (ms) => Math.floor((ms - offset) / size) * size + offset,
    next: (ms) => ms + size,
  };
}

function calendar(name: string, months: number): Granularity {
  return {
    name,
    floor: (ms) => {
      const date = new Date(ms);
      const month = Math.floor(date.getUTCMonth() / months) * months;
      return Date.UTC(date.getUTCFullYear(), month, 1);
    },
    next: (ms) => {
      const date = new Date(ms);
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1);
    },
  };
}

export const GRANULARITIES: readonly Granularity[] = [
  fixed('hour', HOUR),
  fixed('6 hours', 6 * HOUR),
  fixed('day', DAY),
  // ISO weeks start on Monday; 1970-01-05 was one.
  fixed('week', 7 * DAY, 4 * DAY),
  calendar('month', 1),
  calendar('quarter', 3),
  calendar('year', 12),
  calendar('decade', 120),
];

/** Spans a timeline can draw; segments reaching beyond (eternity-long ones) are clamped to these. */
const MIN_MS = Date.UTC(1000, 0, 1);
const MAX_MS = Date.UTC(9999, 0, 1);

function clamp(ms: number): number {
  return Math.min(MAX_MS, Math.max(MIN_MS, ms));
}

export function bucketize(records: readonly TimelineItem[], metric: TimelineMetric, maxBuckets = 96) {
  if (records.length === 0) return { buckets: [] as TimelineBucket[], granularity: null };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    min = Math.min(min, clamp(record.start));
    max = Math.max(max, clamp(record.start));
  }
  const granularity =
    GRANULARITIES.find((g) => countSteps(g, min, max, maxBuckets) <= maxBuckets) ??
    (GRANULARITIES[GRANULARITIES.length - 1] as Granularity);
  const buckets: TimelineBucket[] = [];
  for (let start = granularity.floor(min); start <= max; start = granularity.next(start)) {
    buckets.push({ start, end: granularity.next(start), values: { used: 0, overshadowed: 0, unused: 0 } });
  }
  const starts = buckets.map((bucket) => bucket.start);
  for (const record of records) {
    const bucket = buckets[upperBound(starts, clamp(record.start)) - 1];
    if (bucket) bucket.values[record.state] += metric === 'count' ? (record.count ?? 1) : record.size;
  }
  return { buckets, granularity };
}

function countSteps(g: Granularity, min: number, max: number, limit: number): number {
  let steps = 0;
  for (let at = g.floor(min); at <= max && steps <= limit; at = g.next(at)) steps++;
  return steps;
}

/** The number of starts ≤ target. */
function upperBound(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((values[mid] as number) <= target) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function bucketTotal(bucket: TimelineBucket): number {
  return bucket.values.used + bucket.values.overshadowed + bucket.values.unused;
}
