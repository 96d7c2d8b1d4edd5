/// <reference lib="webworker" />
// Segment listings are fetched and parsed here, off the page's main thread (see listing-loader.ts, listing-fetch.ts).
import { type ListingJob, ListingLoader, type ListingOutcome } from './listing-loader.ts';

export type ListingMessage = { type: 'load'; id: number; job: ListingJob } | { type: 'abort'; id: number };
export type ListingReply = ListingOutcome & { id: number };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const loader = new ListingLoader(fetch.bind(scope), scope.location.origin);
const running = new Map<number, AbortController>();

scope.onmessage = async (event: MessageEvent<ListingMessage>) => {
  const message = event.data;
  if (message.type === 'abort') {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  const outcome = await loader.load(message.job, controller);
  running.delete(message.id);
  const reply: ListingReply = { id: message.id, ...outcome };
  scope.postMessage(reply);
};
