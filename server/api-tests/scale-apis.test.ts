import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { COORDINATOR, call, changed, getJson, METADATA, OVERLORD, type SegmentPlus, segmentId } from './api-helpers.ts';

// The APIs a console uses on big clusters, with Druid's semantics (druid-scale-apis.md), on a layout built to tell
// overlap from contains, included from excluded edges, and overshadowed from not.
const NOW = Date.parse('2024-02-10T12:00:00.000Z');
const V0 = '2023-12-01T00:00:00.000Z';
const V1 = '2024-01-15T00:00:00.000Z';
const V2 = '2024-01-20T00:00:00.000Z';
const day = (d: number) => Date.UTC(2024, 0, d);
const iso = (ms: number) => new Date(ms).toISOString();
const dayId = (d: number, version: string, partition = 0) => segmentId('scale', day(d), day(d + 1), version, partition);

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster({ seed: 'none', now: () => NOW });
  const segments = [];
  for (let d = 1; d <= 10; d++) {
    const interval = `${iso(day(d))}/${iso(day(d + 1))}`;
    segments.push({ dataSource: 'scale', interval, version: V0, used: false, size: 10 });
    for (const partitionNum of [0, 1])
      segments.push({ dataSource: 'scale', interval, version: V1, partitionNum, partitions: 2, size: 100 });
    // V2 overshadows V1 on days 3 and 4.
    if (d === 3 || d === 4) segments.push({ dataSource: 'scale', interval, version: V2, size: 1000 });
  }
  // Same start, different ends: Druid orders by start, then end.
  segments.push({ dataSource: 'scale', interval: '2024-02-01/2024-03-01', version: V1, size: 5 });
  segments.push({ dataSource: 'scale', interval: '2024-02-01T00:00:00Z/2024-02-01T01:00:00Z', version: V1, size: 7 });
  const response = await call(cluster, 'POST', '/local-cluster/segments', { body: segments });
  expect(response.status, response.text).toBe(200);
});
afterAll(() => cluster.stop());

const overlapping = async (intervals: string[]) => {
  const response = await call(cluster, 'POST', `${METADATA}/datasources/scale/segments?full`, { body: intervals });
  expect(response.status, response.text).toBe(200);
  return response
    .json<Array<{ identifier: string }>>()
    .map((segment) => segment.identifier)
    .sort();
};

describe('POST /metadata/datasources/{ds}/segments?full with intervals', () => {
  it('returns used segments overlapping any interval, overshadowed ones included, edges exclusive', async () => {
    // Ends exactly where day 3 starts and starts exactly where day 4 ends: neither day 3 nor day 4 overlaps.
    const ids = await overlapping(['2024-01-02T12:00:00Z/2024-01-03', '2024-01-05/2024-01-05T06:00:00Z']);
    expect(ids).toEqual([dayId(2, V1), dayId(2, V1, 1), dayId(5, V1), dayId(5, V1, 1)].sort());
    // Overlapping day 3 by one millisecond: V2 and the V1 it overshadows; never the unused V0.
    expect(await overlapping(['2024-01-03T23:59:59.999Z/2024-01-04'])).toEqual(
      [dayId(3, V1), dayId(3, V1, 1), dayId(3, V2)].sort(),
    );
  });

  it('answers [] for an interval without segments and 400 for a bad one', async () => {
    expect(await overlapping(['2030-01-01/2031-01-01'])).toEqual([]);
    const bad = await call(cluster, 'POST', `${METADATA}/datasources/scale/segments?full`, { body: ['nonsense'] });
    expect(bad.status).toBe(400);
  });
});

