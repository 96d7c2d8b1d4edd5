import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateSegmentQueries, markAllSegments, markSegmentsByInterval } from '../../api/segment-updates.ts';
import { formatCount } from '../../components/format.ts';
import { toast } from '../../components/toast.ts';

export interface DataSourceMark {
  used: boolean;
  /** Druid's canonical interval, or null for every segment. */
  interval: string | null;
}

/** Datasource-level marking (all, or by interval); reports Druid's count and refreshes every listing. */
export function useDataSourceMark(dataSource: string, onDone: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['segments', dataSource, 'mark'],
    mutationFn: ({ used, interval }: DataSourceMark) =>
      interval === null ? markAllSegments(dataSource, used) : markSegmentsByInterval(dataSource, interval, used),
    onSuccess: async ({ changed }, { used }) => {
      const target = used ? 'used' : 'unused';
      toast.success(
        changed === null
          ? `Druid accepted the request to mark segments of ${dataSource} ${target}.`
          : `Marked ${formatCount(changed)} segments of ${dataSource} ${target}.`,
      );
      onDone();
      await invalidateSegmentQueries(client, dataSource);
    },
  });
}
