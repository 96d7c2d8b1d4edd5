import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchUnusedSummary } from './datasources.ts';
import { fetchSegmentJson, fetchUnusedSegmentPage, fetchUsedSegmentRecords } from './segments.ts';
import { canWrite } from './write-permissions.ts';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function segment(hour: number, extra: Record<string, unknown> = {}) {
  const start = `2015-09-12T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const end = `2015-09-12T${String(hour + 1).padStart(2, '0')}:00:00.000Z`;
  return {
    dataSource: 'wikipedia_hour',
    interval: `${start}/${end}`,
    version: '2023-08-10T04:12:03.860Z',
    loadSpec: { type: 'local', path: '/x' },
    dimensions: 'page,user',
    metrics: 'count',
    shardSpec: { type: 'numbered', partitionNum: 0, partitions: 1 },
    binaryVersion: 9,
    size: 1000 + hour,
    identifier: `wikipedia_hour_${start}_${end}_2023-08-10T04:12:03.860Z`,
    ...extra,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('segment listings', () => {
  it('reads used segments in parts over all time, with overshadowed status computed as Druid does', async () => {
    const newer = '2024-01-01T00:00:00.000Z';
    const covering = segment(1, { version: newer, identifier: `wikipedia_hour_2015-09-12T01_${newer}` });
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => json([segment(0), segment(1), covering]));
    vi.stubGlobal('fetch', fetchMock);
    const records = await fetchUsedSegmentRecords('wikipedia_hour', undefined, []);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/druid/coordinator/v1/metadata/datasources/wikipedia_hour/segments?full');
    expect(init?.method).toBe('POST');
    // No summaries: one part, the whole of time, so used segments no summary shows are still listed.
    expect(JSON.parse(String(init?.body))).toEqual(['-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z']);
    expect(records).toEqual([
      {
        id: segment(0).identifier,
        start: Date.UTC(2015, 8, 12, 0),
        end: Date.UTC(2015, 8, 12, 1),
        version: '2023-08-10T04:12:03.860Z',
        partition: 0,
        size: 1000,
        state: 'used',
        // This listing does not carry Druid's replication factor.
        replication: null,
        lastUpdated: null,
      },
      expect.objectContaining({ id: segment(1).identifier, state: 'overshadowed' }),
      expect.objectContaining({ id: covering.identifier, state: 'used' }),
    ]);
  });

  it('sizes the parts from the interval summaries, 3 at a time, one record per segment crossing a cut', async () => {
    const hour = (h: number) => Date.UTC(2015, 8, 12, h);
    const summaries = Array.from({ length: 6 }, (_, h) => ({ start: hour(h), count: 1_000 }));
    let running = 0;
    let most = 0;
    const bodies: string[][] = [];
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      // A day-long segment overlaps every part.
      return json([segment(bodies.length), segment(0, { interval: '2015-09-12/2015-09-13', identifier: 'day' })]);
    });
    const records = await fetchUsedSegmentRecords('wikipedia_hour', undefined, summaries);
    expect(bodies.map(([part]) => part)).toEqual([
      '-146136543-09-08T08:23:32.096Z/2015-09-12T02:00:00.000Z',
      '2015-09-12T02:00:00.000Z/2015-09-12T04:00:00.000Z',
      '2015-09-12T04:00:00.000Z/146140482-04-24T15:36:27.903Z',
    ]);
    expect(most).toBe(3);
    expect(records.filter((record) => record.id === 'day')).toHaveLength(1);
  });

  it('falls back to the one-response GET for a reader Druid refuses the POST (it wants WRITE), without going read-only', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      urls.push(`${init?.method ?? 'GET'} ${url}`);
      if (init?.method === 'POST') return json({ error: 'User reader lacks WRITE on DATASOURCE:reader_only' }, 403);
      return json([segment(0, { replicationFactor: 2, overshadowed: false })]);
    });
    const records = await fetchUsedSegmentRecords('reader_only', undefined, []);
    expect(records.map((r) => [r.state, r.replication])).toEqual([['used', 2]]);
    expect(canWrite('reader_only')).toBe(true);
    const whole = 'GET /druid/coordinator/v1/metadata/segments?includeOvershadowedStatus&datasources=reader_only';
    expect(urls).toEqual(['POST /druid/coordinator/v1/metadata/datasources/reader_only/segments?full', whole]);
    // Known refused: the next load asks the GET at once.
    await fetchUsedSegmentRecords('reader_only', undefined, []);
    expect(urls.slice(2)).toEqual([whole]);
  });

  it('computes the ID when Druid does not send one, and fails loudly on a malformed segment', async () => {
    const { identifier: _, ...bare } = segment(2, { shardSpec: { type: 'numbered', partitionNum: 3 } });
    vi.stubGlobal('fetch', async () => json([bare]));
    const [only] = await fetchUsedSegmentRecords('wikipedia_hour', undefined, []);
    expect(only?.id).toBe(
      'wikipedia_hour_2015-09-12T02:00:00.000Z_2015-09-12T03:00:00.000Z_2023-08-10T04:12:03.860Z_3',
    );
    vi.stubGlobal('fetch', async () => json([segment(0), { ...segment(1), interval: 'nonsense' }]));
    await expect(fetchUsedSegmentRecords('wikipedia_hour', undefined, [])).rejects.toThrow(/position 1/);
  });

  it('turns a failed used listing into a DruidApiError with Druid’s message', async () => {
    vi.stubGlobal('fetch', async () => json({ error: 'Not authorized to read wikipedia_hour' }, 403));
    await expect(fetchUsedSegmentRecords('wikipedia_hour', undefined, [])).rejects.toMatchObject({
      name: 'DruidApiError',
      kind: 'http',
      // Refused the POST parts, then the GET they fall back to: the reader may not read it at all.
      method: 'GET',
      status: 403,
      message: expect.stringContaining('Not authorized'),
    });
    vi.stubGlobal('fetch', async () => new Response('<html>oops</html>', { headers: { 'content-type': 'text/html' } }));
    await expect(fetchUsedSegmentRecords('wikipedia_hour', undefined, [])).rejects.toMatchObject({
      kind: 'invalid-response',
    });
  });

  it('pages unused segments by the last segment ID', async () => {
    const fetchMock = vi.fn(async (url: string) => {
      const after = new URL(url, 'http://x').searchParams.get('lastSegmentId');
      const page = after === null ? [0, 1] : after.includes('T01:00:00.000Z_2015') ? [2] : [];
      return json(
        page.map((hour) => ({
          dataSegment: segment(hour),
          usedStatusLastUpdatedDate: '2024-01-20T01:00:00.701Z',
          used: false,
        })),
      );
    });
    vi.stubGlobal('fetch', fetchMock);
    const first = await fetchUnusedSegmentPage('wikipedia_hour', null, { limit: 2 });
    expect(first.records.map((r) => [r.state, r.lastUpdated])).toEqual([
      ['unused', Date.UTC(2024, 0, 20, 1, 0, 0, 701)],
      ['unused', Date.UTC(2024, 0, 20, 1, 0, 0, 701)],
    ]);
    expect(first.nextAfter).toBe(segment(1).identifier);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(
      '/druid/coordinator/v1/metadata/datasources/wikipedia_hour/unusedSegments?limit=2&sortOrder=ASC',
    );
    const second = await fetchUnusedSegmentPage('wikipedia_hour', first.nextAfter, { limit: 2 });
    expect(second.nextAfter).toBeNull();
    expect(second.records).toHaveLength(1);
  });

  it('sums unused segments across pages', async () => {
    let call = 0;
    vi.stubGlobal('fetch', async () => {
      call++;
      const hours = call === 1 ? Array.from({ length: 10_000 }, () => 3) : [5];
      return json(hours.map((hour) => ({ dataSegment: segment(hour), used: false })));
    });
    const summary = await fetchUnusedSummary('wikipedia_hour');
    expect(summary).toEqual({
      count: 10_001,
      size: 10_000 * 1003 + 1005,
      start: Date.UTC(2015, 8, 12, 3),
      end: Date.UTC(2015, 8, 12, 6),
    });
  });

  it('finds an unused segment of a datasource without used ones despite Druid’s 404', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      if (url.includes('/segments/')) return new Response('', { status: 404 });
      return json([
        { dataSegment: segment(1), used: false },
        { dataSegment: segment(4), used: false },
      ]);
    });
    const found = await fetchSegmentJson('wikipedia_hour', {
      id: segment(4).identifier,
      start: Date.UTC(2015, 8, 12, 4),
      end: Date.UTC(2015, 8, 12, 5),
    });
    expect(found).toMatchObject({ dataSegment: { identifier: segment(4).identifier } });
    expect(urls[1]).toContain('interval=2015-09-12T04%3A00%3A00.000Z_2015-09-12T05%3A00%3A00.000Z');
  });
});
