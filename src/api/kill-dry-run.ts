/**
 * What a kill keeps although it lies in the interval, without downloading the datasource: used segments from the
 * interval summaries (`intervals?simple`, one entry per distinct interval), unused segments crossing an edge from a
 * bounded window around each edge. What it deletes is counted by kill-count.ts.
 */
import { queryOptions } from '@tanstack/react-query';
import { isEternityBound, MAX_INSTANT, MIN_INSTANT } from '../druid/instant.ts';
import { contains, formatInterval, type Interval, intervalToPath, overlaps } from '../druid/interval.ts';
import { isDruidApiError } from './druid-api-error.ts';
import { type IntervalSummaries, intervalSummariesQueryOptions } from './interval-summaries.ts';
import type { KillRow } from './kill-count.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import { druidKeys } from './query-keys.ts';

const DAY_MS = 86_400_000;
/** Unused segments read around one edge at most (one page, under 15 MB of real segment JSON). */
export const EDGE_LIMIT = 5000;

export interface UsedInInterval {
  /** Served used segments overlapping the interval: exact for Druid's served inventory. */
  count: number;
  size: number;
  /** Distinct segment intervals they cover. */
  intervals: number;
}

/** Sums the summaries whose interval overlaps: each entry is one distinct segment interval, so this is exact. */
export function usedInInterval(summaries: IntervalSummaries, interval: Interval): UsedInInterval {
  const result = { count: 0, size: 0, intervals: 0 };
  for (const entry of summaries.intervals) {
    if (!overlaps(interval, entry)) continue;
    result.count += entry.count;
    result.size += entry.size;
    result.intervals++;
  }
  return result;
}

/**
 * How far around an edge unused segments crossing it are looked for: the longest served segment (unused segments
 * are mostly older versions or dropped data of the same granularity), at least a day.
 */
export function edgePad(summaries: IntervalSummaries | null): number {
  let longest = DAY_MS;
  for (const entry of summaries?.intervals ?? [])
    if (!isEternityBound(entry.start) && !isEternityBound(entry.end))
      longest = Math.max(longest, entry.end - entry.start);
  return longest;
}

export interface EdgeWindow {
  edge: number;
  window: Interval;
  /** False when the window held more than EDGE_LIMIT unused segments: then some crossing ones may be missed. */
  complete: boolean;
}

export interface PartlyInside {
  /** Unused segments overlapping the interval without lying fully inside it, chronologically. */
  rows: KillRow[];
  windows: EdgeWindow[];
  padMs: number;
}

/** The edges an unused segment can cross: an interval starting at the beginning of time has no start edge. */
function edgesOf(interval: Interval): number[] {
  return [interval.start, interval.end].filter((edge) => edge > MIN_INSTANT && edge < MAX_INSTANT);
}

export async function fetchPartlyInside(
  dataSource: string,
  interval: Interval,
  padMs: number,
  signal?: AbortSignal,
): Promise<PartlyInside> {
  const path = `/druid/coordinator/v1/metadata/datasources/${encodeURIComponent(dataSource)}/unusedSegments`;
  const edges = edgesOf(interval);
  const found = new Map<string, KillRow>();
  const windows = await Promise.all(
    edges.map(async (edge): Promise<EdgeWindow> => {
      const window = { start: Math.max(MIN_INSTANT, edge - padMs), end: Math.min(MAX_INSTANT, edge + padMs) };
      const records = await fetchSegmentListing(
        'unused',
        path,
        { interval: intervalToPath(window), limit: EDGE_LIMIT, sortOrder: 'ASC' },
        { signal },
      );
      for (const { id, start, end, version, partition, size } of records)
        if (overlaps(interval, { start, end }) && !contains(interval, { start, end }))
          found.set(id, { id, start, end, version, partition, size });
      return { edge, window, complete: records.length < EDGE_LIMIT };
    }),
  );
  const rows = [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1));
  return { rows, windows, padMs };
}

export interface KeptSegments {
  /** Null when Druid serves no summary for the datasource. */
  used: UsedInInterval | null;
  partlyInside: PartlyInside;
}

async function summariesOrNull(load: () => Promise<IntervalSummaries>): Promise<IntervalSummaries | null> {
  try {
    return await load();
  } catch (error) {
    // Some Druid versions answer 404 for a datasource without served segments.
    if (isDruidApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export const keptSegmentsQueryOptions = (dataSource: string, interval: Interval) =>
  queryOptions({
    queryKey: druidKeys.killDryRun(dataSource, formatInterval(interval)),
    queryFn: async ({ signal, client }): Promise<KeptSegments> => {
      const summaries = await summariesOrNull(() => client.fetchQuery(intervalSummariesQueryOptions(dataSource)));
      const partlyInside = await fetchPartlyInside(dataSource, interval, edgePad(summaries), signal);
      return { used: summaries ? usedInInterval(summaries, interval) : null, partlyInside };
    },
    // A preview of a destructive action must be current: refetch whenever it is shown again.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
