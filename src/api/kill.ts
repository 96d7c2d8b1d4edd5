/**
 * The Coordinator's kill endpoint and the metadata reads a dry run needs: unused segments, paged by segment id.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { type Interval, intervalToPath } from '../druid/interval.ts';
import { dataSegmentPlusSchema, segmentInterval } from '../druid/segment.ts';
import { druidJson, druidRequest } from './client.ts';
import type { PageLoader } from './kill-count.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import { druidKeys } from './query-keys.ts';

const METADATA = '/druid/coordinator/v1/metadata/datasources';

const dataSourcePath = (dataSource: string) => `${METADATA}/${encodeURIComponent(dataSource)}`;

export interface UnusedPageQuery {
  /** Only segments fully inside it (Druid's `interval` filter is containment); all when absent. */
  interval?: Interval;
  limit: number;
  lastSegmentId?: string;
  sortOrder?: 'ASC' | 'DESC';
}

/** One page of `unusedSegments`, keyset-paged by segment id (Druid: ids greater than lastSegmentId in ASC order). */
export async function fetchUnusedPage(dataSource: string, page: UnusedPageQuery, signal?: AbortSignal) {
  const plus = await druidJson(`${dataSourcePath(dataSource)}/unusedSegments`, z.array(dataSegmentPlusSchema), {
    query: {
      interval: page.interval ? intervalToPath(page.interval) : undefined,
      limit: page.limit,
      lastSegmentId: page.lastSegmentId,
      sortOrder: page.sortOrder ?? 'ASC',
    },
    signal,
  });
  return plus.map((item) => item.dataSegment);
}

/**
 * Loads count pages of the unused segments fully inside `interval` as compact records, fetched and parsed in the
 * listing worker so a page of 5,000 never blocks the page.
 */
export function unusedPageLoader(dataSource: string, interval: Interval): PageLoader {
  const path = `${dataSourcePath(dataSource)}/unusedSegments`;
  return (page, signal) =>
    fetchSegmentListing(
      'unused',
      path,
      {
        interval: intervalToPath(interval),
        limit: page.limit,
        lastSegmentId: page.lastSegmentId,
        sortOrder: page.sortOrder,
      },
      { signal },
    );
}

export interface UnusedRange {
  /** From the start of the earliest unused segment to the end of the latest-starting one. */
  interval: Interval;
}

/** Where the datasource's unused segments lie, from the first and the last by segment id; null when there are none. */
export async function fetchUnusedRange(dataSource: string, signal?: AbortSignal): Promise<UnusedRange | null> {
  const [first] = await fetchUnusedPage(dataSource, { limit: 1, sortOrder: 'ASC' }, signal);
  const [last] = await fetchUnusedPage(dataSource, { limit: 1, sortOrder: 'DESC' }, signal);
  if (!first || !last) return null;
  const a = segmentInterval(first);
  const b = segmentInterval(last);
  return { interval: { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) } };
}

export const unusedRangeQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.unusedRange(dataSource),
    queryFn: ({ signal }) => fetchUnusedRange(dataSource, signal),
  });

/**
 * Submits the kill: a kill task deletes the unused segments fully inside the interval from the metadata store and
 * deep storage. Druid answers 200 with an empty body and no task id.
 */
export async function killUnusedSegments(dataSource: string, interval: Interval): Promise<void> {
  await druidRequest(
    `/druid/coordinator/v1/datasources/${encodeURIComponent(dataSource)}/intervals/${intervalToPath(interval)}`,
    {
      method: 'DELETE',
    },
  );
}
