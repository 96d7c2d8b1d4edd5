/**
 * Windowed mode: which datasources are too big to load whole, and the time windows the table shows instead, sized
 * from per-interval counts (the served `intervals?simple` plus the unused totals summarised so far) so one holds at
 * most ~WINDOW_ROWS segments. Windows cut only where a new interval starts, so no summary entry is split.
 */
import { ETERNITY, type Interval } from '../../druid/interval.ts';

/**
 * Above this many served segments the view is windowed. At 200k generated segments (80k used) the full load takes
 * ~2.2 s and 55 MB of heap, at 1M it takes 40 s, 253 MB and one 258 MB response: 100k keeps today's behaviour for
 * every datasource the 200k bench and the demo hold, and bounds the full load to a few seconds.
 */
export const FULL_LOAD_MAX_SERVED = 100_000;
/**
 * A full load stops paging unused segments past this many rows and the view turns windowed: the 200k bench
 * datasource (80k served, 120k unused) loads whole in ~2.2 s, 55 MB; unused segments are not in the served summaries.
 */
export const FULL_LOAD_MAX_ROWS = 250_000;
/** Rows one window aims at: a few MB of records and a sort of ~10 ms. */
export const WINDOW_ROWS = 10_000;
/**
 * Used segments per request of a window: bounds each response. Generated segments average ~2.7 KB of JSON but reach
 * ~6.5 KB where schemas are wide (measured: a 5k part answered 32 MB); 2k keeps a part under ~13 MB.
 */
export const WINDOW_PART_ROWS = 2_000;

export interface CountedInterval {
  start: number;
  end: number;
  count: number;
}

export interface SegmentWindow {
  start: number;
  end: number;
  /** Segments the summaries place in it (those starting inside it). */
  estimate: number;
  /** The window split into consecutive parts of at most ~WINDOW_PART_ROWS, one request each. */
  parts: Interval[];
  /** Whether windows exist before and after it. */
  hasPrevious: boolean;
  hasNext: boolean;
}

interface Group {
  start: number;
  count: number;
}

/** Counts per distinct start, oldest first (entries may come in any order and repeat a start). */
export function groupByStart(entries: readonly CountedInterval[]): Group[] {
  const byStart = new Map<number, number>();
  for (const entry of entries) byStart.set(entry.start, (byStart.get(entry.start) ?? 0) + entry.count);
  return [...byStart].map(([start, count]) => ({ start, count })).sort((a, b) => a.start - b.start);
}

/** Index of the first group starting at or after `at`. */
function firstFrom(groups: readonly Group[], at: number): number {
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((groups[mid] as Group).start < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The window starting at the group `from` points at, taking whole groups while they fit `budget` (at least one, so an
 * interval bigger than the budget is a window of its own). The first window reaches back to the beginning of time and
 * the last to its end, so segments the summaries miss (overshadowed, not loaded) still fall in some window.
 */
function windowOfGroups(
  groups: readonly Group[],
  first: number,
  budget: number,
  partRows: number,
  stop = groups.length,
  bounds: { start?: number; end?: number } = {},
): SegmentWindow {
  let index = first;
  let estimate = 0;
  let partCount = 0;
  const cuts: number[] = [];
  while (index < stop) {
    const group = groups[index] as Group;
    if (index > first && estimate + group.count > budget) break;
    if (index > first && partCount + group.count > partRows) {
      cuts.push(group.start);
      partCount = 0;
    }
    estimate += group.count;
    partCount += group.count;
    index++;
  }
  const start = bounds.start ?? (first <= 0 ? ETERNITY.start : (groups[first] as Group).start);
  const end = bounds.end ?? (index >= groups.length ? ETERNITY.end : (groups[index] as Group).start);
  const edges = [start, ...cuts, end];
  const parts = edges.slice(1).map((partEnd, i) => ({ start: edges[i] as number, end: partEnd }));
  return { start, end, estimate, parts, hasPrevious: start > ETERNITY.start, hasNext: end < ETERNITY.end };
}

/**
 * The window that begins exactly at `from` (a previous window's end, which unused segments may have put inside an
 * interval), or the first one.
 */
export function windowFrom(groups: readonly Group[], from: number, budget = WINDOW_ROWS, partRows = WINDOW_PART_ROWS) {
  return windowOfGroups(groups, firstFrom(groups, from), budget, partRows, groups.length, {
    start: Math.max(from, ETERNITY.start),
  });
}

/** The window holding the instant `at`: it starts at the group that starts at or before `at`. */
export function windowAt(groups: readonly Group[], at: number, budget = WINDOW_ROWS, partRows = WINDOW_PART_ROWS) {
  const next = firstFrom(groups, at);
  const index = next < groups.length && (groups[next] as Group).start === at ? next : next - 1;
  return windowOfGroups(groups, Math.max(0, Math.min(index, groups.length - 1)), budget, partRows);
}

/** The window that ends where `window` starts: groups taken backwards from there while they fit `budget`. */
export function windowBefore(
  groups: readonly Group[],
  window: Pick<SegmentWindow, 'start'>,
  budget = WINDOW_ROWS,
  partRows = WINDOW_PART_ROWS,
): SegmentWindow {
  const end = firstFrom(groups, window.start);
  let first = end - 1;
  let estimate = (groups[first] as Group | undefined)?.count ?? 0;
  while (first > 0 && estimate + (groups[first - 1] as Group).count <= budget) {
    first--;
    estimate += (groups[first] as Group).count;
  }
  // Never reach into the current window, whatever the counts: it ends where that one starts.
  return windowOfGroups(groups, Math.max(0, first), budget, partRows, end, { end: window.start });
}

/** Segment IDs per request when counting what a mark changes (~100 bytes an ID: a few MB a response). */
export const COUNT_PART_ROWS = 50_000;

/** `interval` cut at group starts into consecutive parts holding at most ~`maxPerPart` segments each. */
export function splitByCount(groups: readonly Group[], interval: Interval, maxPerPart = COUNT_PART_ROWS): Interval[] {
  const cuts: number[] = [];
  let count = 0;
  for (let i = firstFrom(groups, interval.start); i < groups.length; i++) {
    const group = groups[i] as Group;
    if (group.start >= interval.end) break;
    if (count > 0 && count + group.count > maxPerPart && group.start > interval.start) {
      cuts.push(group.start);
      count = 0;
    }
    count += group.count;
  }
  const bounds = [interval.start, ...cuts, interval.end];
  return bounds.slice(1).map((end, i) => ({ start: bounds[i] as number, end }));
}
