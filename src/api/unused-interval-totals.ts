/**
 * A big datasource's unused segments summarised per interval, the way `intervals?simple` summarises used ones: keyset
 * pages of `unusedSegments` are read one after another and reduced to totals, so memory grows with the number of
 * distinct intervals, never with the number of segments.
 */
import { fetchUnusedSegmentPage } from './segments.ts';
import type { SegmentRecord } from './segments-records.ts';

export const UNUSED_TOTALS_PAGE = 5_000;

export interface IntervalTotal {
  start: number;
  end: number;
  count: number;
  size: number;
}

export interface UnusedTotals {
  /** One entry per distinct interval, in no particular order. */
  intervals: IntervalTotal[];
  /** Unused segments summarised so far. */
  counted: number;
  /** The longest unused segment seen, in ms: how far a window's unused request must be widened. */
  longestMs: number;
  done: boolean;
}

/** Adds a page to the per-interval totals; returns the longest duration in it. */
export function addToTotals(totals: Map<string, IntervalTotal>, records: readonly SegmentRecord[]): number {
  let longest = 0;
  for (const record of records) {
    const key = `${record.start}/${record.end}`;
    const total = totals.get(key);
    if (total) {
      total.count++;
      total.size += record.size;
    } else totals.set(key, { start: record.start, end: record.end, count: 1, size: record.size });
    longest = Math.max(longest, record.end - record.start);
  }
  return longest;
}

/**
 * Pages to the end, calling `onProgress` after each page with a way to copy the totals so far (copying every page
 * would cost more than the paging); stops when `signal` aborts.
 */
export async function summarizeUnused(
  dataSource: string,
  onProgress: (counted: number, snapshot: () => UnusedTotals) => void,
  signal: AbortSignal,
  /** Resolves when the next page may be asked for: the summary gives way to what the operator waits for. */
  waitTurn: () => Promise<void> = () => Promise.resolve(),
): Promise<UnusedTotals> {
  const totals = new Map<string, IntervalTotal>();
  let counted = 0;
  let longestMs = 0;
  let after: string | null = null;
  let done = false;
  while (!done) {
    await waitTurn();
    const page = await fetchUnusedSegmentPage(dataSource, after, { signal, limit: UNUSED_TOTALS_PAGE });
    longestMs = Math.max(longestMs, addToTotals(totals, page.records));
    counted += page.records.length;
    after = page.nextAfter;
    done = after === null;
    const state = { counted, longestMs, done };
    onProgress(counted, () => ({ intervals: [...totals.values()].map((t) => ({ ...t })), ...state }));
  }
  return { intervals: [...totals.values()], counted, longestMs, done };
}
