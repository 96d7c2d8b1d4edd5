import { describe, expect, it, vi } from 'vitest';
import { type ListingJob, ListingLoader, parseListing } from './listing-loader.ts';

const ORIGIN = 'http://console.test';
const PATH = '/druid/coordinator/v1/metadata/datasources/ds/unusedSegments';

function unused(index: number) {
  const hour = String(index % 24).padStart(2, '0');
  const day = String(1 + Math.floor(index / 24)).padStart(2, '0');
  const start = `2024-01-${day}T${hour}:00:00.000Z`;
  const end = `2024-01-${day}T${hour}:59:59.000Z`;
  return {
    dataSegment: {
      dataSource: 'ds',
      interval: `${start}/${end}`,
      version: 'v1',
      size: 10,
      shardSpec: { type: 'numbered', partitionNum: 0 },
      identifier: `ds_${start}_${end}_v1`,
    },
    usedStatusLastUpdatedDate: '2024-02-01T00:00:00.000Z',
  };
}

/** A fake Druid with `total` unused segments, keyset-paged like the real one; it records every URL it is sent. */
function fakeDruid(total: number) {
  const all = Array.from({ length: total }, (_, i) => unused(i));
  const urls: string[] = [];
  const fetcher = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), ORIGIN);
    urls.push(`${url.pathname}${url.search}`);
    init?.signal?.throwIfAborted();
    const after = url.searchParams.get('lastSegmentId');
    const limit = Number(url.searchParams.get('limit'));
    const from = after === null ? 0 : all.findIndex((s) => s.dataSegment.identifier === after) + 1;
    return new Response(JSON.stringify(all.slice(from, from + limit)), { status: 200 });
  });
  return { fetcher: fetcher as unknown as typeof fetch, urls };
}

const firstPage = (limit: number, nextLimit: number): ListingJob => ({
  kind: 'unused',
  url: `${PATH}?limit=${limit}&sortOrder=ASC`,
  headers: { Accept: 'application/json' },
  readAhead: { limit, nextLimit },
});

const pageAfter = (id: string, limit: number, nextLimit: number): ListingJob => ({
  ...firstPage(limit, nextLimit),
  url: `${PATH}?limit=${limit}&sortOrder=ASC&lastSegmentId=${encodeURIComponent(id)}`,
});

describe('ListingLoader', () => {
  it('reads every following page ahead and answers the page’s requests from them', async () => {
    const druid = fakeDruid(7);
    const loader = new ListingLoader(druid.fetcher, ORIGIN);
    const first = await loader.load(firstPage(2, 3), new AbortController());
    if (!first.ok) throw new Error('first page failed');
    expect(first.records.map((r) => r.id)).toEqual([unused(0), unused(1)].map((s) => s.dataSegment.identifier));
    // Read ahead without being asked: 3 after the first 2, then the last 2 (a short page, so no more).
    await vi.waitFor(() => expect(druid.urls).toHaveLength(3));

    const idOf = (i: number) => unused(i).dataSegment.identifier;
    const second = await loader.load(pageAfter(idOf(1), 3, 3), new AbortController());
    const third = await loader.load(pageAfter(idOf(4), 3, 3), new AbortController());
    expect(second.ok && second.records.map((r) => r.id)).toEqual([idOf(2), idOf(3), idOf(4)]);
    expect(third.ok && third.records.map((r) => r.id)).toEqual([idOf(5), idOf(6)]);
    expect(druid.urls).toHaveLength(3);
  });

  it('drops the read-ahead when asked for anything else, and fetches that instead', async () => {
    const druid = fakeDruid(10);
    const loader = new ListingLoader(druid.fetcher, ORIGIN);
    await loader.load(firstPage(2, 2), new AbortController());
    const again = await loader.load(firstPage(2, 2), new AbortController());
    expect(again.ok && again.records).toHaveLength(2);
    expect(druid.urls.filter((url) => !url.includes('lastSegmentId'))).toHaveLength(2);
  });

  it('does not read ahead without being told to, nor after a short page', async () => {
    const druid = fakeDruid(3);
    const loader = new ListingLoader(druid.fetcher, ORIGIN);
    const { readAhead: _, ...plain } = firstPage(2, 2);
    await loader.load(plain, new AbortController());
    await loader.load(firstPage(5, 5), new AbortController());
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(druid.urls).toHaveLength(2);
  });

  it('forgets pages nobody asks for after a while', async () => {
    const druid = fakeDruid(5);
    const loader = new ListingLoader(druid.fetcher, ORIGIN, 20);
    await loader.load(firstPage(2, 2), new AbortController());
    const afterSecond = `lastSegmentId=${encodeURIComponent(unused(1).dataSegment.identifier)}`;
    await vi.waitFor(() => expect(druid.urls).toHaveLength(3));
    await new Promise((resolve) => setTimeout(resolve, 40));
    const second = await loader.load(pageAfter(unused(1).dataSegment.identifier, 2, 2), new AbortController());
    expect(second.ok && second.records).toHaveLength(2);
    expect(druid.urls.filter((url) => url.includes(afterSecond))).toHaveLength(2);
  });

  it('sends a job with a body as a POST of that body, and reads its plain segments as used ones', async () => {
    const sent: RequestInit[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      sent.push(init);
      return new Response(JSON.stringify([unused(0).dataSegment]));
    }) as unknown as typeof fetch;
    const body = JSON.stringify(['2024-01-01T00:00:00.000Z/2024-02-01T00:00:00.000Z']);
    const job: ListingJob = {
      kind: 'used',
      url: '/druid/coordinator/v1/metadata/datasources/ds/segments?full',
      headers: {},
      body,
    };
    const outcome = await new ListingLoader(fetcher, ORIGIN).load(job, new AbortController());
    expect(outcome.ok && outcome.records.map((r) => [r.id, r.state, r.replication])).toEqual([
      [unused(0).dataSegment.identifier, 'used', null],
    ]);
    expect(sent).toEqual([expect.objectContaining({ method: 'POST', body })]);
  });

  it('reports Druid’s error answer and unreadable listings as failures, and a cancelled request as aborted', async () => {
    const answer = new Response('{"error":"Unauthorized"}', {
      status: 401,
      statusText: 'Unauthorized',
      headers: { 'content-type': 'application/json' },
    });
    const denied = new ListingLoader((async () => answer) as unknown as typeof fetch, ORIGIN);
    expect(await denied.load(firstPage(2, 2), new AbortController())).toEqual({
      ok: false,
      failure: expect.objectContaining({ kind: 'http', status: 401, text: '{"error":"Unauthorized"}' }),
    });
    const garbled = new ListingLoader((async () => new Response('[{"x":1}]')) as unknown as typeof fetch, ORIGIN);
    expect(await garbled.load(firstPage(2, 2), new AbortController())).toEqual({
      ok: false,
      failure: { kind: 'invalid', message: 'Unexpected segment at position 0: a segment is not an object.' },
    });
    const controller = new AbortController();
    controller.abort();
    const druid = fakeDruid(2);
    expect(await new ListingLoader(druid.fetcher, ORIGIN).load(firstPage(2, 2), controller)).toEqual({
      ok: false,
      failure: { kind: 'aborted' },
    });
  });
});

describe('parseListing', () => {
  it('reads an empty body as no segments and refuses anything but a list', () => {
    expect(parseListing('', 'used')).toEqual([]);
    expect(() => parseListing('{"a":1}', 'used')).toThrow('expected a list of segments');
  });
});
