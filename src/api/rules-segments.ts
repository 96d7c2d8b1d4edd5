/**
 * The segments retention rules act on: a datasource's used, non-overshadowed segments (the Coordinator's RunRules
 * duty skips overshadowed ones), as typed columns for src/druid/effective-retention.ts. Parsed by hand rather than
 * with zod: 200k segments must not take seconds to read.
 */
import { queryOptions } from '@tanstack/react-query';
import { tryParseInterval } from '../druid/interval.ts';
import { druidRequest } from './client.ts';
import { DruidApiError } from './druid-api-error.ts';
import { druidKeys } from './query-keys.ts';

export interface RetentionSegments {
  start: Float64Array;
  end: Float64Array;
  size: Float64Array;
  count: number;
  bytes: number;
  /** Earliest start and latest end, or null without segments. */
  range: { start: number; end: number } | null;
  /** Used but overshadowed segments, left out of the columns. */
  overshadowedCount: number;
}

export const RETENTION_SEGMENTS_PATH = '/druid/coordinator/v1/metadata/segments';

/** Turns the `includeOvershadowedStatus` listing into columns; null with the reason when an item is malformed. */
export function toRetentionSegments(data: unknown, dataSource: string): RetentionSegments | string {
  if (!Array.isArray(data)) return 'expected a JSON array of segments';
  const start = new Float64Array(data.length);
  const end = new Float64Array(data.length);
  const size = new Float64Array(data.length);
  let count = 0;
  let bytes = 0;
  let overshadowedCount = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const [index, item] of data.entries()) {
    if (typeof item !== 'object' || item === null) return `segment ${index + 1} is not an object`;
    const segment = item as { dataSource?: unknown; interval?: unknown; size?: unknown; overshadowed?: unknown };
    // Old Druid ignores `datasources`; filter here too.
    if (segment.dataSource !== undefined && segment.dataSource !== dataSource) continue;
    if (segment.overshadowed === true) {
      overshadowedCount++;
      continue;
    }
    if (typeof segment.interval !== 'string') return `segment ${index + 1} has no interval`;
    const parsed = tryParseInterval(segment.interval);
    if (!parsed.ok) return `segment ${index + 1}: ${parsed.error}`;
    const bytesOf = typeof segment.size === 'number' && segment.size > 0 ? segment.size : 0;
    start[count] = parsed.interval.start;
    end[count] = parsed.interval.end;
    size[count] = bytesOf;
    bytes += bytesOf;
    if (parsed.interval.start < min) min = parsed.interval.start;
    if (parsed.interval.end > max) max = parsed.interval.end;
    count++;
  }
  return {
    start: start.subarray(0, count),
    end: end.subarray(0, count),
    size: size.subarray(0, count),
    count,
    bytes,
    range: count > 0 ? { start: min, end: max } : null,
    overshadowedCount,
  };
}

export async function fetchRetentionSegments(dataSource: string, signal?: AbortSignal): Promise<RetentionSegments> {
  const response = await druidRequest(RETENTION_SEGMENTS_PATH, {
    query: { includeOvershadowedStatus: true, datasources: dataSource },
    signal,
  });
  const result = toRetentionSegments(response.data, dataSource);
  if (typeof result === 'string')
    throw new DruidApiError({
      kind: 'invalid-response',
      status: response.status,
      method: 'GET',
      path: RETENTION_SEGMENTS_PATH,
      message: `Unexpected response from ${RETENTION_SEGMENTS_PATH}: ${result}.`,
    });
  return result;
}

export const retentionSegmentsQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.retentionSegments(dataSource),
    queryFn: ({ signal }) => fetchRetentionSegments(dataSource, signal),
    staleTime: 30_000,
  });
