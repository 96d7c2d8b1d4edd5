import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { intervalSummariesQueryOptions } from '../../api/interval-summaries.ts';
import { invalidateSegmentQueries, markSegmentsByIds } from '../../api/segment-updates.ts';
import type { SegmentRecord } from '../../api/segments.ts';
import { throttled } from '../../components/throttled.ts';
import { effectOfPlan, planBulk, planLeavesNoUsedSegment } from './bulk-plan.ts';
import {
  type BulkAction,
  type BulkOutcome,
  type BulkPlan,
  type BulkProgress,
  DEFAULT_BATCH_SIZE,
  runBatches,
} from './bulk-runner.ts';
import type { MarkEffect } from './mark-effect.ts';
import { useUndoMark } from './use-undo-mark.ts';

const PROGRESS_INTERVAL_MS = 100;

interface Planned {
  plan: BulkPlan;
  /** What the plan changes, stated before it runs and named by the Undo toast after. */
  effect: MarkEffect;
}

export type BulkState =
  | { phase: 'idle' }
  | (Planned & { phase: 'confirm' /** It would leave no used segment: the name must be typed. */; whole: boolean })
  | (Planned & { phase: 'running'; progress: BulkProgress; cancelling: boolean })
  | (Planned & { phase: 'done'; outcome: BulkOutcome });

interface BulkSource {
  records: readonly SegmentRecord[];
  byId: ReadonlyMap<string, SegmentRecord>;
}

/** Confirm → run in batches (cancellable) → summary, with "retry failed" and an Undo toast for what changed. */
export function useBulkAction(dataSource: string, source: BulkSource) {
  const client = useQueryClient();
  const [state, setState] = useState<BulkState>({ phase: 'idle' });
  const [batchSize, setBatchSize] = useState(DEFAULT_BATCH_SIZE);
  const cancelled = useRef(false);
  const offerUndo = useUndoMark(dataSource);
  // Cached by the page, which chose its mode with it: the served count bounds the used segments a window misses.
  const summaries = useQuery({ ...intervalSummariesQueryOptions(dataSource), refetchOnWindowFocus: false });
  const servedCount = summaries.data?.count ?? 0;

  const prepare = useCallback(
    (action: BulkAction, ids: Iterable<string>) => {
      const plan = planBulk(action, ids, source.byId, source.records);
      const effect = effectOfPlan(plan, dataSource, source.byId);
      const whole = planLeavesNoUsedSegment(plan, source.records, servedCount);
      setState({ phase: 'confirm', plan, effect, whole });
    },
    [source, dataSource, servedCount],
  );

  const execute = useCallback(
    async ({ plan, effect }: Planned, ids: readonly string[]) => {
      cancelled.current = false;
      const total = ids.length;
      // Each update re-renders the page around the dialog and a batch can take a few ms: draw ~10 a second.
      const showProgress = throttled((progress: BulkProgress) => {
        setState((current) => (current.phase === 'running' ? { ...current, progress } : current));
      }, PROGRESS_INTERVAL_MS);
      setState({
        phase: 'running',
        plan,
        effect,
        cancelling: false,
        progress: { sent: 0, total, changed: 0, failed: 0 },
      });
      const outcome = await runBatches({
        ids,
        batchSize,
        send: (batch) => markSegmentsByIds(dataSource, batch, plan.action === 'markUsed'),
        isCancelled: () => cancelled.current,
        onProgress: showProgress.push,
      });
      showProgress.cancel();
      setState({ phase: 'done', plan, effect, outcome });
      await invalidateSegmentQueries(client, dataSource);
      // Marking used again what Druid left unused (overshadowed) would change nothing: undo only the rest.
      const staying = new Set(plan.overshadowed);
      const changedIds = outcome.succeededIds.filter((id) => !staying.has(id));
      const changed = effectOfPlan({ ...plan, toSend: changedIds }, dataSource, source.byId);
      offerUndo(changed, changedIds, outcome.unknownCount > 0 ? null : outcome.changed);
    },
    [batchSize, client, dataSource, offerUndo, source.byId],
  );

  const run = useCallback(() => {
    if (state.phase === 'confirm') void execute(state, state.plan.toSend);
  }, [state, execute]);

  const retryFailed = useCallback(() => {
    if (state.phase !== 'done') return;
    const failedIds = state.outcome.failed.flatMap((batch) => batch.ids);
    const plan: BulkPlan = { ...state.plan, toSend: failedIds, alreadyInState: [], unknown: [] };
    void execute({ plan, effect: effectOfPlan(plan, dataSource, source.byId) }, failedIds);
  }, [state, execute, dataSource, source.byId]);

  const cancel = useCallback(() => {
    cancelled.current = true;
    setState((current) => (current.phase === 'running' ? { ...current, cancelling: true } : current));
  }, []);

  const close = useCallback(() => {
    setState((current) => (current.phase === 'running' ? current : { phase: 'idle' }));
  }, []);

  return { state, prepare, run, cancel, close, retryFailed, batchSize, setBatchSize };
}
