/**
 * A datasource's used segments, all of them, in bounded parts: POST `metadata/datasources/{ds}/segments?full` with
 * consecutive intervals that together cover all time, cut at interval starts from the served summaries so each part
 * holds at most ~USED_PART_ROWS segments. Druid answers each part with the segments that OVERLAP it, overshadowed
 * and not-yet-loaded ones included, so no segment is missed even where no summary shows it. Overshadowed status is
 * computed here with src/druid (as windowed mode does); Druid's replication factor does not come with this listing.
 */
import { ETERNITY, formatInterval, type Interval } from '../druid/interval.ts';
import { findOvershadowed } from '../druid/overshadow.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import type { SegmentRecord } from './segments-records.ts';

/**
 * Segments per part. Generated segments average ~2.7 KB of JSON but reach ~6.5 KB where schemas are wide (a 5k part
 * answered 32 MB): 2k keeps a response under ~13 MB, within the 20 MB bound. The same bound as a window's parts.
 */
export const USED_PART_ROWS = 2_000;
/** Parts in flight at once: the server answers one while the worker parses another, without flooding either. */
export const USED_PARTS_AT_ONCE = 3;

export interface CountedStart {
  start: number;
  count: number;
}

/**
 * All time cut at interval starts into consecutive parts of at most ~`maxPerPart` summarised segments (an interval
 * bigger than that is a part of its own). The first part starts at the beginning of time, the last ends at its end.
 */
export function usedListingParts(summaries: readonly CountedStart[], maxPerPart = USED_PART_ROWS): Interval[] {
  const byStart = new Map<number, number>();
  for (const entry of summaries) byStart.set(entry.start, (byStart.get(entry.start) ?? 0) + entry.count);
  const starts = [...byStart].sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let count = 0;
  for (const [start, n] of starts) {
    if (count > 0 && count + n > maxPerPart && start > ETERNITY.start) {
      cuts.push(start);
      count = 0;
    }
    count += n;
  }
  const edges = [ETERNITY.start, ...cuts, ETERNITY.end];
  return edges.slice(1).map((end, i) => ({ start: edges[i] as number, end }));
}

/** Runs `task` over `items`, at most `limit` at a time; the first failure fails the whole run. */
async function eachLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/** Every used segment of the datasource, one record per ID, overshadowed ones flagged. */
export async function fetchUsedInParts(
  path: string,
  parts: readonly Interval[],
  signal?: AbortSignal,
): Promise<SegmentRecord[]> {
  // One failed part aborts the others: the listing is all or nothing.
  const controller = new AbortController();
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  const listed = await eachLimited(parts, USED_PARTS_AT_ONCE, (part) =>
    fetchSegmentListing('used', path, { full: true }, { signal: combined, body: [formatInterval(part)] }),
  ).catch((error: unknown) => {
    controller.abort();
    throw error;
  });
  // A segment crossing a cut overlaps both parts: keep one record per ID.
  const byId = new Map<string, SegmentRecord>();
  for (const part of listed) for (const record of part) byId.set(record.id, record);
  const records = [...byId.values()];
  const overshadowed = findOvershadowed(records);
  if (overshadowed.size === 0) return records;
  return records.map((record) => (overshadowed.has(record.id) ? { ...record, state: 'overshadowed' } : record));
}
