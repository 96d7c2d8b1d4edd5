/**
 * One time window of a big datasource's segments, as compact records. Used segments: POST
 * `metadata/datasources/{ds}/segments?full` with the window's parts (Druid: OVERLAP, overshadowed included, no order,
 * no limit), overshadowed status computed here with the same code as the full load's. Unused segments:
 * `unusedSegments?interval=` is CONTAINS, so the request is widened by the longest segment known and the pages are
 * filtered back to the segments that overlap the window.
 */
import { queryOptions } from '@tanstack/react-query';
import { formatInstant } from '../druid/instant.ts';
import { ETERNITY, formatInterval, type Interval, overlaps } from '../druid/interval.ts';
import { findOvershadowed, type TimelineEntry } from '../druid/overshadow.ts';
import { fetchSegmentListing } from './listing-fetch.ts';
import { usedIdsOverlapping } from './predicate-count.ts';
import { druidKeys } from './query-keys.ts';
import { dataSourceMetadataPath, fetchUnusedSegmentPage } from './segments.ts';
import type { SegmentRecord } from './segments-records.ts';

/** Unused segments per page: ~5k × 2 KB of real segment JSON stays far below 20 MB a response. */
export const WINDOW_UNUSED_PAGE = 5_000;

export interface WindowRequest {
  start: number;
  end: number;
  parts: readonly Interval[];
}

/** The window grown by `widenMs` on both sides, kept inside Druid's eternity. */
export function widenedInterval(window: Interval, widenMs: number): Interval {
  return {
    start: Math.max(ETERNITY.start, window.start - widenMs),
    end: Math.min(ETERNITY.end, window.end + widenMs),
  };
}

/** The records overlapping the window (a widened CONTAINS request also returns segments beside it). */
export function keepOverlapping<T extends Interval>(records: readonly T[], window: Interval): T[] {
  return records.filter((record) => overlaps(record, window));
}

/** Used segments overlapping the intervals, fetched and parsed in the listing worker (as the full load's parts). */
function postUsed(dataSource: string, intervals: readonly Interval[], signal?: AbortSignal) {
  const path = `${dataSourceMetadataPath(dataSource)}/segments`;
  return fetchSegmentListing('used', path, { full: true }, { signal, body: intervals.map(formatInterval) });
}

/**
 * Used segments overlapping the window, overshadowed ones flagged. A segment reaching past the window's edge may be
 * overshadowed by segments outside it, so when the listing reaches past an edge those stretches are asked for too.
 */
export async function fetchUsedInWindow(dataSource: string, window: WindowRequest, signal?: AbortSignal) {
  const byId = new Map<string, SegmentRecord>();
  // Parts in parallel: each is a bounded response, and the server answers them while the worker parses.
  const listed = await Promise.all(window.parts.map((part) => postUsed(dataSource, [part], signal)));
  for (const part of listed) for (const record of part) byId.set(record.id, record);
  let start = window.start;
  let end = window.end;
  for (const record of byId.values()) {
    if (record.start < start) start = record.start;
    if (record.end > end) end = record.end;
  }
  const beyond = [
    ...(start < window.start ? [{ start, end: window.start }] : []),
    ...(end > window.end ? [{ start: window.end, end }] : []),
  ];
  // A compacted segment reaching past an edge can be covered by segments far outside the window: only their IDs
  // (~100 bytes, which carry interval and version) are asked for, not their JSON.
  const timeline: TimelineEntry[] = [...byId.values()];
  if (beyond.length > 0)
    for (const entry of await usedIdsOverlapping(dataSource, beyond, signal))
      if (!byId.has(entry.id)) timeline.push(entry);
  const overshadowed = findOvershadowed(timeline);
  const records: SegmentRecord[] = [];
  for (const record of byId.values()) {
    if (!overlaps(record, window)) continue;
    records.push(overshadowed.has(record.id) ? { ...record, state: 'overshadowed' } : record);
  }
  return records;
}

