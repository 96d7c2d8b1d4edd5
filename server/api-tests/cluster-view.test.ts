import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { COORDINATOR, call, dailyId, getJson, METADATA, OVERLORD, SALES_V1, SALES_V2 } from './api-helpers.ts';

// The coordinator's view: /metadata/segments with overshadowed status and the served /datasources GETs (§3.1, §3.3).
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  await call(cluster, 'DELETE', `${OVERLORD}/wikipedia_api`);
});
afterAll(() => cluster.stop());

interface SegmentStatus {
  identifier: string;
  dataSource: string;
  overshadowed: boolean;
  replicationFactor: number | null;
  realtime: boolean;
}

const OVERSHADOWED = dailyId('sales_events', '2024-01-01', SALES_V1);

describe('GET /metadata/segments', () => {
  it('lists every used segment as DataSegment', async () => {
    const all = await getJson<Array<{ identifier: string; overshadowed?: boolean }>>(cluster, `${METADATA}/segments`);
    // 24 + 14 + 11 + 120 + 7 used; wikipedia_api has none.
    expect(all).toHaveLength(176);
    expect(all[0]).not.toHaveProperty('overshadowed');
  });

  it('?includeOvershadowedStatus flags the overshadowed v1 segment with replication factor 0', async () => {
    const rows = await getJson<SegmentStatus[]>(
      cluster,
      `${METADATA}/segments?includeOvershadowedStatus&datasources=sales_events`,
    );
    expect(rows).toHaveLength(120);
    expect(rows.every((row) => row.dataSource === 'sales_events' && row.realtime === false)).toBe(true);
    const overshadowed = rows.filter((row) => row.overshadowed);
    expect(overshadowed.map((row) => row.identifier)).toEqual([OVERSHADOWED]);
    expect(overshadowed[0]?.replicationFactor).toBe(0);
    expect(rows.find((row) => row.identifier === dailyId('sales_events', '2024-01-01', SALES_V2))).toMatchObject({
      overshadowed: false,
    });
  });

  it('&datasources= repeats to select several datasources', async () => {
    const rows = await getJson<SegmentStatus[]>(
      cluster,
      `${METADATA}/segments?includeOvershadowedStatus&datasources=kttm1&datasources=wikipedia_hour&datasources=nowhere`,
    );
    expect(rows).toHaveLength(38);
    expect(new Set(rows.map((row) => row.dataSource))).toEqual(new Set(['kttm1', 'wikipedia_hour']));
  });

  it('a datasource without used segments, first or alone, neither stalls nor breaks the stream', async () => {
    const alone = await getJson<SegmentStatus[]>(
      cluster,
      `${METADATA}/segments?includeOvershadowedStatus&datasources=nowhere`,
    );
    expect(alone).toEqual([]);
    const first = await getJson<SegmentStatus[]>(
      cluster,
      `${METADATA}/segments?includeOvershadowedStatus&datasources=nowhere&datasources=wikipedia_api&datasources=kttm1`,
    );
    expect(first).toHaveLength(14);
  });

  it('?includeRealtimeSegments without includeOvershadowedStatus is a 400 with an empty body', async () => {
    const response = await call(cluster, 'GET', `${METADATA}/segments?includeRealtimeSegments`);
    expect(response.status).toBe(400);
    expect(response.text).toBe('');
    const both = await call(cluster, 'GET', `${METADATA}/segments?includeOvershadowedStatus&includeRealtimeSegments`);
    expect(both.status).toBe(200);
  });
});

describe('GET /druid/coordinator/v1/datasources (served segments)', () => {
  const SERVED = ['données_ventes_été', 'kttm1', 'sales_events', 'social_media', 'wikipedia_hour'];

  it('lists the served datasources', async () => {
    expect(await getJson(cluster, COORDINATOR)).toEqual(SERVED);
  });

  it('?simple adds tiers and segment totals', async () => {
    const list = await getJson<
      Array<{ name: string; properties: { tiers: object; segments: { count: number; minTime: string } } }>
    >(cluster, `${COORDINATOR}?simple`);
    expect(list.map((item) => item.name)).toEqual(SERVED);
    const sales = list.find((item) => item.name === 'sales_events');
    // The overshadowed v1 segment is not served.
    expect(sales?.properties.segments).toMatchObject({ count: 119, minTime: '2024-01-01T00:00:00.000Z' });
  });

  it('GET /:ds gives the summary; 204 for unknown or unserved datasources', async () => {
    const summary = await getJson<{ segments: Record<string, unknown>; tiers: object }>(
      cluster,
      `${COORDINATOR}/wikipedia_hour`,
    );
    expect(summary.segments).toMatchObject({
      count: 24,
      minTime: '2015-09-12T00:00:00.000Z',
      maxTime: '2015-09-13T00:00:00.000Z',
    });
    expect(summary.segments.size).toEqual(expect.any(Number));
    expect(summary.segments.replicatedSize).toEqual(expect.any(Number));
    for (const name of ['nowhere', 'wikipedia_api']) {
      const response = await call(cluster, 'GET', `${COORDINATOR}/${name}`);
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
    }
  });

  it('GET /:ds/intervals lists intervals newest first; ?simple adds size and count', async () => {
    const intervals = await getJson<string[]>(cluster, `${COORDINATOR}/kttm1/intervals`);
    expect(intervals).toHaveLength(14);
    expect(intervals[0]).toBe('2019-09-07T00:00:00.000Z/2019-09-08T00:00:00.000Z');
    expect(intervals.at(-1)).toBe('2019-08-25T00:00:00.000Z/2019-08-26T00:00:00.000Z');
    expect(intervals).toEqual([...intervals].sort().reverse());

    const simple = await getJson<Record<string, { size: number; count: number }>>(
      cluster,
      `${COORDINATOR}/sales_events/intervals?simple`,
    );
    expect(Object.keys(simple)[0]).toBe('2024-03-31T00:00:00.000Z/2024-04-01T00:00:00.000Z');
    expect(simple['2024-02-01T00:00:00.000Z/2024-02-02T00:00:00.000Z']).toMatchObject({ count: 3 });
    // Only the served v2 segment of January 1.
    expect(simple['2024-01-01T00:00:00.000Z/2024-01-02T00:00:00.000Z']).toMatchObject({ count: 1 });
    expect((await call(cluster, 'GET', `${COORDINATOR}/wikipedia_api/intervals`)).status).toBe(204);
  });

  it('GET /:ds/intervals/:interval lists the contained segment IDs', async () => {
    const ids = await getJson<string[]>(cluster, `${COORDINATOR}/kttm1/intervals/2019-08-25_2019-08-27T12:00`);
    expect(ids).toEqual([
      dailyId('kttm1', '2019-08-25', '2023-06-01T00:00:00.000Z'),
      dailyId('kttm1', '2019-08-26', '2023-06-01T00:00:00.000Z'),
    ]);
  });
});

describe('tiers and servers', () => {
  it('lists the static topology', async () => {
    expect(await getJson(cluster, '/druid/coordinator/v1/tiers')).toEqual(['_default_tier', 'hot']);
    const servers = await getJson<Array<{ host: string; tier: string; type: string }>>(
      cluster,
      '/druid/coordinator/v1/servers?simple',
    );
    expect(servers.map((server) => server.tier)).toEqual(['_default_tier', '_default_tier', 'hot']);
    expect(servers.every((server) => server.type === 'historical')).toBe(true);
  });
});
