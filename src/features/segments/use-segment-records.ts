import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type SegmentRecord, unusedSegmentsQueryOptions, usedSegmentsQueryOptions } from '../../api/segments.ts';
import { FULL_LOAD_MAX_ROWS } from './window-sizing.ts';

export interface SegmentRecordsState {
  /** Used and unused together, one record per ID. */
  records: readonly SegmentRecord[];
  byId: ReadonlyMap<string, SegmentRecord>;
  usedStatus: 'pending' | 'error' | 'success';
  usedError: unknown;
  /** Unused segments arrive page by page; `unusedLoaded` counts them so far. */
  unusedLoaded: number;
  unusedDone: boolean;
  unusedError: unknown;
  /**
   * More segments than a full load holds (FULL_LOAD_MAX_ROWS): paging stopped, the datasource is to be windowed. Few
   * served segments can hide millions of unused ones, which the served summaries do not count.
   */
  overCap: boolean;
  /** A refetch of either list is running (after a change). */
  refreshing: boolean;
  retry: () => void;
}

// Hundreds of thousands of rows: refetch when told to (after a change), not on every window focus.
const BIG_LIST = { refetchOnWindowFocus: false } as const;
/**
 * While unused pages stream in, the table is rebuilt at most this often (each rebuild indexes and sorts every row;
 * at 200k that is ~100 ms of the page's thread, which on a small machine the server and the worker need too).
 */
const MERGE_INTERVAL_MS = 1000;

/**
 * The datasource's used segments (bounded parts over all time, see api/used-listing.ts) and unused ones (paged to the
 * end), merged. `enabled` false asks for
 * nothing (a big datasource, or one whose size is not known yet).
 */
export function useSegmentRecords(dataSource: string, enabled = true): SegmentRecordsState {
  const used = useQuery({ ...usedSegmentsQueryOptions(dataSource), ...BIG_LIST, enabled });
  const unused = useInfiniteQuery({ ...unusedSegmentsQueryOptions(dataSource), ...BIG_LIST, enabled });
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = unused;

  const pages = unused.data?.pages;
  const unusedLoaded = useMemo(() => (pages ?? []).reduce((n, page) => n + page.records.length, 0), [pages]);
  const overCap = (used.data?.length ?? 0) + unusedLoaded > FULL_LOAD_MAX_ROWS;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError && !overCap) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, overCap, fetchNextPage]);

  const [shownPages, setShownPages] = useState(pages);
  const mergedAt = useRef<number | null>(null);
  useEffect(() => {
    const last = mergedAt.current;
    const streaming = pages !== undefined && hasNextPage && !isError;
    if (streaming && last !== null && performance.now() - last < MERGE_INTERVAL_MS) return;
    mergedAt.current = pages === undefined ? null : performance.now();
    setShownPages(pages);
  }, [pages, hasNextPage, isError]);

  const { records, byId } = useMemo(() => {
    const map = new Map<string, SegmentRecord>();
    // Unused first, so a segment caught in both listings mid-change shows as used (the later read).
    for (const page of shownPages ?? []) for (const record of page.records) map.set(record.id, record);
    for (const record of used.data ?? []) map.set(record.id, record);
    return { records: [...map.values()], byId: map };
  }, [used.data, shownPages]);

  return {
    records,
    byId,
    usedStatus: used.status,
    usedError: used.error,
    unusedLoaded,
    unusedDone: unused.isSuccess && !unused.hasNextPage,
    unusedError: unused.error,
    overCap,
    refreshing: (used.isFetching && !used.isPending) || (unused.isRefetching && !unused.isFetchingNextPage),
    retry: () => {
      if (used.isError) void used.refetch();
      if (unused.isError) void (unused.hasNextPage ? unused.fetchNextPage() : unused.refetch());
    },
  };
}
