import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  COORDINATOR,
  call,
  changed,
  ds,
  getJson,
  METADATA,
  OVERLORD,
  SALES_V1,
  SALES_V2,
  segmentPath,
  unusedIds,
  waitFor,
  wikiHourId,
} from './api-helpers.ts';
import { referenceFromScratch, storedGroups } from './summary-reference.ts';

// The summaries behind the served views (segment_groups, datasource totals, cached and patched served intervals)
// must equal a from-scratch computation over every segment row after each kind of write.
const NOW = Date.parse('2024-07-20T00:00:00.000Z');
const HOUR = 3_600_000;
// `pub` is published with a known layout: 50 hours of 4 partitions in two versions; the old one unused, the new one
// unused every fifth hour. `gen` comes from the generator, whose layout these tests do not assume.
const PUB_OLD = '2023-01-01T00:00:00.000Z';
const PUB_NEW = '2024-02-01T00:00:00.000Z';
const PUB_START = Date.UTC(2024, 0, 1) - 50 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

let cluster: TestCluster;
beforeAll(async () => {
  // `gen` comes from the generator, which inserts in SQL and then calls bumpSegmentsGeneration without datasource.
  cluster = await startTestCluster({ now: () => NOW, generate: [{ dataSource: 'gen', count: 400 }] });
  const segments = [];
  for (let h = 0; h < 50; h++) {
    const interval = `${iso(PUB_START + h * HOUR)}/${iso(PUB_START + (h + 1) * HOUR)}`;
    for (let partitionNum = 0; partitionNum < 4; partitionNum++) {
      segments.push({ dataSource: 'pub', interval, version: PUB_OLD, partitionNum, partitions: 4, used: false });
      segments.push({ dataSource: 'pub', interval, version: PUB_NEW, partitionNum, partitions: 4, used: h % 5 !== 0 });
    }
  }
  const response = await call(cluster, 'POST', '/local-cluster/segments', { body: segments });
  expect(response.status, response.text).toBe(200);
});
afterAll(() => cluster.stop());

async function expectExact(step: string) {
  const reference = referenceFromScratch(cluster.ctx.db);
  expect(storedGroups(cluster.ctx.db), `${step}: segment_groups`).toEqual(reference.groups);
  expect(await getJson(cluster, `${METADATA}/datasources`), step).toEqual(reference.usedNames);
  expect(await getJson(cluster, `${METADATA}/datasources?includeUnused`), step).toEqual(reference.allNames);
  expect(await getJson(cluster, COORDINATOR), step).toEqual(reference.usedNames);
  expect(await getJson(cluster, `${COORDINATOR}?simple`), step).toEqual(reference.simple);
  for (const name of reference.allNames) {
    const served = reference.intervals.get(name);
    const simple = await call(cluster, 'GET', `${COORDINATOR}/${ds(name)}/intervals?simple`);
    const plain = await call(cluster, 'GET', `${COORDINATOR}/${ds(name)}/intervals`);
    const load = await call(
      cluster,
      'GET',
      `${COORDINATOR}/${ds(name)}/loadstatus?forceMetadataRefresh=true&interval=1000/3000`,
    );
    if (!served) {
      expect([simple.status, plain.status, load.status], `${step}: ${name}`).toEqual([204, 204, 204]);
      continue;
    }
    // Entries in order: newest first.
    expect(Object.entries(simple.json<object>()), `${step}: ${name}`).toEqual(served);
    expect(plain.json(), `${step}: ${name}`).toEqual(served.map(([interval]) => interval));
    expect(load.json(), `${step}: ${name}`).toEqual({ [name]: 100 });
  }
  const flags = await getJson<Array<{ identifier: string; overshadowed: boolean }>>(
    cluster,
    `${METADATA}/segments?includeOvershadowedStatus`,
  );
  const overshadowed = flags.filter((row) => row.overshadowed).map((row) => row.identifier);
  expect(new Set(overshadowed), `${step}: overshadowed`).toEqual(reference.overshadowed);
}

const pubId = (hour: number, version: string, partition = 0) => {
  const start = PUB_START + hour * HOUR;
  return `pub_${iso(start)}_${iso(start + HOUR)}_${version}${partition ? `_${partition}` : ''}`;
};

async function post(path: string, body: unknown, expected?: number) {
  const response = await call(cluster, 'POST', path, { body });
  expect(response.status, response.text).toBe(200);
  if (expected !== undefined) expect(response.json()).toEqual(changed(expected));
}

