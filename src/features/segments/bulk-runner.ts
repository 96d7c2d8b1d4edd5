/**
 * Bulk mark used/unused by segment ID in batches: one request at a time, a progress callback after each, stopping
 * after the in-flight batch when cancelled. The outcome says exactly what happened to every ID sent or not sent.
 */
import type { SegmentUpdateResult } from '../../api/segment-updates.ts';
import { formatCountOf } from '../../components/format.ts';

export const DEFAULT_BATCH_SIZE = 500;

export interface FailedBatch {
  ids: string[];
  error: string;
}

export interface BulkOutcome {
  /** IDs sent in batches Druid accepted. */
  succeededIds: string[];
  /** What Druid reported changing, summed over accepted batches that said. */
  changed: number;
  /** IDs in accepted batches whose answer gave no count (204 or an old Druid). */
  unknownCount: number;
  failed: FailedBatch[];
  /** IDs never sent because the run was cancelled. */
  notAttempted: string[];
  cancelled: boolean;
  /** Requests sent, of all the run would have sent. */
  batchesSent: number;
  batchCount: number;
}

export interface BulkProgress {
  sent: number;
  total: number;
  changed: number;
  failed: number;
}

export interface RunBatchesOptions {
  ids: readonly string[];
  batchSize: number;
  send: (batch: string[]) => Promise<SegmentUpdateResult>;
  isCancelled: () => boolean;
  onProgress?: (progress: BulkProgress) => void;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const step = Math.max(1, Math.floor(size));
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += step) chunks.push(items.slice(i, i + step));
  return chunks;
}

/** No request body over this: proxies and Druid's Jetty refuse big bodies, and 1 MB is ~8k segment IDs already. */
export const MAX_BODY_BYTES = 1_000_000;

/**
 * Batches of at most `size` IDs whose `{"segmentIds":[…]}` body stays within `maxBytes` (UTF-8, quotes and commas
 * counted), so a big batch size with long IDs never sends an oversized request.
 */
export function batchIds(ids: readonly string[], size: number, maxBytes = MAX_BODY_BYTES): string[][] {
  const encoder = new TextEncoder();
  const batches: string[][] = [];
  const envelope = '{"segmentIds":[]}'.length;
  for (const group of chunk(ids, size)) {
    let batch: string[] = [];
    let bytes = envelope;
    for (const id of group) {
      const cost = encoder.encode(JSON.stringify(id)).length + 1;
      if (batch.length > 0 && bytes + cost > maxBytes) {
        batches.push(batch);
        batch = [];
        bytes = envelope;
      }
      batch.push(id);
      bytes += cost;
    }
    if (batch.length > 0) batches.push(batch);
  }
  return batches;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runBatches({ ids, batchSize, send, isCancelled, onProgress }: RunBatchesOptions) {
  const outcome: BulkOutcome = {
    succeededIds: [],
    changed: 0,
    unknownCount: 0,
    failed: [],
    notAttempted: [],
    cancelled: false,
    batchesSent: 0,
    batchCount: 0,
  };
  const batches = batchIds(ids, batchSize);
  outcome.batchCount = batches.length;
  let sent = 0;
  for (const [index, batch] of batches.entries()) {
    if (isCancelled()) {
      outcome.cancelled = true;
      outcome.notAttempted = batches.slice(index).flat();
      break;
    }
    try {
      const result = await send(batch);
      outcome.succeededIds.push(...batch);
      if (result.changed === null) outcome.unknownCount += batch.length;
      else outcome.changed += result.changed;
    } catch (error) {
      outcome.failed.push({ ids: batch, error: message(error) });
    }
    sent += batch.length;
    outcome.batchesSent++;
    onProgress?.({
      sent,
      total: ids.length,
      changed: outcome.changed,
      failed: outcome.failed.reduce((n, f) => n + f.ids.length, 0),
    });
  }
  return outcome;
}

export type BulkAction = 'markUsed' | 'markUnused';

export interface BulkPlan {
  action: BulkAction;
  /** Selected IDs that need the change. */
  toSend: string[];
  /** Selected IDs already in the target state: not sent. */
  alreadyInState: string[];
  /** Selected IDs the listing no longer has: sent anyway, Druid decides. */
  unknown: string[];
  /** markUsed only: IDs Druid will not revive because a newer version covers them. */
  overshadowed: string[];
}

export interface SummaryLine {
  label: string;
  count: number;
  tone: 'success' | 'neutral' | 'warning' | 'error';
}

/** The final report, in the order a person reads it. */
export function summarizeOutcome(plan: BulkPlan, outcome: BulkOutcome): SummaryLine[] {
  const target = plan.action === 'markUsed' ? 'used' : 'unused';
  const failedCount = outcome.failed.reduce((n, f) => n + f.ids.length, 0);
  const accepted = outcome.succeededIds.length - outcome.unknownCount;
  const unchanged = Math.max(0, accepted - outcome.changed);
  const lines: SummaryLine[] = [{ label: `Marked ${target}`, count: outcome.changed, tone: 'success' }];
  if (outcome.unknownCount > 0)
    lines.push({ label: 'Sent, Druid did not report how many changed', count: outcome.unknownCount, tone: 'neutral' });
  lines.push({ label: `Already ${target} (not sent)`, count: plan.alreadyInState.length, tone: 'neutral' });
  if (unchanged > 0)
    lines.push({
      label:
        plan.action === 'markUsed'
          ? 'Left unused by Druid (overshadowed by a newer version, or already changed)'
          : 'Not changed by Druid (already unused, or gone)',
      count: unchanged,
      tone: 'warning',
    });
  if (failedCount > 0) lines.push({ label: 'Failed', count: failedCount, tone: 'error' });
  if (outcome.notAttempted.length > 0)
    lines.push({ label: 'Not sent (cancelled)', count: outcome.notAttempted.length, tone: 'warning' });
  return lines;
}

export interface OutcomeHeadline {
  title: string;
  tone: 'success' | 'warning' | 'error';
}

/** The summary's title once a run ends: what happened, never "Done" when nothing went through. */
export function outcomeHeadline(plan: BulkPlan, outcome: BulkOutcome): OutcomeHeadline {
  const target = plan.action === 'markUsed' ? 'used' : 'unused';
  const failed = outcome.failed.reduce((n, f) => n + f.ids.length, 0);
  const marked = `${formatCountOf(outcome.changed, 'segment')} marked ${target}`;
  if (outcome.cancelled)
    return {
      title: `Stopped after ${outcome.batchesSent} of ${formatCountOf(outcome.batchCount, 'batch', 'batches')}: ${marked}`,
      tone: 'warning',
    };
  if (outcome.succeededIds.length === 0 && failed > 0) return { title: 'Failed: no segment changed', tone: 'error' };
  if (failed > 0)
    return { title: `Partly failed: ${marked}, ${formatCountOf(failed, 'segment')} failed`, tone: 'error' };
  if (outcome.unknownCount > 0 && outcome.changed === 0)
    return {
      title: `Sent ${formatCountOf(outcome.unknownCount, 'segment')}: Druid did not say how many changed`,
      tone: 'warning',
    };
  if (outcome.changed === 0) return { title: `No segment changed: Druid left them as they were`, tone: 'warning' };
  return { title: `Marked ${formatCountOf(outcome.changed, 'segment')} ${target}`, tone: 'success' };
}
