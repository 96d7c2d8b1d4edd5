import { describe, expect, it, vi } from 'vitest';
import { planBulk } from './bulk-plan.ts';
import {
  type BulkOutcome,
  type BulkPlan,
  batchIds,
  chunk,
  outcomeHeadline,
  runBatches,
  summarizeOutcome,
} from './bulk-runner.ts';
import { record } from './test-records.ts';

const ids = Array.from({ length: 7 }, (_, i) => `id${i}`);

describe('chunk', () => {
  it('splits into batches of the given size, the last one shorter', () => {
    expect(chunk(ids, 3)).toEqual([['id0', 'id1', 'id2'], ['id3', 'id4', 'id5'], ['id6']]);
    expect(chunk(ids, 0)).toHaveLength(7);
  });
});

describe('runBatches', () => {
  it('sends every batch in order and sums what Druid changed', async () => {
    const send = vi.fn(async (batch: string[]) => ({ changed: batch.length - 1 }));
    const progress = vi.fn();
    const outcome = await runBatches({ ids, batchSize: 3, send, isCancelled: () => false, onProgress: progress });
    expect(send.mock.calls.map(([batch]) => batch.length)).toEqual([3, 3, 1]);
    expect(outcome).toEqual({
      succeededIds: ids,
      changed: 4,
      unknownCount: 0,
      failed: [],
      notAttempted: [],
      cancelled: false,
      batchesSent: 3,
      batchCount: 3,
    });
    expect(progress).toHaveBeenLastCalledWith({ sent: 7, total: 7, changed: 4, failed: 0 });
  });

  it('stops after the in-flight batch when cancelled', async () => {
    let cancelled = false;
    const send = vi.fn(async (batch: string[]) => {
      cancelled = true; // the user presses Cancel while the first batch is in flight
      return { changed: batch.length };
    });
    const outcome = await runBatches({ ids, batchSize: 3, send, isCancelled: () => cancelled });
    expect(send).toHaveBeenCalledTimes(1);
    expect(outcome.changed).toBe(3);
    expect(outcome.cancelled).toBe(true);
    expect(outcome.notAttempted).toEqual(['id3', 'id4', 'id5', 'id6']);
  });

  it('keeps going past a failed batch and records its IDs and error', async () => {
    const send = vi.fn(async (batch: string[]) => {
      if (batch.includes('id3')) throw new Error('Druid is restarting');
      return { changed: null };
    });
    const outcome = await runBatches({ ids, batchSize: 3, send, isCancelled: () => false });
    expect(outcome.failed).toEqual([{ ids: ['id3', 'id4', 'id5'], error: 'Druid is restarting' }]);
    expect(outcome.succeededIds).toEqual(['id0', 'id1', 'id2', 'id6']);
    expect(outcome.unknownCount).toBe(4);
  });
});

describe('summarizeOutcome', () => {
  const plan: BulkPlan = {
    action: 'markUsed',
    toSend: ['a', 'b', 'c', 'd'],
    alreadyInState: ['x'],
    unknown: [],
    overshadowed: ['d'],
  };

  it('accounts for every selected segment', () => {
    const lines = summarizeOutcome(plan, {
      succeededIds: ['a', 'b', 'd'],
      changed: 2,
      unknownCount: 0,
      failed: [],
      notAttempted: ['c'],
      cancelled: true,
      batchesSent: 3,
      batchCount: 4,
    });
    expect(lines.map((l) => [l.label, l.count])).toEqual([
      ['Marked used', 2],
      ['Already used (not sent)', 1],
      ['Left unused by Druid (overshadowed by a newer version, or already changed)', 1],
      ['Not sent (cancelled)', 1],
    ]);
  });

  it('reports failures and unknown answers', () => {
    const lines = summarizeOutcome(
      { ...plan, action: 'markUnused', alreadyInState: [] },
      {
        succeededIds: ['a', 'b'],
        changed: 0,
        unknownCount: 2,
        failed: [{ ids: ['c', 'd'], error: 'x' }],
        notAttempted: [],
        cancelled: false,
        batchesSent: 2,
        batchCount: 2,
      },
    );
    expect(lines.map((l) => [l.label, l.count])).toEqual([
      ['Marked unused', 0],
      ['Sent, Druid did not report how many changed', 2],
      ['Already unused (not sent)', 0],
      ['Failed', 2],
    ]);
  });
});

