/**
 * Segment listings through the listing worker: used segments come in parts of a few thousand (several MB each of
 * real segment JSON) and unused ones in pages of 10k, and decoding and parsing them on the page would block it.
 * Failures become the same DruidApiErrors druidRequest raises.
 */

import { describeErrorBody } from '../druid/error-body.ts';
import {
  answerFailure,
  buildUrl,
  droppedFailure,
  type RequestOptions,
  requestHeaders,
  transportFailure,
  withCurrentCredentials,
} from './client.ts';
import { clientTarget } from './client-target.ts';
import { DruidApiError, unexpectedResponse } from './druid-api-error.ts';
import { type ListingJob, type ListingKind, ListingLoader, type ListingOutcome } from './listing-loader.ts';
import type { ListingMessage, ListingReply } from './listing-worker.ts';
import type { SegmentRecord } from './segments-records.ts';

const TIMEOUT_MS = 300_000;

export interface ListingOptions {
  signal?: AbortSignal;
  readAhead?: ListingJob['readAhead'];
  /** Sent as JSON in a POST (used segments by intervals); without it the listing is a GET. */
  body?: unknown;
}

// One worker per kind, so parsing the big used listing never holds up the chain of unused pages.
const workers = new Map<ListingKind, Worker>();
let nextId = 1;
const pending = new Map<number, { kind: ListingKind; settle: (outcome: ListingOutcome) => void }>();

function listingWorker(kind: ListingKind): Worker {
  const running = workers.get(kind);
  if (running) return running;
  const started = new Worker(new URL('./listing-worker.ts', import.meta.url), { type: 'module' });
  started.onmessage = (event: MessageEvent<ListingReply>) => {
    const { id, ...outcome } = event.data;
    pending.get(id)?.settle(outcome);
    pending.delete(id);
  };
  // A worker that fails to start fails everything waiting on it; the next listing starts a new one.
  started.onerror = (event) => {
    const failure = { kind: 'network', message: event.message || 'the listing worker failed' } as const;
    for (const [id, waiting] of pending) {
      if (waiting.kind !== kind) continue;
      waiting.settle({ ok: false, failure });
      pending.delete(id);
    }
    started.terminate();
    if (workers.get(kind) === started) workers.delete(kind);
  };
  workers.set(kind, started);
  return started;
}

function loadInWorker(job: ListingJob, signal: AbortSignal): Promise<ListingOutcome> {
  const target = listingWorker(job.kind);
  const id = nextId++;
  return new Promise((resolve) => {
    const onAbort = () => {
      target.postMessage({ type: 'abort', id } satisfies ListingMessage);
      pending.delete(id);
      resolve({ ok: false, failure: { kind: 'aborted' } });
    };
    const settle = (outcome: ListingOutcome) => {
      signal.removeEventListener('abort', onAbort);
      resolve(outcome);
    };
    pending.set(id, { kind: job.kind, settle });
    signal.addEventListener('abort', onAbort, { once: true });
    target.postMessage({ type: 'load', id, job } satisfies ListingMessage);
  });
}

// Without Worker (unit tests) the page runs the worker's own loader: the same requests, parsing and failures.
let pageLoader: ListingLoader | null = null;

function loadOnPage(job: ListingJob, signal: AbortSignal): Promise<ListingOutcome> {
  const origin = globalThis.location?.origin ?? 'http://localhost';
  pageLoader ??= new ListingLoader((input, init) => fetch(input, init), origin);
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  return pageLoader.load(job, controller);
}

/** A segment listing as compact records. */
export function fetchSegmentListing(
  kind: ListingKind,
  path: string,
  query: RequestOptions['query'],
  options: ListingOptions = {},
): Promise<SegmentRecord[]> {
  return withCurrentCredentials(() => fetchListingOnce(kind, path, query, options));
}

async function fetchListingOnce(
  kind: ListingKind,
  path: string,
  query: RequestOptions['query'],
  options: ListingOptions = {},
): Promise<SegmentRecord[]> {
  const method = options.body === undefined ? 'GET' : 'POST';
  const invalid = (message: string) => unexpectedResponse(method, path, message);
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const hasBody = options.body !== undefined;
  const job: ListingJob = {
    kind,
    url: clientTarget().baseUrl + buildUrl(path, query),
    headers: requestHeaders(undefined, hasBody),
    body: hasBody ? JSON.stringify(options.body) : undefined,
    readAhead: options.readAhead,
  };
  const outcome = signal.aborted
    ? ({ ok: false, failure: { kind: 'aborted' } } as const)
    : typeof Worker === 'undefined'
      ? await loadOnPage(job, signal)
      : await loadInWorker(job, signal);
  if (outcome.ok) return outcome.records;
  const { failure } = outcome;
  switch (failure.kind) {
    case 'http':
      // A listing reads, even as a POST: Druid's 403 on it (POST wants WRITE) is no refused change, so it must not
      // turn the datasource's write actions off as answerFailure would.
      if (failure.status === 403 && method === 'POST') {
        const message = describeErrorBody(failure.text, failure.contentType, failure.status, failure.statusText);
        throw new DruidApiError({ kind: 'http', status: 403, method, path, message });
      }
      throw answerFailure(method, path, failure);
    case 'invalid':
      throw invalid(failure.message);
    case 'dropped':
      throw droppedFailure(method, path, failure.status);
    default: {
      const cancelled = options.signal?.aborted === true;
      const timedOutAfterMs = !cancelled && timeout.aborted ? TIMEOUT_MS : null;
      const error = new Error(failure.kind === 'network' ? failure.message : 'network error');
      throw transportFailure(method, path, { cancelled, timedOutAfterMs, error });
    }
  }
}
