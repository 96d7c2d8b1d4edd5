import type { SegmentRecord } from '../../api/segments.ts';
import { isUsed } from '../../api/segments-records.ts';
import { findOvershadowed } from '../../druid/overshadow.ts';
import type { BulkAction, BulkPlan } from './bulk-runner.ts';

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
