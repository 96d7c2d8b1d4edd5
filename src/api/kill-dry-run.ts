import { queryOptions } from '@tanstack/react-query';
import { MAX_INSTANT, MIN_INSTANT } from '../druid/instant.ts';
import { formatInterval, type Interval } from '../druid/interval.ts';
import type { DataSegment } from '../druid/segment.ts';
import { fetchAllUnused, fetchUsedOverlapping } from './kill.ts';
import { druidKeys } from './query-keys.ts';

const YEAR_MS = 366 * 86_400_000;

/** What Druid holds around a kill interval, as fetched; src/features/kill classifies it. */
export interface KillDryRunData {
  interval: Interval;
  /** Druid's own answer to "unused and fully inside": exactly what the kill task deletes. */
  unusedInside: DataSegment[];
  /** Used segments overlapping the interval (overshadowed included): never deleted. */
  usedOverlapping: DataSegment[];
  /** Unused segments fully inside `nearbyWindow`, to find the ones only partly inside the interval. */
  unusedNearby: DataSegment[];
  nearbyWindow: Interval;
  fetchedAt: number;
}

/**
 * Druid can only filter unused segments by containment, so the ones crossing the interval's edges are found inside
 * a window widened by the interval's length (at least a year) on both sides: only segments longer than that escape.
 */
export function nearbyWindow(interval: Interval): Interval {
  const pad = Math.max(interval.end - interval.start, YEAR_MS);
  return { start: Math.max(MIN_INSTANT, interval.start - pad), end: Math.min(MAX_INSTANT, interval.end + pad) };
}

export async function fetchKillDryRun(
  dataSource: string,
  interval: Interval,
  options: { signal?: AbortSignal; onProgress?: (fetched: number) => void } = {},
): Promise<KillDryRunData> {
  const window = nearbyWindow(interval);
  const [unusedInside, usedOverlapping] = await Promise.all([
    fetchAllUnused(dataSource, interval, { signal: options.signal, onPage: options.onProgress }),
    fetchUsedOverlapping(dataSource, interval, options.signal),
  ]);
  const unusedNearby = await fetchAllUnused(dataSource, window, { signal: options.signal });
  return { interval, unusedInside, usedOverlapping, unusedNearby, nearbyWindow: window, fetchedAt: Date.now() };
}

export const killDryRunQueryOptions = (
  dataSource: string,
  interval: Interval,
  onProgress?: (fetched: number) => void,
) =>
  queryOptions({
    queryKey: druidKeys.killDryRun(dataSource, formatInterval(interval)),
    queryFn: ({ signal }) => fetchKillDryRun(dataSource, interval, { signal, onProgress }),
    // A preview of a destructive action must be current: refetch whenever it is shown again.
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
