import type { SegmentRecord } from '../../api/segments.ts';
import { isUsed } from '../../api/segments-records.ts';
import { findOvershadowed } from '../../druid/overshadow.ts';
import { parseSegmentId } from '../../druid/segment-id.ts';
import type { BulkAction, BulkPlan } from './bulk-runner.ts';
import { effectOf, leavesNoUsedSegment, type MarkEffect, type Sized } from './mark-effect.ts';

/**
 * Splits the selection into what to send and what is already in the target state. For markUsed it also predicts
 * which unused segments Druid will leave unused: the ones that used segments or other revived candidates of a
 * higher version cover (Druid's markUsed builds the same timeline before changing anything).
 */
export function planBulk(
  action: BulkAction,
  selectedIds: Iterable<string>,
  recordsById: ReadonlyMap<string, SegmentRecord>,
  allRecords: readonly SegmentRecord[],
): BulkPlan {
  const plan: BulkPlan = { action, toSend: [], alreadyInState: [], unknown: [], overshadowed: [] };
  const candidates: SegmentRecord[] = [];
  for (const id of selectedIds) {
    const record = recordsById.get(id);
    if (!record) {
      plan.unknown.push(id);
      plan.toSend.push(id);
    } else if (isUsed(record) === (action === 'markUsed')) {
      plan.alreadyInState.push(id);
    } else {
      plan.toSend.push(id);
      candidates.push(record);
    }
  }
  if (action === 'markUsed' && candidates.length > 0) {
    const timeline = allRecords.filter(isUsed).concat(candidates);
    const covered = findOvershadowed(timeline);
    plan.overshadowed = candidates.filter((record) => covered.has(record.id)).map((record) => record.id);
  }
  return plan;
}

/** The segments a plan changes: those sent less those Druid will leave unused; unlisted ones read from their ID. */
export function effectOfPlan(plan: BulkPlan, dataSource: string, byId: ReadonlyMap<string, SegmentRecord>): MarkEffect {
  const staying = new Set(plan.overshadowed);
  const segments = plan.toSend.flatMap((id): Sized[] => {
    if (staying.has(id)) return [];
    const record = byId.get(id);
    if (record) return [record];
    const parts = parseSegmentId(id, dataSource);
    return [parts ? { ...parts, size: null } : { start: Number.NaN, end: Number.NaN, version: null, size: null }];
  });
  return effectOf(plan.action, dataSource, segments);
}

/**
 * Whether the plan would leave the datasource without a used segment. `servedCount` (Druid's served summaries) is a
 * lower bound of the used segments where the listing holds one window only.
 */
export function planLeavesNoUsedSegment(plan: BulkPlan, records: readonly SegmentRecord[], servedCount: number) {
  let listedUsed = 0;
  for (const record of records) if (isUsed(record)) listedUsed++;
  return leavesNoUsedSegment(plan.action, plan.toSend.length, Math.max(listedUsed, servedCount));
}
