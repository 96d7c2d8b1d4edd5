/**
 * How the full load cuts its used listing into parts (see used-listing.ts): pure, so the bench's floor cuts the same.
 */
import { ETERNITY, type Interval } from '../druid/interval.ts';

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
