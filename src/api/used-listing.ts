/**
 * A datasource's used segments, all of them, in bounded parts: POST `metadata/datasources/{ds}/segments?full` with
 * consecutive intervals that together cover all time, cut at interval starts from the served summaries so each part
 * holds at most ~USED_PART_ROWS segments. Druid answers each part with the segments that OVERLAP it, overshadowed
 * and not-yet-loaded ones included, so no segment is missed even where no summary shows it. Overshadowed status is
 * computed here with src/druid (as windowed mode does); Druid's replication factor does not come with this listing.
 */
import { formatInterval, type Interval } from '../druid/interval.ts';
import { findOvershadowed } from '../druid/overshadow.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import type { SegmentRecord } from './segments-records.ts';
import { USED_PARTS_AT_ONCE } from './used-parts.ts';

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
