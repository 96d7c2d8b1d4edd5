import type { SegmentRecord } from '../../api/segments.ts';
import { isUsed } from '../../api/segments-records.ts';
import { contains, type Interval, overlaps } from '../../druid/interval.ts';
import { planBulk } from './bulk-plan.ts';
import { EffectTally, type MarkEffect } from './mark-effect.ts';

export interface IntervalPreview {
  /** Segments Druid will change: fully inside, in the other state (and, for used, not overshadowed). */
  willChange: number;
  /** markUsed: unused segments fully inside that a newer version overshadows, so Druid leaves them unused. */
  overshadowed: number;
  /** Segments fully inside already in the target state. */
  alreadyInState: number;
  /** Segments that only overlap the interval's edges: Druid leaves them as they are. */
  partlyInside: number;
  /** What changes: count, range, versions, bytes. */
  effect: MarkEffect;
  /** Their IDs, for an exact Undo; null past UNDO_MAX_IDS. */
  ids: string[] | null;
  /** The mark would leave the datasource without a used segment. */
  leavesNoUsed: boolean;
}

/** What marking by interval will do: Druid only touches segments fully inside the interval. */
export function previewIntervalMark(
  dataSource: string,
  records: readonly SegmentRecord[],
  interval: Interval,
  toUsed: boolean,
): IntervalPreview {
  let alreadyInState = 0;
  let partlyInside = 0;
  let usedOutside = 0;
  const candidates: SegmentRecord[] = [];
  for (const record of records) {
    if (!contains(interval, record)) {
      if (overlaps(interval, record) && isUsed(record) !== toUsed) partlyInside++;
      if (isUsed(record)) usedOutside++;
      continue;
    }
    if (isUsed(record) === toUsed) alreadyInState++;
    else candidates.push(record);
  }
  let staying = new Set<string>();
  if (toUsed && candidates.length > 0) {
    const byId = new Map(records.map((record) => [record.id, record]));
    const ids = candidates.map((record) => record.id);
    staying = new Set(planBulk('markUsed', ids, byId, records).overshadowed);
  }
  const tally = new EffectTally(toUsed ? 'markUsed' : 'markUnused', dataSource);
  for (const record of candidates) if (!staying.has(record.id)) tally.add(record);
  const effect = tally.result();
  return {
    willChange: effect.count,
    overshadowed: staying.size,
    alreadyInState,
    partlyInside,
    effect,
    ids: tally.ids(),
    // Exact: every used segment is listed. Marking unused everything used inside leaves only those outside.
    leavesNoUsed: !toUsed && effect.count > 0 && usedOutside === 0,
  };
}
