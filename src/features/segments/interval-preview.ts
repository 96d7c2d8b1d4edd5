import type { SegmentRecord } from '../../api/segments.ts';
import { isUsed } from '../../api/segments-records.ts';
import { contains, type Interval, overlaps } from '../../druid/interval.ts';
import { planBulk } from './bulk-plan.ts';

export interface IntervalPreview {
  /** Segments Druid will change: fully inside, in the other state (and, for used, not overshadowed). */
  willChange: number;
  /** markUsed: unused segments fully inside that a newer version overshadows, so Druid leaves them unused. */
  overshadowed: number;
  /** Segments fully inside already in the target state. */
  alreadyInState: number;
  /** Segments that only overlap the interval's edges: Druid leaves them as they are. */
  partlyInside: number;
}

/** What marking by interval will do: Druid only touches segments fully inside the interval. */
export function previewIntervalMark(
  records: readonly SegmentRecord[],
  interval: Interval,
  toUsed: boolean,
): IntervalPreview {
  const preview: IntervalPreview = { willChange: 0, overshadowed: 0, alreadyInState: 0, partlyInside: 0 };
  const candidates: string[] = [];
  for (const record of records) {
    if (!contains(interval, record)) {
      if (overlaps(interval, record) && isUsed(record) !== toUsed) preview.partlyInside++;
      continue;
    }
    if (isUsed(record) === toUsed) preview.alreadyInState++;
    else candidates.push(record.id);
  }
  if (toUsed && candidates.length > 0) {
    const byId = new Map(records.map((record) => [record.id, record]));
    preview.overshadowed = planBulk('markUsed', candidates, byId, records).overshadowed.length;
  }
  preview.willChange = candidates.length - preview.overshadowed;
  return preview;
}

/** Everything: what "mark all used/unused" changes. */
export function previewMarkAll(records: readonly SegmentRecord[], toUsed: boolean): IntervalPreview {
  return previewIntervalMark(records, { start: Number.NEGATIVE_INFINITY, end: Number.POSITIVE_INFINITY }, toUsed);
}