describe('GET /metadata/datasources/{ds}/unusedSegments', () => {
  const page = async (query: string) =>
    (await getJson<SegmentPlus[]>(cluster, `${METADATA}/datasources/scale/unusedSegments?${query}`)).map(
      (row) => row.dataSegment.identifier,
    );
  const v0 = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => dayId(from + i, V0));

  it('keeps only segments fully inside the interval (contains), pages by ID in both directions', async () => {
    // Day 2 starts before the interval and day 6 ends after it: both excluded.
    const interval = 'interval=2024-01-02T06:00:00Z/2024-01-06T06:00:00Z';
    expect(await page(`${interval}&sortOrder=ASC`)).toEqual(v0(3, 5));
    expect(await page(`${interval}&sortOrder=ASC&limit=2`)).toEqual(v0(3, 4));
    expect(await page(`${interval}&sortOrder=ASC&limit=2&lastSegmentId=${dayId(4, V0)}`)).toEqual(v0(5, 5));
    expect(await page(`${interval}&sortOrder=DESC&limit=2`)).toEqual(v0(4, 5).reverse());
    expect(await page(`${interval}&sortOrder=DESC&limit=2&lastSegmentId=${dayId(4, V0)}`)).toEqual([dayId(3, V0)]);
  });

  it('pages through everything with keyset paging, ascending and descending', async () => {
    const ascending: string[] = [];
    for (let last = ''; ; ) {
      const next = await page(`sortOrder=ASC&limit=3${last ? `&lastSegmentId=${last}` : ''}`);
      ascending.push(...next);
      if (next.length < 3) break;
      last = next[next.length - 1] ?? '';
    }
    expect(ascending).toEqual(v0(1, 10));
    const descending = await page(`sortOrder=DESC&limit=4&lastSegmentId=${dayId(7, V0)}`);
    expect(descending).toEqual(v0(3, 6).reverse());
  });

  it('finds segments outside years 1000-9999 too, where IDs do not sort as time does', async () => {
    const old = [{ dataSource: 'scale', interval: '0999-01-01/0999-01-02', version: V0, used: false, size: 1 }];
    expect((await call(cluster, 'POST', '/local-cluster/segments', { body: old })).status).toBe(200);
    const ids = await page('interval=0900-01-01/2024-01-03&sortOrder=ASC');
    expect(ids).toEqual([segmentId('scale', Date.UTC(999, 0, 1), Date.UTC(999, 0, 2), V0), dayId(1, V0), dayId(2, V0)]);
  });
});

describe('GET /datasources/{ds}/intervals', () => {
  it('lists served intervals newest first (start, then end), with ?simple sizes and counts', async () => {
    const simple = await getJson<Record<string, { size: number; count: number }>>(
      cluster,
      `${COORDINATOR}/scale/intervals?simple`,
    );
    const keys = Object.keys(simple);
    expect(keys.slice(0, 3)).toEqual([
      '2024-02-01T00:00:00.000Z/2024-03-01T00:00:00.000Z',
      '2024-02-01T00:00:00.000Z/2024-02-01T01:00:00.000Z',
      '2024-01-10T00:00:00.000Z/2024-01-11T00:00:00.000Z',
    ]);
    expect(keys).toHaveLength(12);
    // Served only: V2 alone on day 3, both V1 partitions on day 2.
    expect(simple['2024-01-03T00:00:00.000Z/2024-01-04T00:00:00.000Z']).toEqual({ size: 1000, count: 1 });
    expect(simple['2024-01-02T00:00:00.000Z/2024-01-03T00:00:00.000Z']).toEqual({ size: 200, count: 2 });
    expect(await getJson(cluster, `${COORDINATOR}/scale/intervals`)).toEqual(keys);
  });
});

