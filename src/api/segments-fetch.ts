/**
 * The used-segments listing arrives as one JSON document that can reach tens of megabytes (80k segments ≈ 50 MB);
 * JSON.parse of that blocks the page for a second or more. So it is fetched as text, with the same headers,
 * timeout and error model as druidRequest, and parsed into compact records in a worker.
 * (druidRequest always parses; a `responseType: 'text'` option there would let this file shrink to the worker call.)
 */
import { describeErrorBody } from '../druid/error-body.ts';
import { buildUrl, type RequestOptions } from './client.ts';
import { authorizationHeader, getCredentials } from './credentials.ts';
import { DruidApiError } from './druid-api-error.ts';
import { readAll, readUsedSegment, type SegmentRecord } from './segments-records.ts';

const TIMEOUT_MS = 300_000;
/** Below this, parsing on the page is quicker than starting a worker. */
const WORKER_THRESHOLD_CHARS = 2_000_000;

export async function fetchListingText(path: string, query: RequestOptions['query'], signal?: AbortSignal) {
  const headers: Record<string, string> = { Accept: 'application/json, text/plain' };
  const auth = authorizationHeader(getCredentials());
  if (auth) headers.Authorization = auth;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const fail = (kind: DruidApiError['kind'], status: number, message: string) =>
    new DruidApiError({ kind, status, method: 'GET', path, message });
  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      headers,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (signal?.aborted) throw fail('aborted', 0, 'The request was cancelled.');
    if (timeout.aborted) throw fail('timeout', 0, `Druid did not answer within ${TIMEOUT_MS / 1000} s.`);
    throw fail('network', 0, `Could not reach the console server (${error instanceof Error ? error.message : error}).`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch {
    throw fail('network', response.status, 'The connection dropped while Druid was answering.');
  }
  if (!response.ok) {
    const contentType = response.headers.get('content-type');
    throw fail('http', response.status, describeErrorBody(text, contentType, response.status, response.statusText));
  }
  return text;
}

export type ParseReply = { ok: true; records: SegmentRecord[] } | { ok: false; error: string };

/** Parses a used-segments listing (SegmentStatusInCluster[]) into records; off the page when it is big. */
export async function parseUsedListing(text: string, signal?: AbortSignal): Promise<SegmentRecord[]> {
  if (text.trim() === '') return [];
  if (typeof Worker === 'undefined' || text.length < WORKER_THRESHOLD_CHARS) {
    const items: unknown = JSON.parse(text);
    if (!Array.isArray(items)) throw new Error('expected a list of segments');
    return readAll(items, readUsedSegment, signal);
  }
  const worker = new Worker(new URL('./segments-parse-worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<ParseReply>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ParseReply>) => resolve(event.data);
      worker.onerror = (event) => reject(new Error(event.message || 'the parsing worker failed'));
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      worker.postMessage(text);
    });
    if (!reply.ok) throw new Error(reply.error);
    return reply.records;
  } finally {
    worker.terminate();
  }
}
