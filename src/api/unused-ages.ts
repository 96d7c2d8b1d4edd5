/**
 * The unused segments of one datasource as small records of interval, size and the date they became unused
 * (`usedStatusLastUpdatedDate`): what the auto-kill forecast and the age histogram need. The first
 * UNUSED_AGES_CAP + 1 by segment ID per row on screen (IDs sort by start, which is the order auto-kill takes them
 * in), or all of them on demand, paged by ID and kept as numbers only.
 */
import { queryOptions } from '@tanstack/react-query';
import type { UnusedSegmentTimes } from '../druid/auto-kill-prediction.ts';
import { druidRequest } from './client.ts';
import { DruidApiError } from './druid-api-error.ts';
import { dataSourceMetadataPath } from './segments.ts';
import { readUnusedSegment, StringPool } from './segments-records.ts';

export const UNUSED_AGES_CAP = 200;
const PAGE = 5_000;

export interface UnusedAgeRecord extends UnusedSegmentTimes {
  size: number;
}

export interface UnusedAges {
  segments: UnusedAgeRecord[];
  /** More unused segments exist than `segments` holds (the first ones by ID). */
  capped: boolean;
}

export const unusedAgesKeys = {
  firstPage: (dataSource: string) => ['druid', 'segments', dataSource, 'unused-ages'] as const,
  all: (dataSource: string) => ['druid', 'segments', dataSource, 'unused-ages', 'all'] as const,
};

async function unusedPage(
  dataSource: string,
  query: { limit: number; lastSegmentId?: string },
  signal?: AbortSignal,
): Promise<{ records: UnusedAgeRecord[]; lastId: string | null }> {
  const path = `${dataSourceMetadataPath(dataSource)}/unusedSegments`;
  const { status, data } = await druidRequest(path, { query: { ...query, sortOrder: 'ASC' }, signal });
  if (data === null) return { records: [], lastId: null };
  const invalid = (message: string) =>
    new DruidApiError({ kind: 'invalid-response', status, method: 'GET', path, message });
  if (!Array.isArray(data)) throw invalid(`Unexpected response from ${path}: expected a list of segments.`);
  const versions = new StringPool();
  let lastId: string | null = null;
  const records = data.map((item, index) => {
    const record = readUnusedSegment(item, versions);
    if (typeof record === 'string') throw invalid(`Unexpected response from ${path} at ${index}: ${record}.`);
    lastId = record.id;
    return { start: record.start, end: record.end, lastUpdated: record.lastUpdated, size: record.size };
  });
  return { records, lastId };
}

export async function fetchUnusedAges(dataSource: string, signal?: AbortSignal, cap = UNUSED_AGES_CAP) {
  const { records } = await unusedPage(dataSource, { limit: cap + 1 }, signal);
  return { segments: records.slice(0, cap), capped: records.length > cap } satisfies UnusedAges;
}

export const unusedAgesQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: unusedAgesKeys.firstPage(dataSource),
    queryFn: ({ signal }) => fetchUnusedAges(dataSource, signal),
    staleTime: 30_000,
  });

/** Every unused segment, page by page (keyset by ID); `onProgress` sees the count so far. */
export async function fetchAllUnusedAges(
  dataSource: string,
  signal?: AbortSignal,
  onProgress?: (count: number) => void,
): Promise<UnusedAges> {
  const segments: UnusedAgeRecord[] = [];
  let lastSegmentId: string | undefined;
  for (;;) {
    const page = await unusedPage(dataSource, { limit: PAGE, lastSegmentId }, signal);
    for (const record of page.records) segments.push(record);
    onProgress?.(segments.length);
    if (page.records.length < PAGE || page.lastId === null) return { segments, capped: false };
    lastSegmentId = page.lastId;
  }
}

export const allUnusedAgesQueryOptions = (dataSource: string, onProgress?: (count: number) => void) =>
  queryOptions({
    queryKey: unusedAgesKeys.all(dataSource),
    queryFn: ({ signal }) => fetchAllUnusedAges(dataSource, signal, onProgress),
    staleTime: 30_000,
  });
