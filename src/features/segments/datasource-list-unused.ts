import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type UnusedSummary, unusedSummaryQueryOptions } from '../../api/datasources.ts';
import { type UnusedProbe, unusedProbeQueryOptions } from '../../api/unused-summary.ts';
import { useDataSourceListShared } from './datasource-list-context.ts';

/**
 * How long a row must stay on screen before it asks for its unused segments: rows that only flash past during a
 * flick or a drag of the scrollbar never send a request.
 */
export const ROW_DWELL_MS = 120;

/** True once the calling row has been mounted (on screen) for `ms`; at once for 0. */
export function useDwell(ms: number): boolean {
  const [settled, setSettled] = useState(ms === 0);
  useEffect(() => {
    if (settled) return;
    const timer = setTimeout(() => setSettled(true), ms);
    return () => clearTimeout(timer);
  }, [ms, settled]);
  return settled;
}

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
