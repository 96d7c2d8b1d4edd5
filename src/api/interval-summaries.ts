/**
 * A datasource's used segments summarised per interval (`GET …/datasources/{ds}/intervals?simple`): one small entry
 * per distinct interval, whatever the number of segments. Druid answers it from the served inventory, so used but
 * not yet loaded (and overshadowed) segments are missing: it sizes windows and draws timelines, it never counts what
 * a change will touch (that is asked of the metadata store with the change's own predicate).
 */
import { queryOptions } from '@tanstack/react-query';
import { tryParseInterval } from '../druid/interval.ts';
import { druidRequest } from './client.ts';
import { unexpectedResponse } from './druid-api-error.ts';
import { druidKeys } from './query-keys.ts';

export interface IntervalSummary {
  start: number;
  end: number;
  count: number;
  size: number;
}

export interface IntervalSummaries {
  /** Oldest first (Druid sends newest first). */
  intervals: IntervalSummary[];
  count: number;
  size: number;
  /** Earliest start and latest end, or null without served segments. */
  range: { start: number; end: number } | null;
}

const servedPath = (dataSource: string) =>
  `/druid/coordinator/v1/datasources/${encodeURIComponent(dataSource)}/intervals`;

/** Reads the `{interval: {size, count}}` map; the reason as a string when it is not one. */
export function readIntervalSummaries(data: unknown): IntervalSummaries | string {
  // 204 (no served segment) arrives as null.
  if (data === null || data === '') return { intervals: [], count: 0, size: 0, range: null };
  if (typeof data !== 'object' || Array.isArray(data)) return 'expected an object of intervals';
  const intervals: IntervalSummary[] = [];
  let count = 0;
  let size = 0;
  for (const [text, value] of Object.entries(data as Record<string, unknown>)) {
    const parsed = tryParseInterval(text);
    if (!parsed.ok) return `interval "${text}": ${parsed.error}`;
    const entry = value as { count?: unknown; size?: unknown } | null;
    if (typeof entry?.count !== 'number' || typeof entry.size !== 'number') return `interval "${text}" has no count`;
    intervals.push({ ...parsed.interval, count: entry.count, size: entry.size });
    count += entry.count;
    size += entry.size;
  }
  intervals.sort((a, b) => a.start - b.start || a.end - b.end);
  let end = Number.NEGATIVE_INFINITY;
  for (const entry of intervals) if (entry.end > end) end = entry.end;
  const first = intervals[0];
  return { intervals, count, size, range: first ? { start: first.start, end } : null };
}

export async function fetchIntervalSummaries(dataSource: string, signal?: AbortSignal): Promise<IntervalSummaries> {
  const path = servedPath(dataSource);
  const response = await druidRequest(path, { query: { simple: true }, signal });
  const result = readIntervalSummaries(response.data);
  if (typeof result === 'string') throw unexpectedResponse('GET', path, result, response.status);
  return result;
}

export const intervalSummariesQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.intervalSummaries(dataSource),
    queryFn: ({ signal }) => fetchIntervalSummaries(dataSource, signal),
    staleTime: 30_000,
  });
