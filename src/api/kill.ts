/**
 * The Coordinator's kill endpoint and the metadata reads a dry run needs: unused segments (paged by segment id)
 * and used segments overlapping an interval.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { formatInterval, type Interval, intervalToPath } from '../druid/interval.ts';
import {
  type DataSegment,
  dataSegmentPlusSchema,
  dataSegmentSchema,
  segmentId,
  segmentInterval,
} from '../druid/segment.ts';
import { druidJson, druidRequest } from './client.ts';
import { isDruidApiError } from './druid-api-error.ts';
import { druidKeys } from './query-keys.ts';

const METADATA = '/druid/coordinator/v1/metadata/datasources';
export const UNUSED_PAGE_SIZE = 5000;

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

/** Every unused segment fully inside `interval` (or all of them), page by page; `onPage` reports the running count. */
export async function fetchAllUnused(
  dataSource: string,
  interval: Interval | undefined,
  options: { signal?: AbortSignal; onPage?: (fetched: number) => void; pageSize?: number } = {},
): Promise<DataSegment[]> {
  const limit = options.pageSize ?? UNUSED_PAGE_SIZE;
  const all: DataSegment[] = [];
  let lastSegmentId: string | undefined;
  for (;;) {
    const page = await fetchUnusedPage(dataSource, { interval, limit, lastSegmentId }, options.signal);
    all.push(...page);
    options.onPage?.(all.length);
    const last = page[page.length - 1];
    if (page.length < limit || !last) return all;
    const next = segmentId(last);
    // A server that ignores lastSegmentId would loop forever; stop instead.
    if (next === lastSegmentId) return all;
    lastSegmentId = next;
  }
}

/** Used segments (overshadowed ones included) overlapping the interval: what a kill never touches. */
export async function fetchUsedOverlapping(dataSource: string, interval: Interval, signal?: AbortSignal) {
  try {
    return await druidJson(`${dataSourcePath(dataSource)}/segments`, z.array(dataSegmentSchema), {
      method: 'POST',
      query: { full: true },
      body: [formatInterval(interval)],
      signal,
    });
  } catch (error) {
    // Some Druid versions answer 404 when the datasource has no used segment at all.
    if (isDruidApiError(error) && error.status === 404) return [];
    throw error;
  }
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
