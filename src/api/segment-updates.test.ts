import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  markAllSegments,
  markSegment,
  markSegmentsByIds,
  readUpdateResponse,
  resetOverlordDetection,
} from './segment-updates.ts';

type Call = { url: string; method: string; body: unknown; headers: Record<string, string> };

function stubFetch(answer: (url: string) => Response): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({
        url,
        method: String(init.method),
        body: init.body ? JSON.parse(String(init.body)) : undefined,
        headers: init.headers as Record<string, string>,
      });
      return answer(url);
    }),
  );
  return calls;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(() => resetOverlordDetection());
afterEach(() => vi.unstubAllGlobals());

describe('readUpdateResponse', () => {
  it('reads every era of Druid answer', () => {
    expect(readUpdateResponse({ data: { numChangedSegments: 3, segmentStateChanged: true } })).toEqual({ changed: 3 });
    expect(readUpdateResponse({ data: { numChangedSegments: 0 } })).toEqual({ changed: 0 });
    expect(readUpdateResponse({ data: { segmentStateChanged: true } })).toEqual({ changed: 1 });
    expect(readUpdateResponse({ data: { segmentStateChanged: false } })).toEqual({ changed: 0 });
    expect(readUpdateResponse({ data: null })).toEqual({ changed: null });
  });
});

describe('marking segments', () => {
  it('uses the Overlord paths with URL-encoded names and JSON headers', async () => {
    const calls = stubFetch(() => json({ numChangedSegments: 1, segmentStateChanged: true }));
    const id = 'données_ventes_été_2024-07-01T00:00:00.000Z_2024-07-02T00:00:00.000Z_2024-07-15T00:00:00.000Z';
    await expect(markSegment('données_ventes_été', id, false)).resolves.toEqual({ changed: 1 });
    expect(calls[0]?.method).toBe('DELETE');
    expect(calls[0]?.url).toBe(
      `/druid/indexer/v1/datasources/donn%C3%A9es_ventes_%C3%A9t%C3%A9/segments/${encodeURIComponent(id)}`,
    );
    expect(calls[0]?.headers.Accept).toBe('application/json, text/plain');
    await markSegmentsByIds('wiki', ['a', 'b'], true);
    expect(calls[1]).toMatchObject({
      url: '/druid/indexer/v1/datasources/wiki/markUsed',
      method: 'POST',
      body: { segmentIds: ['a', 'b'] },
    });
    expect(calls[1]?.headers['Content-Type']).toBe('application/json');
  });

  it('falls back to the Coordinator when the Overlord has no such path, and remembers it', async () => {
    const calls = stubFetch((url) =>
      url.startsWith('/druid/indexer') ? new Response('', { status: 404 }) : new Response(null, { status: 204 }),
    );
    await expect(markAllSegments('wiki', false)).resolves.toEqual({ changed: null });
    await markAllSegments('wiki', true);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'DELETE /druid/indexer/v1/datasources/wiki',
      'DELETE /druid/coordinator/v1/datasources/wiki',
      'POST /druid/coordinator/v1/datasources/wiki',
    ]);
  });

  it('passes other failures on with Druid’s message', async () => {
    stubFetch(() => json({ error: 'druidException', errorMessage: 'Could not find segment IDs[x]' }, 400));
    await expect(markSegmentsByIds('wiki', ['x'], true)).rejects.toThrow(/Could not find segment IDs/);
  });
});
