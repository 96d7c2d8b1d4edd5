/**
 * What the listing worker does, without the worker: fetches a segment listing and parses it into compact records. After
 * a full page of unused segments it requests the next page at once, and so on to the end: each request leaves as soon
 * as the previous page is parsed, not after the view has rendered that page and asked again. The view's requests are
 * then answered from the pages read ahead.
 */
import { readUnusedSegment, readUsedSegment, type SegmentRecord, StringPool } from './segments-records.ts';

export type ListingKind = 'used' | 'unused';

export interface ListingJob {
  kind: ListingKind;
  /** Same-origin path with its query, as the page built it. */
  url: string;
  headers: Record<string, string>;
  /** POST with a JSON body (used segments by intervals); GET without. */
  body?: string;
  /** Unused pages: this request's limit, and the limit to read the next page with when this one comes back full. */
  readAhead?: { limit: number; nextLimit: number };
}

export type ListingFailure =
  | { kind: 'http'; status: number; statusText: string; contentType: string | null; text: string }
  | { kind: 'network'; message: string }
  | { kind: 'dropped'; status: number }
  | { kind: 'invalid'; message: string }
  | { kind: 'aborted' };

export type ListingOutcome = { ok: true; records: SegmentRecord[] } | { ok: false; failure: ListingFailure };

/** Read-aheads nobody takes are dropped after this long, so they never serve an old page or hold memory. */
const READ_AHEAD_TTL_MS = 10_000;

/** Parses a listing: an empty body (Druid's 204) is no segments; anything but a list of readable segments throws. */
export function parseListing(text: string, kind: ListingKind): SegmentRecord[] {
  if (text.trim() === '') return [];
  const items: unknown = JSON.parse(text);
  if (!Array.isArray(items)) throw new Error('expected a list of segments');
  const read = kind === 'used' ? readUsedSegment : readUnusedSegment;
  const versions = new StringPool();
  const records: SegmentRecord[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const record = read(items[i], versions);
    if (typeof record === 'string') throw new Error(`Unexpected segment at position ${i}: ${record}.`);
    records[i] = record;
  }
  return records;
}

/** The same request whatever order its query parameters were written in. */
function jobKey(job: ListingJob, origin: string): string {
  const url = new URL(job.url, origin);
  url.searchParams.sort();
  return `${job.kind} ${url.pathname}?${url.searchParams} ${JSON.stringify(job.headers)} ${job.body ?? ''}`;
}

/** The request for the page after `job`'s, when `job` read ahead and its page came back full. */
function followingJob(job: ListingJob, outcome: ListingOutcome, origin: string): ListingJob | null {
  if (!job.readAhead || !outcome.ok || outcome.records.length < job.readAhead.limit) return null;
  const last = outcome.records[outcome.records.length - 1];
  if (!last) return null;
  const url = new URL(job.url, origin);
  url.searchParams.set('lastSegmentId', last.id);
  url.searchParams.set('limit', String(job.readAhead.nextLimit));
  return {
    ...job,
    url: `${url.pathname}${url.search}`,
    readAhead: { ...job.readAhead, limit: job.readAhead.nextLimit },
  };
}

interface ReadAhead {
  key: string;
  controller: AbortController;
  outcome: Promise<ListingOutcome>;
}

export class ListingLoader {
  /** Pages read ahead, in order; the page takes them from the front. */
  private queue: ReadAhead[] = [];
  private expiry: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly fetcher: typeof fetch,
    private readonly origin: string,
    private readonly readAheadTtlMs = READ_AHEAD_TTL_MS,
  ) {}

  /** Loads one listing; aborting `controller` cancels it. */
  async load(job: ListingJob, controller: AbortController): Promise<ListingOutcome> {
    const head = this.queue[0];
    if (head && head.key === jobKey(job, this.origin)) {
      this.queue.shift();
      this.keepAlive();
      controller.signal.addEventListener('abort', () => head.controller.abort(), { once: true });
      return head.outcome;
    }
    // One chain is read ahead at a time (the segments view's); only its caller asks for read-ahead.
    this.dropReadAheads();
    const outcome = await this.fetchAndParse(job, controller.signal);
    this.readOn(job, outcome);
    return outcome;
  }

  /** Requests the page after a full one at once, and so on to the last page, without waiting to be asked. */
  private readOn(job: ListingJob, outcome: ListingOutcome): void {
    const next = followingJob(job, outcome, this.origin);
    if (!next) return;
    const controller = new AbortController();
    const read = this.fetchAndParse(next, controller.signal).then((nextOutcome) => {
      if (!controller.signal.aborted) this.readOn(next, nextOutcome);
      return nextOutcome;
    });
    this.queue.push({ key: jobKey(next, this.origin), controller, outcome: read });
    this.keepAlive();
  }

  /** Read-aheads nobody asks for (the view was left) are dropped after a while. */
  private keepAlive(): void {
    clearTimeout(this.expiry);
    if (this.queue.length > 0) this.expiry = setTimeout(() => this.dropReadAheads(), this.readAheadTtlMs);
  }

  private dropReadAheads(): void {
    for (const ahead of this.queue) ahead.controller.abort();
    this.queue = [];
    clearTimeout(this.expiry);
  }

  private async fetchAndParse(job: ListingJob, signal: AbortSignal): Promise<ListingOutcome> {
    const failed = (failure: ListingFailure): ListingOutcome => ({
      ok: false,
      failure: signal.aborted ? { kind: 'aborted' } : failure,
    });
    let response: Response;
    try {
      const method = job.body === undefined ? 'GET' : 'POST';
      response = await this.fetcher(job.url, {
        method,
        headers: job.headers,
        body: job.body,
        signal,
        credentials: 'same-origin',
      });
    } catch (error) {
      return failed({ kind: 'network', message: error instanceof Error ? error.message : 'network error' });
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      return failed({ kind: 'dropped', status: response.status });
    }
    if (!response.ok) {
      const { status, statusText } = response;
      return failed({ kind: 'http', status, statusText, contentType: response.headers.get('content-type'), text });
    }
    try {
      return { ok: true, records: parseListing(text, job.kind) };
    } catch (error) {
      return failed({ kind: 'invalid', message: error instanceof Error ? error.message : String(error) });
    }
  }
}
