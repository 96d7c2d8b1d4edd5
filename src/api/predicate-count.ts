/**
 * Exact counts of what a `{interval, versions}` mark will change, asked of the metadata store (not the served
 * inventory, which misses overshadowed and unloaded segments), in parts so no response grows with the datasource:
 * - markUnused: used segments fully inside. POST `segments` (no `full`: IDs only, ~100 bytes each) per part of the
 *   interval, each ID parsed for its interval and version, then dropped.
 * - markUsed: unused segments fully inside (`unusedSegments?interval=` is CONTAINS, exactly Druid's markUsed
 *   candidates), less those the used segments and the other candidates of their page overshadow.
 */
import { contains, formatInterval, type Interval } from '../druid/interval.ts';
import { findOvershadowed, type TimelineEntry } from '../druid/overshadow.ts';
import { parseSegmentId } from '../druid/segment-id.ts';
import { druidRequest } from './client.ts';
import { unexpectedResponse } from './druid-api-error.ts';
import { dataSourceMetadataPath, fetchUnusedSegmentPage } from './segments.ts';

export const COUNT_UNUSED_PAGE = 5_000;

export interface PredicateCount {
  /** Segments the mark will change. */
  willChange: number;
  /** markUsed only: unused segments inside that stay unused because a newer version overshadows them. */
  overshadowed: number;
}

export interface CountOptions {
  signal?: AbortSignal;
  /** Segments looked at so far. */
  onProgress?: (looked: number) => void;
  /** Each segment the mark will change, as it is counted (size null: listed by ID only). */
  onSegment?: (segment: ChangingSegment) => void;
}

export interface ChangingSegment {
  id: string;
  start: number;
  end: number;
  version: string;
  size: number | null;
}

/** Used segment IDs overlapping the intervals, each read as a timeline entry. */
export async function usedIdsOverlapping(dataSource: string, intervals: readonly Interval[], signal?: AbortSignal) {
  const path = `${dataSourceMetadataPath(dataSource)}/segments`;
  const { data } = await druidRequest(path, { method: 'POST', body: intervals.map(formatInterval), signal });
  const ids = data === null ? [] : data;
  const entries: TimelineEntry[] = [];
  const invalid = (reason: string) => unexpectedResponse('POST', path, reason);
  if (!Array.isArray(ids)) throw invalid('expected a list of segment IDs');
  for (const id of ids) {
    const parts = typeof id === 'string' ? parseSegmentId(id, dataSource) : null;
    if (parts === null) throw invalid(`${JSON.stringify(id)} is not a segment ID of ${dataSource}`);
    entries.push({ id, start: parts.start, end: parts.end, version: parts.version });
  }
  return entries;
}

/**
 * Used segments fully inside `interval` (of `versions`, if given). `parts` cover the interval, one request each; a
 * segment is counted in the part where it starts, so one listed by two parts counts once.
 */
export async function countMarkUnused(
  dataSource: string,
  interval: Interval,
  versions: readonly string[] | null,
  parts: readonly Interval[],
  options: CountOptions = {},
): Promise<PredicateCount> {
  const wanted = versions === null ? null : new Set(versions);
  let willChange = 0;
  let looked = 0;
  for (const part of parts) {
    const entries = await usedIdsOverlapping(dataSource, [part], options.signal);
    for (const entry of entries) {
      if (entry.start < part.start || entry.start >= part.end) continue;
      looked++;
      if (contains(interval, entry) && (wanted === null || wanted.has(entry.version))) {
        willChange++;
        options.onSegment?.({ ...entry, size: null });
      }
    }
    options.onProgress?.(looked);
  }
  return { willChange, overshadowed: 0 };
}

/** Unused segments fully inside `interval` (of `versions`) that Druid's markUsed would revive. */
export async function countMarkUsed(
  dataSource: string,
  interval: Interval,
  versions: readonly string[] | null,
  options: CountOptions = {},
): Promise<PredicateCount> {
  const wanted = versions === null ? null : new Set(versions);
  let willChange = 0;
  let overshadowed = 0;
  let looked = 0;
  let after: string | null = null;
  do {
    const page = await fetchUnusedSegmentPage(dataSource, after, {
      signal: options.signal,
      interval,
      limit: COUNT_UNUSED_PAGE,
    });
    after = page.nextAfter;
    looked += page.records.length;
    const candidates = page.records.filter((record) => wanted === null || wanted.has(record.version));
    if (candidates.length > 0) {
      let start = Number.POSITIVE_INFINITY;
      let end = Number.NEGATIVE_INFINITY;
      for (const record of candidates) {
        start = Math.min(start, record.start);
        end = Math.max(end, record.end);
      }
      const used = await usedIdsOverlapping(dataSource, [{ start, end }], options.signal);
      const covered = findOvershadowed([...used, ...candidates]);
      const stay = candidates.reduce((n, record) => n + (covered.has(record.id) ? 1 : 0), 0);
      if (options.onSegment) for (const record of candidates) if (!covered.has(record.id)) options.onSegment(record);
      overshadowed += stay;
      willChange += candidates.length - stay;
    }
    options.onProgress?.(looked);
  } while (after !== null);
  return { willChange, overshadowed };
}
