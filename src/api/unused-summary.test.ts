import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchUnusedProbe, summarizeProbe } from './unused-summary.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2015, 8, 12);
const iso = (ms: number) => new Date(ms).toISOString();

function unusedSegment(startHour: number, hours = 1, size = 1000) {
  const start = iso(T0 + startHour * HOUR);
  const end = iso(T0 + (startHour + hours) * HOUR);
  const version = '2024-01-01T00:00:00.000Z';
  return {
    dataSegment: {
      dataSource: 'ds',
      interval: `${start}/${end}`,
      version,
      shardSpec: { type: 'numbered', partitionNum: 0, partitions: 1 },
      size,
      identifier: `ds_${start}_${end}_${version}`,
    },
    createdDate: version,
    usedStatusLastUpdatedDate: version,
  };
}

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const bounds = (startHour: number, hours: number, size = 10) => ({
  start: T0 + startHour * HOUR,
  end: T0 + (startHour + hours) * HOUR,
  size,
});

afterEach(() => vi.unstubAllGlobals());

describe('summarizeProbe', () => {
  it('is exact up to the cap', () => {
    expect(summarizeProbe([bounds(0, 24), bounds(1, 1)], 2)).toEqual({
      count: 2,
      capped: false,
      size: 20,
      start: T0,
      end: T0 + 24 * HOUR,
    });
    expect(summarizeProbe([], 2)).toEqual({ count: 0, capped: false, size: 0, start: null, end: null });
  });

  it('past the cap counts the cap, sizes a lower bound, and ends at the later of what it read and the latest start', () => {
    const probe = summarizeProbe([bounds(0, 1), bounds(1, 1), bounds(2, 48)], 2, bounds(9, 1));
    // The third record shows there are more; it is neither counted nor sized, and its end is not known to be last.
    expect(probe).toEqual({ count: 2, capped: true, size: 20, start: T0, end: T0 + 10 * HOUR });
    // A long segment read among the first ones may end after the latest-starting one.
    expect(summarizeProbe([bounds(0, 72), bounds(1, 1), bounds(2, 1)], 2, bounds(9, 1)).end).toBe(T0 + 72 * HOUR);
  });
});

describe('fetchUnusedProbe', () => {
  it('asks for cap + 1 in ascending ID order, and no more when under the cap', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return json([unusedSegment(0), unusedSegment(1, 1, 500)]);
    });
    expect(await fetchUnusedProbe('ds', undefined, 2)).toEqual({
      count: 2,
      capped: false,
      size: 1500,
      start: T0,
      end: T0 + 2 * HOUR,
    });
    expect(urls).toEqual(['/druid/coordinator/v1/metadata/datasources/ds/unusedSegments?limit=3&sortOrder=ASC']);
  });

  it('past the cap reads the last segment by ID for the end of the range: two requests, whatever the count', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      if (url.includes('DESC')) return json([unusedSegment(5000)]);
      return json([unusedSegment(0), unusedSegment(1), unusedSegment(2)]);
    });
    expect(await fetchUnusedProbe('ds', undefined, 2)).toMatchObject({
      count: 2,
      capped: true,
      start: T0,
      end: T0 + 5001 * HOUR,
    });
    expect(urls).toEqual([
      '/druid/coordinator/v1/metadata/datasources/ds/unusedSegments?limit=3&sortOrder=ASC',
      '/druid/coordinator/v1/metadata/datasources/ds/unusedSegments?limit=1&sortOrder=DESC',
    ]);
  });

  it('reads Druid’s empty 204 as none, and names the item a malformed answer breaks at', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    expect(await fetchUnusedProbe('ds')).toMatchObject({ count: 0, capped: false, start: null });
    vi.stubGlobal('fetch', async () => json([unusedSegment(0), { dataSegment: 7 }]));
    await expect(fetchUnusedProbe('ds')).rejects.toThrow(/unusedSegments at 1/);
  });

  it('passes the abort signal to fetch, so a row that scrolls away cancels its request', async () => {
    let seen: AbortSignal | undefined;
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      seen = init.signal ?? undefined;
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    });
    const controller = new AbortController();
    const probe = fetchUnusedProbe('ds', controller.signal);
    controller.abort();
    await expect(probe).rejects.toMatchObject({ kind: 'aborted' });
    expect(seen?.aborted).toBe(true);
  });
});
