/**
 * A bounded look at one datasource's unused segments for the datasources list: Druid has no count endpoint for
 * them, so the list reads at most UNUSED_PROBE_CAP + 1 of them (counting exactly up to the cap) and, past the cap,
 * one more from the other end for the time range. Two requests and ~(cap × segment JSON) bytes per row, whatever
 * the datasource holds; the exact count is paged on demand (fetchUnusedSummary in datasources.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import { druidRequest } from './client.ts';
import { DruidApiError } from './druid-api-error.ts';
import { druidKeys } from './query-keys.ts';
import { dataSourceMetadataPath } from './segments.ts';
import { readUnusedSegment, type SegmentRecord, StringPool } from './segments-records.ts';

/** ~100 × 1.5–3 KB of real segment JSON: a few hundred KB per row on screen at most. */
export const UNUSED_PROBE_CAP = 100;

export interface UnusedProbe {
  /** Exact when `capped` is false; otherwise the cap (there are more). */
  count: number;
  capped: boolean;
  /** Bytes of the segments counted: the total when not capped, a lower bound otherwise. */
  size: number;
  /** Earliest start: exact either way (the ASC page starts with the earliest segment ID). */
  start: number | null;
  /**
   * Latest end. Exact when not capped. Capped, it is the latest end among the segments read and the segment with
   * the greatest ID (the latest start): a longer segment that starts earlier may still end later.
   */
  end: number | null;
}

type Bounds = Pick<SegmentRecord, 'start' | 'end' | 'size'>;

/** Folds the records of the ASC page (`limit` = cap + 1) and, when capped, the first record of the DESC order. */
export function summarizeProbe(ascending: readonly Bounds[], cap: number, latest: Bounds | null = null): UnusedProbe {
  const capped = ascending.length > cap;
  const counted = capped ? ascending.slice(0, cap) : ascending;
  let size = 0;
  let end: number | null = null;
  for (const record of counted) {
    size += record.size;
    end = end === null ? record.end : Math.max(end, record.end);
  }
  if (capped && latest) end = end === null ? latest.end : Math.max(end, latest.end);
  return { count: counted.length, capped, size, start: ascending[0]?.start ?? null, end };
}

async function unusedRecords(
  dataSource: string,
  query: { limit: number; sortOrder: 'ASC' | 'DESC' },
  signal?: AbortSignal,
): Promise<SegmentRecord[]> {
  const path = `${dataSourceMetadataPath(dataSource)}/unusedSegments`;
  const { status, data } = await druidRequest(path, { query, signal });
  // Druid answers 204 (empty) in some eras when nothing matches.
  if (data === null) return [];
  const invalid = (message: string) =>
    new DruidApiError({ kind: 'invalid-response', status, method: 'GET', path, message });
  if (!Array.isArray(data)) throw invalid(`Unexpected response from ${path}: expected a list of segments.`);
  const versions = new StringPool();
  return data.map((item, index) => {
    const record = readUnusedSegment(item, versions);
    if (typeof record === 'string') throw invalid(`Unexpected response from ${path} at ${index}: ${record}.`);
    return record;
  });
}

/**
 * At most cap + 1 unused segments in segment-ID order (always with sortOrder: without it Druid's order is
 * undefined), then, only past the cap, the last one by ID (DESC, limit 1). IDs of one datasource sort by start
 * (ISO text; eternity's '-' start sorts first), then end, version and partition.
 */
export async function fetchUnusedProbe(
  dataSource: string,
  signal?: AbortSignal,
  cap = UNUSED_PROBE_CAP,
): Promise<UnusedProbe> {
  const ascending = await unusedRecords(dataSource, { limit: cap + 1, sortOrder: 'ASC' }, signal);
  if (ascending.length <= cap) return summarizeProbe(ascending, cap);
  const [latest] = await unusedRecords(dataSource, { limit: 1, sortOrder: 'DESC' }, signal);
  return summarizeProbe(ascending, cap, latest ?? null);
}

/**
 * Under segments(ds), so marking or killing refreshes it. The queryFn hands TanStack its signal: a row that scrolls
 * away removes the query's last observer, and TanStack then aborts the fetch (it only does so for a consumed signal).
 */
export const unusedProbeQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.unusedProbe(dataSource),
    queryFn: ({ signal }) => fetchUnusedProbe(dataSource, signal),
    staleTime: 30_000,
  });