describe('every summary stays exact', () => {
  it('after start-up: seeded, generated and published', () => expectExact('start'));

  it('after publishing a higher version that overshadows part of a datasource', async () => {
    const segments = [0, 1, 2].map((h) => ({
      dataSource: 'pub',
      interval: `${iso(PUB_START + h * HOUR)}/${iso(PUB_START + (h + 1) * HOUR)}`,
      version: '2024-03-01T00:00:00.000Z',
      size: 123,
    }));
    await post('/local-cluster/segments', segments);
    await expectExact('publish');
  });

  it('after marks by IDs, unused then used', async () => {
    await post(`${OVERLORD}/pub/markUnused`, { segmentIds: [pubId(3, PUB_NEW), pubId(3, PUB_NEW, 1)] }, 2);
    await expectExact('markUnused IDs');
    // The old version of hour 4 is overshadowed by the new one, so only hour 3 comes back.
    await post(`${OVERLORD}/pub/markUsed`, { segmentIds: [pubId(3, PUB_NEW), pubId(4, PUB_OLD)] }, 1);
    await expectExact('markUsed IDs');
  });

  it('after marks by interval and versions', async () => {
    const interval = `${iso(PUB_START + 10 * HOUR)}/${iso(PUB_START + 20 * HOUR)}`;
    await post(`${OVERLORD}/pub/markUnused`, { interval, versions: [PUB_NEW] });
    await expectExact('markUnused interval');
    // The old version comes back where the new one is now unused: nothing overshadows it any more.
    await post(`${OVERLORD}/pub/markUsed`, { interval, versions: [PUB_OLD] }, 40);
    await expectExact('markUsed old version');
    // The new version is not overshadowed: it comes back, and the old one is used but overshadowed again.
    await post(`${COORDINATOR}/pub/markUsed`, { interval }, 40);
    await expectExact('markUsed interval, overshadowing used segments');
  });

  it('after marking all unused and all used', async () => {
    for (const name of ['sales_events', 'gen']) {
      expect((await call(cluster, 'DELETE', `${OVERLORD}/${name}`)).status).toBe(200);
      await expectExact(`mark all unused: ${name}`);
      await post(`${OVERLORD}/${name}`, undefined);
      await expectExact(`mark all used: ${name}`);
    }
  });

  it('after single-segment marks, one reviving an overshadowed segment', async () => {
    const v1 = `sales_events_2024-01-02T00:00:00.000Z_2024-01-03T00:00:00.000Z_${SALES_V1}`;
    expect((await call(cluster, 'POST', segmentPath(OVERLORD, 'sales_events', v1))).status).toBe(200);
    await expectExact('single used, overshadowed');
    const v2 = `sales_events_2024-01-02T00:00:00.000Z_2024-01-03T00:00:00.000Z_${SALES_V2}`;
    expect((await call(cluster, 'DELETE', segmentPath(OVERLORD, 'sales_events', v2))).status).toBe(200);
    await expectExact('single unused, uncovering');
    expect((await call(cluster, 'DELETE', segmentPath(OVERLORD, 'wikipedia_hour', wikiHourId(5)))).status).toBe(200);
    await expectExact('single unused');
  });

  it('after coordinator duty runs: overshadowed marked unused, replication, drop rules', async () => {
    await post(
      `${OVERLORD}/sales_events/segments/${encodeURIComponent(`sales_events_2024-01-02T00:00:00.000Z_2024-01-03T00:00:00.000Z_${SALES_V2}`)}`,
      undefined,
    );
    expect((await call(cluster, 'POST', '/local-cluster/coordinator/run')).status).toBe(200);
    await expectExact('duty');
    await post('/druid/coordinator/v1/rules/pub', [
      { type: 'dropByInterval', interval: `${iso(PUB_START)}/${iso(PUB_START + 5 * HOUR)}` },
      { type: 'loadForever', tieredReplicants: { hot: 1 } },
    ]);
    expect((await call(cluster, 'POST', '/local-cluster/coordinator/run')).status).toBe(200);
    await expectExact('duty with rules');
  });

  it('after a kill task deletes unused segments', async () => {
    const before = await unusedIds(cluster, 'pub');
    const interval = `${iso(PUB_START)}_${iso(PUB_START + 25 * HOUR)}`;
    expect((await call(cluster, 'DELETE', `${COORDINATOR}/pub/intervals/${interval}`)).status).toBe(200);
    await waitFor(
      () => unusedIds(cluster, 'pub'),
      (ids) => ids.length < before.length,
    );
    await expectExact('kill');
  });

  it('after killing every segment of a datasource, generated ones included', async () => {
    for (const name of ['wikipedia_hour', 'gen']) {
      expect((await call(cluster, 'DELETE', `${OVERLORD}/${name}`)).status).toBe(200);
      const kill = await call(cluster, 'DELETE', `${COORDINATOR}/${name}/intervals/1000-01-01_3000-01-01`);
      expect(kill.status).toBe(200);
      await waitFor(
        () => getJson<string[]>(cluster, `${METADATA}/datasources?includeUnused`),
        (names) => !names.includes(name),
      );
      await expectExact(`kill all: ${name}`);
    }
  });
});
