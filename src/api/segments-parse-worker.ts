/// <reference lib="webworker" />
// Parses a used-segments listing into compact records off the page's main thread (see segments-fetch.ts).
import type { ParseReply } from './segments-fetch.ts';
import { readUsedSegment, type SegmentRecord, StringPool } from './segments-records.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<string>) => {
  let reply: ParseReply;
  try {
    const items: unknown = JSON.parse(event.data);
    if (!Array.isArray(items)) throw new Error('expected a list of segments');
    const versions = new StringPool();
    const records: SegmentRecord[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const record = readUsedSegment(items[i], versions);
      if (typeof record === 'string') throw new Error(`Unexpected segment at position ${i}: ${record}.`);
      records[i] = record;
    }
    reply = { ok: true, records };
  } catch (error) {
    reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(reply);
};
