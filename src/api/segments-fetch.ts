/**
 * The used-segments listing arrives as one JSON document that can reach tens of megabytes (80k segments ≈ 50 MB);
 * JSON.parse of that blocks the page for a second or more. So it is fetched as text through druidRequest and
 * parsed into compact records in a worker.
 */
import { druidRequest, type RequestOptions } from './client.ts';
import { readAll, readUsedSegment, type SegmentRecord } from './segments-records.ts';

const TIMEOUT_MS = 300_000;
/** Below this, parsing on the page is quicker than starting a worker. */
const WORKER_THRESHOLD_CHARS = 2_000_000;

export async function fetchListingText(path: string, query: RequestOptions['query'], signal?: AbortSignal) {
  const response = await druidRequest(path, { query, signal, timeoutMs: TIMEOUT_MS, responseType: 'text' });
  return typeof response.data === 'string' ? response.data : '';
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
