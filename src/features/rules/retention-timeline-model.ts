/** Geometry of the effective-retention timeline: which window to show, clipped ranges and a segment histogram. */
import type { EffectiveRetention, RetentionOutcome } from '../../druid/effective-retention.ts';

export interface TimelineWindow {
  start: number;
  end: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** The segments' time range with a margin, on whole hours or days; around `now` when there are no segments. */
export function timelineWindow(range: { start: number; end: number } | null, now: number): TimelineWindow {
  if (!range) return { start: Math.floor((now - 3 * YEAR) / DAY) * DAY, end: Math.ceil((now + 90 * DAY) / DAY) * DAY };
  const margin = Math.max((range.end - range.start) * 0.04, HOUR);
  const unit = range.end - range.start >= 2 * DAY ? DAY : HOUR;
  return {
    start: Math.floor((range.start - margin) / unit) * unit,
    end: Math.ceil((range.end + margin) / unit) * unit,
  };
}

export interface TimelineBand {
  start: number;
  end: number;
  /** Position and width in 0…1 of the window. */
  x: number;
  width: number;
  slot: number;
  outcome: RetentionOutcome;
  segmentCount: number;
  bytes: number;
}

export function timelineBands(retention: EffectiveRetention, window: TimelineWindow): TimelineBand[] {
  const span = window.end - window.start;
  return retention.ranges
    .filter((range) => range.end > window.start && range.start < window.end)
    .map((range) => {
      const start = Math.max(range.start, window.start);
      const end = Math.min(range.end, window.end);
      return {
        start: range.start,
        end: range.end,
        x: (start - window.start) / span,
        width: (end - start) / span,
        slot: range.slot,
        outcome: range.outcome,
        segmentCount: range.segmentCount,
        bytes: range.bytes,
      };
    });
}

export const HISTOGRAM_OUTCOMES: readonly RetentionOutcome[] = ['load', 'broadcast', 'drop', 'none'];

/**
 * Segment counts per bucket of the window (by start) and outcome, in HISTOGRAM_OUTCOMES order. Rows are those the
 * retention was computed from: their `start` and `count` of segments (1 each without `count`).
 */
export function segmentHistogram(
  retention: EffectiveRetention,
  rows: { start: ArrayLike<number>; count?: ArrayLike<number> },
  window: TimelineWindow,
  buckets: number,
): { counts: Float64Array; max: number } {
  const counts = new Float64Array(buckets * HISTOGRAM_OUTCOMES.length);
  const outcomeIndex = retention.slots.map((slot) => HISTOGRAM_OUTCOMES.indexOf(slot.action));
  const noneIndex = HISTOGRAM_OUTCOMES.indexOf('none');
  const span = window.end - window.start;
  let max = 0;
  const { start, count } = rows;
  for (let i = 0; i < start.length; i++) {
    const bucket = Math.min(
      buckets - 1,
      Math.max(0, Math.floor((((start[i] as number) - window.start) / span) * buckets)),
    );
    const slot = retention.rowSlot[i] as number;
    const o = slot < 0 ? noneIndex : (outcomeIndex[slot] as number);
    const cell = bucket * HISTOGRAM_OUTCOMES.length + o;
    counts[cell] = (counts[cell] as number) + (count ? (count[i] as number) : 1);
  }
  for (let b = 0; b < buckets; b++) {
    let total = 0;
    for (let o = 0; o < HISTOGRAM_OUTCOMES.length; o++) total += counts[b * HISTOGRAM_OUTCOMES.length + o] as number;
    if (total > max) max = total;
  }
  return { counts, max };
}
