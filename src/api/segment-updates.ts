/**
 * Marking segments used or unused. Prefers the Overlord paths (`/druid/indexer/v1/datasources/…`, Druid 32+) and
 * falls back to the Coordinator's on 404 (older Druid). Every era's answer is normalised: `{numChangedSegments}`,
 * `{segmentStateChanged}`, both, or a 204 with no body at all.
 */
import type { QueryClient } from '@tanstack/react-query';
import { type DruidResponse, druidRequest } from './client.ts';
import { isDruidApiError } from './druid-api-error.ts';
import { druidKeys } from './query-keys.ts';

export interface SegmentUpdateResult {
  /** How many segments changed state; null when Druid did not say (204, or `segmentStateChanged` only). */
  changed: number | null;
}

/** Reads any era's answer. `segmentStateChanged` alone means one segment at most. */
export function readUpdateResponse(response: Pick<DruidResponse, 'data'>): SegmentUpdateResult {
  const data = response.data;
  if (typeof data === 'object' && data !== null) {
    const body = data as { numChangedSegments?: unknown; segmentStateChanged?: unknown };
    if (typeof body.numChangedSegments === 'number') return { changed: body.numChangedSegments };
    if (typeof body.segmentStateChanged === 'boolean') return { changed: body.segmentStateChanged ? 1 : 0 };
  }
  return { changed: null };
}

const OVERLORD = '/druid/indexer/v1/datasources';
const COORDINATOR = '/druid/coordinator/v1/datasources';
/** Set once the Overlord answers 404: an older Druid, so go straight to the Coordinator from then on. */
let overlordMissing = false;

/** For tests. */
export function resetOverlordDetection(): void {
  overlordMissing = false;
}

async function sendMark(
  dataSource: string,
  suffix: string,
  method: 'POST' | 'DELETE',
  body?: unknown,
  signal?: AbortSignal,
): Promise<SegmentUpdateResult> {
  const tail = `/${encodeURIComponent(dataSource)}${suffix}`;
  if (!overlordMissing) {
    try {
      return readUpdateResponse(await druidRequest(`${OVERLORD}${tail}`, { method, body, signal }));
    } catch (error) {
      if (!isDruidApiError(error) || error.status !== 404) throw error;
      overlordMissing = true;
    }
  }
  return readUpdateResponse(await druidRequest(`${COORDINATOR}${tail}`, { method, body, signal }));
}

/** One segment: POST marks it used, DELETE unused. */
export function markSegment(dataSource: string, segmentId: string, used: boolean): Promise<SegmentUpdateResult> {
  return sendMark(dataSource, `/segments/${encodeURIComponent(segmentId)}`, used ? 'POST' : 'DELETE');
}

/** Segments by ID (`markUsed` revives only those no newer version overshadows). */
export function markSegmentsByIds(
  dataSource: string,
  segmentIds: readonly string[],
  used: boolean,
  signal?: AbortSignal,
): Promise<SegmentUpdateResult> {
  return sendMark(dataSource, used ? '/markUsed' : '/markUnused', 'POST', { segmentIds }, signal);
}

/** Segments fully inside the interval (Druid's canonical text). */
export function markSegmentsByInterval(dataSource: string, interval: string, used: boolean) {
  return sendMark(dataSource, used ? '/markUsed' : '/markUnused', 'POST', { interval });
}

/**
 * Segments fully inside the interval, of the given versions only when `versions` is set: one request whatever their
 * number (markUsed revives only those no newer version overshadows).
 */
export function markSegmentsByPredicate(
  dataSource: string,
  predicate: { interval: string; versions: readonly string[] | null },
  used: boolean,
  signal?: AbortSignal,
): Promise<SegmentUpdateResult> {
  const body = predicate.versions === null ? { interval: predicate.interval } : { ...predicate };
  return sendMark(dataSource, used ? '/markUsed' : '/markUnused', 'POST', body, signal);
}

/** All segments: POST marks every non-overshadowed one used, DELETE marks all unused. */
export function markAllSegments(dataSource: string, used: boolean): Promise<SegmentUpdateResult> {
  return sendMark(dataSource, '', used ? 'POST' : 'DELETE');
}

/** After any change: the datasource's segment listings and every datasource total. */
export async function invalidateSegmentQueries(client: QueryClient, dataSource: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: druidKeys.segments(dataSource) }),
    client.invalidateQueries({ queryKey: druidKeys.datasources() }),
  ]);
}
