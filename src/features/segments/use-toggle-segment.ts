import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateSegmentQueries, markSegment } from '../../api/segment-updates.ts';
import type { SegmentRecord } from '../../api/segments.ts';
import { applyStateChange } from '../../api/segments-cache.ts';
import { toast } from '../../components/toast.ts';

interface ToggleInput {
  record: SegmentRecord;
  used: boolean;
}

/** Marks one segment used or unused with the single-segment endpoint; the row follows Druid's answer. */
export function useToggleSegment(dataSource: string) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['segments', dataSource, 'toggle'],
    mutationFn: ({ record, used }: ToggleInput) => markSegment(dataSource, record.id, used),
    onSuccess: ({ changed }, { record, used }) => {
      const target = used ? 'used' : 'unused';
      if (changed === 0) {
        // Druid changed nothing: the listing is out of date (or Druid refused); ask again rather than guess.
        toast.info(`Druid left ${record.id} as it was; refreshing its state.`);
        void invalidateSegmentQueries(client, dataSource);
        return;
      }
      applyStateChange(client, dataSource, new Set([record.id]), used);
      if (changed === null) void invalidateSegmentQueries(client, dataSource);
      toast.success(`Marked ${target}: ${record.id}`);
    },
    onError: (error, { record, used }) => {
      toast.error(`Could not mark ${record.id} ${used ? 'used' : 'unused'}: ${error.message}`);
    },
  });
}
