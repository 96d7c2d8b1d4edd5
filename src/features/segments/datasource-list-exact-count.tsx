import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type UnusedSummary, unusedSummaryQueryOptions } from '../../api/datasources.ts';
import { druidKeys } from '../../api/query-keys.ts';
import { UNUSED_PROBE_CAP } from '../../api/unused-summary.ts';
import { formatCount } from '../../components/format.ts';

/**
 * "100+ unused" and a button to count them exactly: keyset pages of 10k in the background, keeping only totals,
 * with progress and Cancel. Scrolling the row away cancels the count too (the query loses its last observer).
 */
export function ExactCountControl({ dataSource }: { dataSource: string }) {
  const client = useQueryClient();
  const [requested, setRequested] = useState(false);
  const [progress, setProgress] = useState<UnusedSummary | null>(null);
  const exact = useQuery({ ...unusedSummaryQueryOptions(dataSource, setProgress), enabled: requested });
  const counting = requested && exact.isFetching;
  if (counting) {
    return (
      <span className="datasource-list-counting">
        <span role="status" aria-live="polite">
          {UNUSED_PROBE_CAP}+ ·{' '}
          {progress && progress.count > 0 ? `${formatCount(progress.count)} so far…` : 'counting…'}
        </span>
        <button
          type="button"
          className="compact ghost"
          aria-label={`Cancel counting the unused segments of ${dataSource}`}
          onClick={() => {
            setRequested(false);
            setProgress(null);
            void client.cancelQueries({ queryKey: druidKeys.unusedSummary(dataSource) });
          }}
        >
          Cancel
        </button>
      </span>
    );
  }
  return (
    <span className="datasource-list-counting">
      <span>{UNUSED_PROBE_CAP}+</span>
      {exact.isError && <span className="field-error">count failed</span>}
      <button
        type="button"
        className="compact ghost"
        aria-label={`Count the unused segments of ${dataSource} exactly`}
        onClick={() => {
          setProgress(null);
          setRequested(true);
          // Also when stale data sits in the cache that enabling alone would not refetch.
          void exact.refetch();
        }}
      >
        Count
      </button>
    </span>
  );
}
