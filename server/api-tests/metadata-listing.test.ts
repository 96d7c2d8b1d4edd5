import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  call,
  dailyId,
  getJson,
  METADATA,
  OVERLORD,
  SALES_V1,
  SALES_V2,
  sorted,
  WIKI_VERSION,
  wikiHourId,
} from './api-helpers.ts';

// MetadataResource: the metadata-store view of used segments (druid-api.md §3.1, §3.2).
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
  // wikipedia_api has only unused segments from here on: the "no used segments" cases.
  await call(cluster, 'DELETE', `${OVERLORD}/wikipedia_api`);
});
afterAll(() => cluster.stop());

const ALL = ['données_ventes_été', 'kttm1', 'sales_events', 'social_media', 'wikipedia_api', 'wikipedia_hour'];
const WITH_USED = ALL.filter((name) => name !== 'wikipedia_api');

interface DataSegment {
  dataSource: string;
  interval: string;
  version: string;
  loadSpec: { type: string; path: string };
  dimensions: string;
  metrics: string;
  shardSpec: { type: string; partitionNum: number; partitions: number };
  binaryVersion: number;
  size: number;
  identifier: string;
}

describe('GET /metadata/datasources', () => {
  it('lists the datasources with used segments, sorted', async () => {
    expect(await getJson(cluster, `${METADATA}/datasources`)).toEqual(WITH_USED);
  });

  it('?includeUnused (and the legacy includeDisabled) adds those with only unused segments', async () => {
    expect(await getJson(cluster, `${METADATA}/datasources?includeUnused`)).toEqual(ALL);
    expect(await getJson(cluster, `${METADATA}/datasources?includeDisabled`)).toEqual(ALL);
    // includeUnused wins over full.
    expect(await getJson(cluster, `${METADATA}/datasources?includeUnused&full`)).toEqual(ALL);
  });

  it('?full gives ImmutableDruidDataSource objects with the used segments', async () => {
    const list = await getJson<Array<{ name: string; properties: object; segments: DataSegment[] }>>(
      cluster,
      `${METADATA}/datasources?full`,
    );
    expect(list.map((item) => item.name)).toEqual(WITH_USED);
    const kttm = list.find((item) => item.name === 'kttm1');
    expect(kttm?.segments).toHaveLength(14);
    expect(kttm?.properties).toEqual(expect.any(Object));
    expect(list.find((item) => item.name === 'sales_events')?.segments).toHaveLength(120);
  });
});

describe('GET /metadata/datasources/:ds and …/segments', () => {
  it('gives one datasource, or 404 with an empty body when it has no used segments', async () => {
    const one = await getJson<{ name: string; segments: DataSegment[] }>(cluster, `${METADATA}/datasources/kttm1`);
    expect(one.name).toBe('kttm1');
    expect(one.segments).toHaveLength(14);
    for (const name of ['wikipedia_api', 'nowhere']) {
      const response = await call(cluster, 'GET', `${METADATA}/datasources/${name}`);
      expect(response.status).toBe(404);
      expect(response.text).toBe('');
    }
  });

  it('lists the IDs of used segments, overshadowed ones included', async () => {
    const ids = await getJson<string[]>(cluster, `${METADATA}/datasources/sales_events/segments`);
    expect(ids).toHaveLength(120);
    expect(ids).toContain(dailyId('sales_events', '2024-01-01', SALES_V1));
    expect(await getJson(cluster, `${METADATA}/datasources/wikipedia_hour/segments`)).toEqual(
      Array.from({ length: 24 }, (_, h) => wikiHourId(h)),
    );
  });

  it('?full gives DataSegment objects in Druid shape', async () => {
    const segments = await getJson<DataSegment[]>(cluster, `${METADATA}/datasources/wikipedia_hour/segments?full`);
    expect(segments).toHaveLength(24);
    expect(segments[0]).toEqual({
      dataSource: 'wikipedia_hour',
      interval: '2015-09-12T00:00:00.000Z/2015-09-12T01:00:00.000Z',
      version: WIKI_VERSION,
      loadSpec: { type: 'local', path: expect.stringMatching(/index\.zip$/) },
      dimensions: expect.any(String),
      metrics: expect.any(String),
      shardSpec: { type: 'numbered', partitionNum: 0, partitions: 1 },
      binaryVersion: 9,
      size: expect.any(Number),
      identifier: wikiHourId(0),
    });
  });

  it('answers 404 with an empty body when none is used', async () => {
    for (const name of ['wikipedia_api', 'nowhere']) {
      const response = await call(cluster, 'GET', `${METADATA}/datasources/${name}/segments`);
      expect(response.status).toBe(404);
      expect(response.text).toBe('');
    }
  });
});