describe('planBulk', () => {
  const DAY = 86_400_000;
  const jan1 = Date.UTC(2024, 0, 1);
  const v1 = '2024-04-01T00:00:00.000Z';
  const v2 = '2024-05-01T00:00:00.000Z';
  const v2Used = record('sales_events', jan1, jan1 + DAY, { version: v2, state: 'used' });
  const v1Unused = record('sales_events', jan1, jan1 + DAY, { version: v1, partition: 1, state: 'unused' });
  const febUnused = record('sales_events', jan1 + 40 * DAY, jan1 + 41 * DAY, { version: v1, state: 'unused' });
  const all = [v2Used, v1Unused, febUnused];
  const byId = new Map(all.map((r) => [r.id, r]));

  it('skips segments already in the target state and predicts which Druid will not revive', () => {
    const plan = planBulk('markUsed', [v2Used.id, v1Unused.id, febUnused.id, 'sales_events_unknown'], byId, all);
    expect(plan.alreadyInState).toEqual([v2Used.id]);
    expect(plan.toSend).toEqual([v1Unused.id, febUnused.id, 'sales_events_unknown']);
    expect(plan.unknown).toEqual(['sales_events_unknown']);
    expect(plan.overshadowed).toEqual([v1Unused.id]);
  });

  it('marks unused only what is used, overshadowed-but-used included', () => {
    const shadowed = { ...v1Unused, state: 'overshadowed' as const };
    const map = new Map([...byId, [shadowed.id, shadowed]]);
    const plan = planBulk('markUnused', [v2Used.id, shadowed.id, febUnused.id], map, [v2Used, shadowed, febUnused]);
    expect(plan.toSend).toEqual([v2Used.id, shadowed.id]);
    expect(plan.alreadyInState).toEqual([febUnused.id]);
    expect(plan.overshadowed).toEqual([]);
  });
});

describe('batchIds', () => {
  it('keeps every request body within the byte limit, whatever the batch size', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `segment_${String(i).padStart(3, '0')}_${'é'.repeat(20)}`);
    const batches = batchIds(ids, 10_000, 1_000);
    expect(batches.flat()).toEqual(ids);
    for (const batch of batches)
      expect(new TextEncoder().encode(JSON.stringify({ segmentIds: batch })).length).toBeLessThanOrEqual(1_000);
    expect(batches.length).toBeGreaterThan(1);
    expect(batchIds(ids, 7).map((batch) => batch.length)).toEqual([7, 7, 7, 7, 7, 7, 7, 1]);
  });
});

describe('outcomeHeadline', () => {
  const plan: BulkPlan = {
    action: 'markUnused',
    toSend: ['a', 'b', 'c', 'd'],
    alreadyInState: [],
    unknown: [],
    overshadowed: [],
  };
  const outcome = (overrides: Partial<BulkOutcome>): BulkOutcome => ({
    succeededIds: ['a', 'b', 'c', 'd'],
    changed: 4,
    unknownCount: 0,
    failed: [],
    notAttempted: [],
    cancelled: false,
    batchesSent: 4,
    batchCount: 4,
    ...overrides,
  });

  it('says what changed when every batch went through, with the right plural', () => {
    expect(outcomeHeadline(plan, outcome({}))).toEqual({ title: 'Marked 4 segments unused', tone: 'success' });
    expect(outcomeHeadline({ ...plan, action: 'markUsed' }, outcome({ changed: 1 })).title).toBe(
      'Marked 1 segment used',
    );
  });

  it('says where a cancelled run stopped', () => {
    const stopped = outcomeHeadline(
      plan,
      outcome({ cancelled: true, batchesSent: 2, changed: 2, notAttempted: ['c', 'd'] }),
    );
    expect(stopped).toEqual({ title: 'Stopped after 2 of 4 batches: 2 segments marked unused', tone: 'warning' });
    expect(outcomeHeadline(plan, outcome({ cancelled: true, batchesSent: 1, batchCount: 1, changed: 1 })).title).toBe(
      'Stopped after 1 of 1 batch: 1 segment marked unused',
    );
  });

  it('never reads as success when every request failed', () => {
    const failed = outcome({ succeededIds: [], changed: 0, failed: [{ ids: ['a', 'b', 'c', 'd'], error: 'refused' }] });
    expect(outcomeHeadline(plan, failed)).toEqual({ title: 'Failed: no segment changed', tone: 'error' });
    const partly = outcome({ succeededIds: ['a', 'b'], changed: 2, failed: [{ ids: ['c', 'd'], error: 'refused' }] });
    expect(outcomeHeadline(plan, partly)).toEqual({
      title: 'Partly failed: 2 segments marked unused, 2 segments failed',
      tone: 'error',
    });
  });

  it('says when Druid changed nothing or did not count', () => {
    expect(outcomeHeadline(plan, outcome({ changed: 0 })).tone).toBe('warning');
    expect(outcomeHeadline(plan, outcome({ changed: 0, unknownCount: 4 })).title).toBe(
      'Sent 4 segments: Druid did not say how many changed',
    );
  });
});
