import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { invalidateSegmentQueries, markSegmentsByIds } from '../../api/segment-updates.ts';
import { usedSegmentsQueryOptions } from '../../api/segments.ts';
import { formatCount } from '../../components/format.ts';
import { toast } from '../../components/toast.ts';
import { runBatches } from './bulk-runner.ts';

const UNDO_WINDOW_MS = 20_000;

/**
 * After a bulk mark-unused: a toast offering Undo, which marks the same IDs used again and then checks the fresh
 * used listing to report exactly which ones did not come back (a newer version overshadows them, or they are gone).
 */
export function useUndoMarkUnused(dataSource: string) {
  const client = useQueryClient();

  const undo = useCallback(
    async (ids: readonly string[], batchSize: number) => {
      const progress = toast.loading(`Marking ${formatCount(ids.length)} segments used again…`);
      const outcome = await runBatches({
        ids,
        batchSize,
        send: (batch) => markSegmentsByIds(dataSource, batch, true),
        isCancelled: () => false,
      });
      await invalidateSegmentQueries(client, dataSource);
      const used = await client.fetchQuery({ ...usedSegmentsQueryOptions(dataSource), staleTime: 0 });
      const usedIds = new Set(used.map((record) => record.id));
      const missing = ids.filter((id) => !usedIds.has(id));
      const failures = outcome.failed.map((batch) => batch.error);
      if (missing.length === 0) {
        toast.success(`Undone: ${formatCount(ids.length)} segments are used again.`, { id: progress });
        return;
      }
      const detail = failures.length > 0 ? ` Druid said: ${[...new Set(failures)].join('; ')}` : '';
      toast.warning(
        `Restored ${formatCount(ids.length - missing.length)} of ${formatCount(ids.length)} segments. ` +
          `Not restored (${formatCount(missing.length)}): ${missing.slice(0, 5).join(', ')}` +
          `${missing.length > 5 ? ', …' : ''}.${detail}`,
        { id: progress, duration: Number.POSITIVE_INFINITY },
      );
    },
    [client, dataSource],
  );

  return useCallback(
    (ids: readonly string[], changed: number, batchSize: number) => {
      toast.success(`Marked ${formatCount(changed)} segments unused.`, {
        duration: UNDO_WINDOW_MS,
        action: { label: 'Undo', onClick: () => void undo(ids, batchSize) },
      });
    },
    [undo],
  );
}
