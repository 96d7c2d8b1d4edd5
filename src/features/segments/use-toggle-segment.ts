import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateSegmentQueries, markSegment } from '../../api/segment-updates.ts';
import type { SegmentRecord } from '../../api/segments.ts';
import { applyStateChange } from '../../api/segments-cache.ts';
import { toast } from '../../components/toast.ts';
import { effectOf, formatRange } from './mark-effect.ts';
import { useUndoMark } from './use-undo-mark.ts';

interface ToggleInput {
  record: SegmentRecord;
  used: boolean;
}

/**
 * Marks one segment used or unused with the single-segment endpoint; the row follows Druid's answer, and the toast
 * names the segment's time range and offers Undo, like every other reversible mark.
 */
export function useToggleSegment(dataSource: string) {
  const client = useQueryClient();
  const offerUndo = useUndoMark(dataSource);
  return useMutation({
    mutationKey: ['segments', dataSource, 'toggle'],
    mutationFn: ({ record, used }: ToggleInput) => markSegment(dataSource, record.id, used),
    onSuccess: ({ changed }, { record, used }) => {
      const what = `${formatRange(record)} of ${dataSource}`;
      if (changed === 0) {
        // Druid changed nothing: the listing is out of date (or Druid refused); ask again rather than guess.
        toast.info(`Druid left ${what} as it was; refreshing its state.`);
        void invalidateSegmentQueries(client, dataSource);
        return;
      }
      applyStateChange(client, dataSource, new Set([record.id]), used);
      if (changed === null) void invalidateSegmentQueries(client, dataSource);
      offerUndo(effectOf(used ? 'markUsed' : 'markUnused', dataSource, [record]), [record.id], changed);
    },
    onError: (error, { record, used }) => {
      toast.error(
        `Could not mark ${formatRange(record)} of ${dataSource} ${used ? 'used' : 'unused'}: ${error.message}`,
      );
    },
  });
}
