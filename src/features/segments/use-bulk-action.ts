import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { invalidateSegmentQueries, markSegmentsByIds } from '../../api/segment-updates.ts';
import type { SegmentRecord } from '../../api/segments.ts';
import { throttled } from '../../components/throttled.ts';
import { planBulk } from './bulk-plan.ts';
import {
  type BulkAction,
  type BulkOutcome,
  type BulkPlan,
  type BulkProgress,
  DEFAULT_BATCH_SIZE,
  runBatches,
} from './bulk-runner.ts';
import { useUndoMarkUnused } from './use-undo-mark-unused.ts';

const PROGRESS_INTERVAL_MS = 100;

export type BulkState =
  | { phase: 'idle' }
  | { phase: 'confirm'; plan: BulkPlan }
  | { phase: 'running'; plan: BulkPlan; progress: BulkProgress; cancelling: boolean }
  | { phase: 'done'; plan: BulkPlan; outcome: BulkOutcome };

interface BulkSource {
  records: readonly SegmentRecord[];
  byId: ReadonlyMap<string, SegmentRecord>;
}

/** Confirm → run in batches (cancellable) → summary, with "retry failed" and, after mark unused, an Undo toast. */
export function useBulkAction(dataSource: string, source: BulkSource) {
  const client = useQueryClient();
  const [state, setState] = useState<BulkState>({ phase: 'idle' });
  const [batchSize, setBatchSize] = useState(DEFAULT_BATCH_SIZE);
  const cancelled = useRef(false);
  const offerUndo = useUndoMarkUnused(dataSource);

  const prepare = useCallback(
    (action: BulkAction, ids: Iterable<string>) => {
      setState({ phase: 'confirm', plan: planBulk(action, ids, source.byId, source.records) });
    },
    [source],
  );

  const execute = useCallback(
    async (plan: BulkPlan, ids: readonly string[]) => {
      cancelled.current = false;
      const total = ids.length;
      // Each update re-renders the page around the dialog and a batch can take a few ms: draw ~10 a second.
      const showProgress = throttled((progress: BulkProgress) => {
        setState((current) => (current.phase === 'running' ? { ...current, progress } : current));
      }, PROGRESS_INTERVAL_MS);
      setState({ phase: 'running', plan, cancelling: false, progress: { sent: 0, total, changed: 0, failed: 0 } });
      const outcome = await runBatches({
        ids,
        batchSize,
        send: (batch) => markSegmentsByIds(dataSource, batch, plan.action === 'markUsed'),
        isCancelled: () => cancelled.current,
        onProgress: showProgress.push,
      });
      showProgress.cancel();
      setState({ phase: 'done', plan, outcome });
      await invalidateSegmentQueries(client, dataSource);
      if (plan.action === 'markUnused' && (outcome.changed > 0 || outcome.unknownCount > 0))
        offerUndo(outcome.succeededIds, outcome.changed + outcome.unknownCount, batchSize);
    },
    [batchSize, client, dataSource, offerUndo],
  );

  const run = useCallback(() => {
    if (state.phase === 'confirm') void execute(state.plan, state.plan.toSend);
  }, [state, execute]);

  const retryFailed = useCallback(() => {
    if (state.phase !== 'done') return;
    const failedIds = state.outcome.failed.flatMap((batch) => batch.ids);
    const plan: BulkPlan = { ...state.plan, toSend: failedIds, alreadyInState: [], unknown: [] };
    void execute(plan, failedIds);
  }, [state, execute]);

  const cancel = useCallback(() => {
    cancelled.current = true;
    setState((current) => (current.phase === 'running' ? { ...current, cancelling: true } : current));
  }, []);

  const close = useCallback(() => {
    setState((current) => (current.phase === 'running' ? current : { phase: 'idle' }));
  }, []);

  return { state, prepare, run, cancel, close, retryFailed, batchSize, setBatchSize };
}
