import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateSegmentQueries, markAllSegments, markSegmentsByInterval } from '../../api/segment-updates.ts';
import { formatCount } from '../../components/format.ts';
import { toast } from '../../components/toast.ts';
import type { IntervalPreview } from './interval-preview.ts';
import { markedToast, UNDO_MAX_IDS } from './mark-effect.ts';
import { useUndoMark } from './use-undo-mark.ts';

export interface DataSourceMark {
  used: boolean;
  /** Druid's canonical interval, or null for every segment. */
  interval: string | null;
  /** What the dialog stated: named by the toast, its IDs undone by Undo. */
  preview: IntervalPreview;
}

/**
 * Datasource-level marking (all, or by interval); reports Druid's count, offers Undo of exactly the segments the
 * preview listed, and refreshes every listing.
 */
export function useDataSourceMark(dataSource: string, onDone: () => void) {
  const client = useQueryClient();
  const offerUndo = useUndoMark(dataSource);
  return useMutation({
    mutationKey: ['segments', dataSource, 'mark'],
    mutationFn: ({ used, interval }: DataSourceMark) =>
      interval === null ? markAllSegments(dataSource, used) : markSegmentsByInterval(dataSource, interval, used),
    onSuccess: async ({ changed }, { preview }) => {
      if (preview.ids === null)
        toast.success(
          `${markedToast(preview.effect, changed)}. No Undo: more than ${formatCount(UNDO_MAX_IDS)} segments changed.`,
        );
      else offerUndo(preview.effect, preview.ids, changed);
      onDone();
      await invalidateSegmentQueries(client, dataSource);
    },
  });
}
