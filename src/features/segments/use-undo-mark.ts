import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invalidateSegmentQueries, markSegment, markSegmentsByIds } from '../../api/segment-updates.ts';
import { formatCountOf } from '../../components/format.ts';
import { toast } from '../../components/toast.ts';
import { DEFAULT_BATCH_SIZE, runBatches } from './bulk-runner.ts';
import { type MarkEffect, markedToast, targetState } from './mark-effect.ts';

const UNDO_WINDOW_MS = 20_000;

/** What an Undo did, in words: exact when Druid counted, saying why when some did not come back. */
export function undoReport(
  action: MarkEffect['action'],
  asked: number,
  restored: number | null,
  errors: readonly string[],
): { text: string; complete: boolean } {
  const back = action === 'markUsed' ? 'unused' : 'used';
  const detail = errors.length > 0 ? ` Druid said: ${[...new Set(errors)].join('; ')}` : '';
  if (restored === null && errors.length === 0)
    return {
      text: `Undo sent: Druid accepted marking ${formatCountOf(asked, 'segment')} ${back} again.`,
      complete: true,
    };
  if (restored !== null && restored >= asked && errors.length === 0)
    return {
      text: `Undone: ${formatCountOf(asked, 'segment')} ${asked === 1 ? 'is' : 'are'} ${back} again.`,
      complete: true,
    };
  const why = action === 'markUnused' ? ' (a newer version overshadows them, or they are gone)' : '';
  return {
    text: `Restored ${restored ?? 0} of ${formatCountOf(asked, 'segment')}; the others stay ${targetState(action)}${why}.${detail}`,
    complete: false,
  };
}

/**
 * Every reversible mark ends with a toast naming its time range and offering Undo, which marks exactly the IDs that
 * changed back (never a predicate: that would also catch segments that were already in that state).
 */
export function useUndoMark(dataSource: string) {
  const client = useQueryClient();

  const undo = useCallback(
    async (effect: MarkEffect, ids: readonly string[]) => {
      const used = effect.action === 'markUnused';
      const progress = toast.loading(
        `Marking ${formatCountOf(ids.length, 'segment')} ${used ? 'used' : 'unused'} again…`,
      );
      const [single] = ids;
      const outcome = await runBatches({
        ids,
        batchSize: DEFAULT_BATCH_SIZE,
        send: (batch) =>
          ids.length === 1 && single !== undefined
            ? markSegment(dataSource, single, used)
            : markSegmentsByIds(dataSource, batch, used),
        isCancelled: () => false,
      });
      await invalidateSegmentQueries(client, dataSource);
      const restored = outcome.unknownCount > 0 ? null : outcome.changed;
      const report = undoReport(
        effect.action,
        ids.length,
        restored,
        outcome.failed.map((batch) => batch.error),
      );
      if (report.complete) toast.success(report.text, { id: progress });
      else toast.warning(report.text, { id: progress, duration: Number.POSITIVE_INFINITY });
    },
    [client, dataSource],
  );

  /** `changed`: what Druid reported changing (null: it did not say). */
  return useCallback(
    (effect: MarkEffect, ids: readonly string[], changed: number | null) => {
      if (ids.length === 0 || changed === 0) {
        toast.info(markedToast(effect, changed));
        return;
      }
      toast.success(markedToast(effect, changed), {
        duration: UNDO_WINDOW_MS,
        action: { label: 'Undo', onClick: () => void undo(effect, ids) },
      });
    },
    [undo],
  );
}
