/**
 * A datasource's segments as compact records: used ones in bounded parts over all time (see used-listing.ts), unused
 * ones paged by segment ID, plus one segment's full JSON for the detail view.
 */
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { formatInterval, intervalToPath } from '../druid/interval.ts';
import { druidJson, druidRequest } from './client.ts';
import { credentialsGeneration } from './credentials.ts';
import { DruidApiError, isDruidApiError, isPostRefused, unexpectedResponse } from './druid-api-error.ts';
import { fetchIntervalSummaries, intervalSummariesQueryOptions } from './interval-summaries.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import { druidKeys } from './query-keys.ts';
import { readUnusedSegment, type SegmentRecord, StringPool } from './segments-records.ts';
import { fetchUsedInParts } from './used-listing.ts';
import { type CountedStart, usedListingParts } from './used-parts.ts';

export type { SegmentRecord, SegmentState } from './segments-records.ts';

const METADATA = '/druid/coordinator/v1/metadata';
export const UNUSED_PAGE_SIZE = 10_000;
export const FIRST_UNUSED_PAGE_SIZE = 500;

export function dataSourceMetadataPath(dataSource: string): string {
  return `${METADATA}/datasources/${encodeURIComponent(dataSource)}`;
}

async function listing(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  signal?: AbortSignal,
) {
  const { data } = await druidRequest(path, { query, signal, timeoutMs: 300_000 });
  // Druid answers 204 (empty) in some eras when nothing matches.
  if (data === null) return [];
  if (!Array.isArray(data)) throw unexpectedResponse('GET', path, 'expected a list of segments');
  return data;
}

/** Datasources (per credentials) where Druid refused the parts' POST: their next loads go straight to the GET. */
const postRefused = new Set<string>();

/**
 * Used segments (overshadowed ones included and flagged), in parts sized from the served interval summaries (fetched
 * when not given) and parsed off the page. The summaries only size the parts: the parts cover all time whatever they
 * say. Druid wants WRITE on the datasource for any POST, so a read-only user is refused the parts: for them the
 * listing falls back to the one-response GET (READ), unbounded, as before.
 */
export async function fetchUsedSegmentRecords(
  dataSource: string,
  signal?: AbortSignal,
  summaries?: readonly CountedStart[],
): Promise<SegmentRecord[]> {
  const who = `${credentialsGeneration()} ${dataSource}`;
  if (!postRefused.has(who)) {
    try {
      const counted = summaries ?? (await fetchIntervalSummaries(dataSource, signal)).intervals;
      return await fetchUsedInParts(
        `${dataSourceMetadataPath(dataSource)}/segments`,
        usedListingParts(counted),
        signal,
      );
    } catch (error) {
      if (!isPostRefused(error)) throw error;
      postRefused.add(`${credentialsGeneration()} ${dataSource}`);
    }
  }
  const query = { includeOvershadowedStatus: true, datasources: dataSource };
  return fetchSegmentListing('used', `${METADATA}/segments`, query, { signal });
}

export interface UnusedPage {
  records: SegmentRecord[];
  /** Where the next page starts, or null after the last one. */
  nextAfter: string | null;
}

/** One page of unused segments after `lastSegmentId` (keyset paging in segment-ID order). */
export async function fetchUnusedSegmentPage(
  dataSource: string,
  lastSegmentId: string | null,
  options: { signal?: AbortSignal; limit?: number; interval?: { start: number; end: number }; nextLimit?: number } = {},
): Promise<UnusedPage> {
  const limit = options.limit ?? UNUSED_PAGE_SIZE;
  const query = {
    interval: options.interval ? intervalToPath(options.interval) : undefined,
    limit,
    sortOrder: 'ASC',
    lastSegmentId: lastSegmentId ?? undefined,
  };
  // `nextLimit`: the caller will page on, so the worker may ask for the next page before it is asked.
  const readAhead = options.nextLimit === undefined ? undefined : { limit, nextLimit: options.nextLimit };
  const path = `${dataSourceMetadataPath(dataSource)}/unusedSegments`;
  const records = await fetchSegmentListing('unused', path, query, { signal: options.signal, readAhead });
  const last = records[records.length - 1];
  return { records, nextAfter: records.length >= limit && last ? last.id : null };
}

export const usedSegmentsQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.usedSegments(dataSource),
    // The summaries the page decided its mode with, reused: stale ones only make parts less even, never lose segments.
    queryFn: async ({ signal, client }) => {
      const summaries = await client.ensureQueryData(intervalSummariesQueryOptions(dataSource));
      return fetchUsedSegmentRecords(dataSource, signal, summaries.intervals);
    },
    staleTime: 30_000,
  });

/** Pages of unused segments; the view keeps fetching the next page until `nextAfter` is null. */
export const unusedSegmentsQueryOptions = (dataSource: string) =>
  infiniteQueryOptions({
    queryKey: druidKeys.unusedSegments(dataSource),
    // A small first page puts rows on screen while the big used listing is still on its way.
    queryFn: ({ signal, pageParam }) =>
      fetchUnusedSegmentPage(dataSource, pageParam, {
        signal,
        limit: pageParam === null ? FIRST_UNUSED_PAGE_SIZE : UNUSED_PAGE_SIZE,
        nextLimit: UNUSED_PAGE_SIZE,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page: UnusedPage) => page.nextAfter,
    staleTime: 30_000,
  });

const unknownJson = z.unknown();

/**
 * The segment's full JSON. Druid answers 404 for any segment of a datasource without used segments, even with
 * includeUnused, so an unused one is looked up among the unused segments of its own interval instead.
 */
export async function fetchSegmentJson(
  dataSource: string,
  segment: Pick<SegmentRecord, 'id' | 'start' | 'end'>,
  signal?: AbortSignal,
): Promise<unknown> {
  const path = `${dataSourceMetadataPath(dataSource)}/segments/${encodeURIComponent(segment.id)}`;
  try {
    return await druidJson(path, unknownJson, { query: { includeUnused: 'true' }, signal });
  } catch (error) {
    if (!isDruidApiError(error) || error.status !== 404) throw error;
  }
  const unusedPath = `${dataSourceMetadataPath(dataSource)}/unusedSegments`;
  const items = await listing(unusedPath, { interval: intervalToPath(segment), sortOrder: 'ASC' }, signal);
  const match = items.find((item) => {
    const record = readUnusedSegment(item, new StringPool());
    return typeof record !== 'string' && record.id === segment.id;
  });
  if (match === undefined)
    throw new DruidApiError({
      kind: 'http',
      status: 404,
      method: 'GET',
      path,
      message: `Segment ${segment.id} is no longer in the metadata store (interval ${formatInterval(segment)}).`,
    });
  return match;
}

export const segmentDetailQueryOptions = (dataSource: string, segment: Pick<SegmentRecord, 'id' | 'start' | 'end'>) =>
  queryOptions({
    queryKey: druidKeys.segmentDetail(dataSource, segment.id),
    queryFn: ({ signal }) => fetchSegmentJson(dataSource, segment, signal),
    staleTime: 60_000,
  });