describe('POST /metadata/datasources/:ds/segments (used segments overlapping intervals)', () => {
  it('includes overshadowed used segments', async () => {
    const response = await call(cluster, 'POST', `${METADATA}/datasources/sales_events/segments`, {
      body: ['2024-01-01/2024-01-02'],
    });
    expect(response.status).toBe(200);
    expect(sorted(response.json())).toEqual([
      dailyId('sales_events', '2024-01-01', SALES_V1),
      dailyId('sales_events', '2024-01-01', SALES_V2),
    ]);
  });

  it('matches by overlap and unites several intervals without duplicates', async () => {
    const response = await call(cluster, 'POST', `${METADATA}/datasources/wikipedia_hour/segments`, {
      body: ['2015-09-12T01:30:00Z/2015-09-12T02:30:00Z', '2015-09-12T02:00:00Z/2015-09-12T03:00:00Z'],
    });
    expect(response.json()).toEqual([wikiHourId(1), wikiHourId(2)]);
  });

  it('?full gives DataSegment objects; unused segments are never listed', async () => {
    const response = await call(cluster, 'POST', `${METADATA}/datasources/wikipedia_api/segments?full`, {
      body: ['2000/2100'],
    });
    expect(response.json()).toEqual([]);
    const full = await call(cluster, 'POST', `${METADATA}/datasources/kttm1/segments?full`, {
      body: ['2019-08-25/2019-08-26'],
    });
    expect(full.json<DataSegment[]>().map((segment) => segment.interval)).toEqual([
      '2019-08-25T00:00:00.000Z/2019-08-26T00:00:00.000Z',
    ]);
  });

  it('rejects a body that is not a list of intervals with 400', async () => {
    for (const body of ['{"interval":"2019/2020"}', '["2020/2019"]', '[42]', '["2019-08-25_2019-08-26"]']) {
      const response = await call(cluster, 'POST', `${METADATA}/datasources/kttm1/segments`, { body });
      expect(response.status, body).toBe(400);
    }
  });
});

describe('GET /metadata/datasources/:ds/segments/:id', () => {
  const path = (dataSource: string, id: string, query = '') =>
    `${METADATA}/datasources/${dataSource}/segments/${encodeURIComponent(id)}${query}`;
  const unusedFeb = dailyId('sales_events', '2024-02-10', SALES_V1, 1);

  it('gives a used segment', async () => {
    const segment = await getJson<DataSegment>(cluster, path('wikipedia_hour', wikiHourId(5)));
    expect(segment.identifier).toBe(wikiHourId(5));
  });

  it('gives an unused one only with includeUnused=true', async () => {
    expect((await call(cluster, 'GET', path('sales_events', unusedFeb))).status).toBe(404);
    expect((await call(cluster, 'GET', path('sales_events', unusedFeb, '?includeUnused=false'))).status).toBe(404);
    expect((await call(cluster, 'GET', path('sales_events', unusedFeb, '?includeUnused'))).status).toBe(404);
    const segment = await getJson<DataSegment>(cluster, path('sales_events', unusedFeb, '?includeUnused=true'));
    expect(segment).toMatchObject({ identifier: unusedFeb, shardSpec: { partitionNum: 1 } });
    expect((await call(cluster, 'GET', path('sales_events', unusedFeb, '?includeUnused=TRUE'))).status).toBe(200);
  });

  it('answers 404 for an unknown ID', async () => {
    const response = await call(
      cluster,
      'GET',
      path('kttm1', dailyId('kttm1', '1999-01-01', 'v'), '?includeUnused=true'),
    );
    expect(response.status).toBe(404);
  });

  it("keeps Druid's quirk: 404 for any ID of a datasource without used segments, even with includeUnused", async () => {
    const id = dailyId('wikipedia_api', '2016-06-27', '2023-07-01T00:00:00.000Z');
    const response = await call(cluster, 'GET', path('wikipedia_api', id, '?includeUnused=true'));
    expect(response.status).toBe(404);
  });

  it('answers 400 text for an ID of another datasource or one that does not parse', async () => {
    const other = wikiHourId(5);
    const response = await call(cluster, 'GET', path('kttm1', other));
    expect(response.status).toBe(400);
    expect(response.text).toBe(`Could not parse Segment ID[${other}] for DataSource[kttm1]`);
    expect((await call(cluster, 'GET', path('kttm1', 'nonsense'))).status).toBe(400);
  });

  it('escapes HTML in that message', async () => {
    const response = await call(cluster, 'GET', path('%3Cb%3Ebold%3C%2Fb%3E', '<i>x</i>'));
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/^Could not parse Segment ID\[.*x.*\] for DataSource\[.*bold.*\]$/);
    expect(response.text).not.toMatch(/[<>]/);
  });
});