describe('markUnused and markUsed with {interval, versions}', () => {
  it('markUnused by interval changes only used segments fully inside, of the listed versions', async () => {
    const body = { interval: '2024-01-02T12:00:00Z/2024-01-05', versions: [V1] };
    // Days 3 and 4 of V1 (4 segments); day 2 is only partly inside.
    expect((await call(cluster, 'POST', `${OVERLORD}/scale/markUnused`, { body })).json()).toEqual(changed(4));
    expect((await call(cluster, 'POST', `${OVERLORD}/scale/markUnused`, { body })).json()).toEqual(changed(0));
  });

  it('markUsed brings back only what no used higher version overshadows', async () => {
    // Every unused candidate is covered: V1 of days 3-4 by V2, V0 of every day by V1.
    const all = { interval: '2024-01-01/2024-01-11' };
    expect((await call(cluster, 'POST', `${OVERLORD}/scale/markUsed`, { body: all })).json()).toEqual(changed(0));
    // Once V2 of day 3 is unused, V1 of day 3 is the highest candidate there: its two partitions come back.
    const v2 = { interval: '2024-01-03/2024-01-04', versions: [V2] };
    expect((await call(cluster, 'POST', `${OVERLORD}/scale/markUnused`, { body: v2 })).json()).toEqual(changed(1));
    const v0AndV1 = { interval: '2024-01-01/2024-01-05', versions: [V0, V1] };
    expect((await call(cluster, 'POST', `${COORDINATOR}/scale/markUsed`, { body: v0AndV1 })).json()).toEqual(
      changed(2),
    );
    const served = await getJson<Record<string, { count: number }>>(cluster, `${COORDINATOR}/scale/intervals?simple`);
    expect(served['2024-01-03T00:00:00.000Z/2024-01-04T00:00:00.000Z']).toEqual({ size: 200, count: 2 });
  });

  it('an empty versions list matches nothing', async () => {
    const body = { interval: '2024-01-01/2024-02-01', versions: [] };
    expect((await call(cluster, 'POST', `${OVERLORD}/scale/markUnused`, { body })).json()).toEqual(changed(0));
  });
});

describe('GET /datasources/{ds}/loadstatus', () => {
  const status = (query: string, name = 'scale') => call(cluster, 'GET', `${COORDINATOR}/${name}/loadstatus${query}`);

  it('requires forceMetadataRefresh', async () => {
    const response = await status('?simple');
    expect(response.status).toBe(400);
    expect(response.text).toBe('Invalid request. forceMetadataRefresh must be specified');
  });

  it('answers the percentage loaded, the unavailable count, or under-replication per tier', async () => {
    const interval = '&interval=2024-01-01_2024-02-01';
    const percent = await status(`?forceMetadataRefresh=false${interval}`);
    expect(percent.status).toBe(200);
    expect(percent.text).toBe('{"scale":100.0}');
    expect((await status(`?forceMetadataRefresh=true&simple${interval}`)).json()).toEqual({ scale: 0 });
    // _default's loadForever {_default_tier: 2} decides every segment.
    expect((await status(`?forceMetadataRefresh=true&full${interval}`)).json()).toEqual({
      _default_tier: { scale: 0 },
    });
  });

  it('defaults to the last 14 days and overlaps its interval', async () => {
    // NOW is 2024-02-10T12:00: the February segments overlap the last 14 days.
    expect((await status('?forceMetadataRefresh=false&simple')).json()).toEqual({ scale: 0 });
    expect((await status('?forceMetadataRefresh=false&interval=2024-01-10T23:00:00Z/2024-01-11')).status).toBe(200);
    expect((await status('?forceMetadataRefresh=false&interval=2024-01-11/2024-01-20')).status).toBe(204);
    expect((await status('?forceMetadataRefresh=false', 'nope')).status).toBe(204);
  });

  it('full: the tiers of the deciding load rules; 500 when no load rule decides any segment', async () => {
    const rules = (body: unknown) => call(cluster, 'POST', '/druid/coordinator/v1/rules/scale', { body });
    await rules([{ type: 'loadByInterval', interval: '2024-02-01/2024-03-01', tieredReplicants: { hot: 1 } }]);
    expect((await status('?forceMetadataRefresh=true&full&interval=2024-01-01/2024-03-01')).json()).toEqual({
      hot: { scale: 0 },
      _default_tier: { scale: 0 },
    });
    await rules([{ type: 'dropForever' }]);
    const none = await status('?forceMetadataRefresh=true&full&interval=2024-01-01/2024-03-01');
    expect(none.status).toBe(500);
    expect(none.text).toBe('Coordinator segment replicant lookup is not initialized yet. Try again later.');
  });

  it('a bad interval fails as Druid does, with a 500', async () => {
    expect((await status('?forceMetadataRefresh=true&interval=nonsense')).status).toBe(500);
  });
});