/** 0000-01-01 and 10000-01-01: outside them instants have more or fewer digits and no longer sort as text. */
const YEAR_0 = Date.parse('0000-01-01T00:00:00Z');
const YEAR_10000 = 253_402_300_800_000;

/**
 * A keyset cursor just before every segment ID starting at or after `start`: IDs begin with `<ds>_<start>_`, and ISO
 * instants of four-digit years sort as they read, so the listing seeks to the window instead of walking every ID
 * before it. The cursor parses as a segment ID (Druid and the local cluster check `lastSegmentId`) of no real segment.
 */
export function cursorBefore(dataSource: string, start: number): string | null {
  if (start <= YEAR_0 || start >= YEAR_10000) return null;
  return `${dataSource}_${formatInstant(start - 1)}_${formatInstant(start)}_`;
}

export interface WindowOptions {
  signal?: AbortSignal;
  /** Unused rows after which the window ends early. */
  cap?: number;
  pageSize?: number;
}

export interface UnusedInWindow {
  records: SegmentRecord[];
  /** Where the window ends now: earlier than asked when its unused segments passed `cap` (see below). */
  end: number;
}

/**
 * Unused segments overlapping the window: the widened CONTAINS listing, paged by ID, filtered page by page. The
 * served summaries do not count unused segments, so a window can hold far more of them than it was sized for (old
 * data dropped by retention). Pages come in ID order, which is start order, so once `cap` rows are in, every unused
 * segment starting before the last one read is known: the window ends there instead, and the next one starts there.
 */
export async function fetchUnusedInWindow(
  dataSource: string,
  window: Interval,
  widenMs: number,
  { signal, cap = Number.POSITIVE_INFINITY, pageSize = WINDOW_UNUSED_PAGE }: WindowOptions = {},
): Promise<UnusedInWindow> {
  const interval = widenedInterval(window, widenMs);
  let records: SegmentRecord[] = [];
  let end = window.end;
  let after: string | null = cursorBefore(dataSource, interval.start);
  do {
    const page = await fetchUnusedSegmentPage(dataSource, after, { signal, interval, limit: pageSize });
    records.push(...keepOverlapping(page.records, window));
    after = page.nextAfter;
    const lastStart = page.records[page.records.length - 1]?.start ?? end;
    if (after !== null && records.length >= cap && lastStart > window.start && lastStart < end) {
      end = lastStart;
      records = records.filter((record) => record.start < end);
      break;
    }
  } while (after !== null);
  return { records, end };
}

export interface WindowRecords {
  records: SegmentRecord[];
  byId: Map<string, SegmentRecord>;
  /** The window's end as loaded (see fetchUnusedInWindow). */
  end: number;
}

export async function fetchSegmentWindow(
  dataSource: string,
  window: WindowRequest,
  widenMs: number,
  options: WindowOptions = {},
): Promise<WindowRecords> {
  const [used, unused] = await Promise.all([
    fetchUsedInWindow(dataSource, window, options.signal),
    fetchUnusedInWindow(dataSource, window, widenMs, options),
  ]);
  const { end } = unused;
  const byId = new Map<string, SegmentRecord>();
  // Unused first, so a segment caught in both listings mid-change shows as used (the later read).
  for (const record of unused.records) byId.set(record.id, record);
  for (const record of used) if (record.start < end) byId.set(record.id, record);
  return { records: [...byId.values()], byId, end };
}

export const segmentWindowQueryOptions = (dataSource: string, window: WindowRequest, widenMs: number, cap: number) =>
  queryOptions({
    // Under segments(ds): every change to the datasource refreshes the window.
    queryKey: [...druidKeys.segments(dataSource), 'window', window.start, window.end, widenMs, cap] as const,
    queryFn: ({ signal }) => fetchSegmentWindow(dataSource, window, widenMs, { signal, cap }),
    staleTime: 30_000,
    // Windows left behind are dropped after a minute: heap stays bounded however far the operator travels.
    gcTime: 60_000,
    refetchOnWindowFocus: false,
  });
