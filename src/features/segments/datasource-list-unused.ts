import { useQuery } from '@tanstack/react-query';
import { type UnusedSummary, unusedSummaryQueryOptions } from '../../api/datasources.ts';
import { type UnusedProbe, unusedProbeQueryOptions } from '../../api/unused-summary.ts';
import { useDwell } from '../../components/data-table/row-dwell.ts';
import { useDataSourceListShared } from './datasource-list-context.ts';

export interface RowUnused {
  probe: UnusedProbe | undefined;
  /** The exact totals when counted on demand and not older than the probe (a mark since then makes them stale). */
  exact: UnusedSummary | undefined;
  failed: boolean;
  error: unknown;
}

/**
 * The unused segments of one row, shared by its cells (one query each, so one request). Neither query is kept
 * alive by anything but the row: when it scrolls away TanStack loses the last observer and aborts the fetch.
 */
export function useRowUnused(dataSource: string): RowUnused {
  const dwelled = useDwell(useDataSourceListShared().dwellMs);
  const probe = useQuery({ ...unusedProbeQueryOptions(dataSource), enabled: dwelled });
  // Only observed here: the count is started by ExactCountControl.
  const exact = useQuery({ ...unusedSummaryQueryOptions(dataSource), enabled: false });
  const fresh = exact.data !== undefined && exact.dataUpdatedAt >= probe.dataUpdatedAt;
  return {
    probe: probe.data,
    exact: fresh ? exact.data : undefined,
    failed: probe.isError,
    error: probe.error,
  };
}
