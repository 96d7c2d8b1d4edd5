import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  call,
  changed,
  DONNEES,
  DONNEES_VERSION,
  dailyId,
  ds,
  getJson,
  METADATA,
  OVERLORD,
  segmentPath,
  sorted,
  unusedIds,
  usedIds,
} from './api-helpers.ts';

// Segment IDs with underscores in the datasource name and the version (druid-api.md §4).
let cluster: TestCluster;
const AMBIGUOUS = 'amb_iguous_ds';

beforeAll(async () => {
  cluster = await startTestCluster();
  // The local stand-in for ingestion publishes segments with these exact versions and partitions.
  const response = await call(cluster, 'POST', '/local-cluster/segments', {
    body: [
      // `…_ver_1` is both (version ver, partition 1) and (version ver_1, partition 0).
      { dataSource: AMBIGUOUS, interval: '2020-01-01/2020-01-02', version: 'ver_1', size: 10 },
      { dataSource: AMBIGUOUS, interval: '2020-01-02/2020-01-03', version: 'ver', partitionNum: 1, partitions: 2 },
      // A trailing `_0` is never a partition number.
      { dataSource: AMBIGUOUS, interval: '2020-01-03/2020-01-04', version: 'ver_0' },
    ],
  });
  expect(response.json()).toEqual({ published: 3 });
});
afterAll(() => cluster.stop());

describe('données_ventes_été (non-ASCII, underscores)', () => {
  const id = (d: string) => dailyId(DONNEES, d, DONNEES_VERSION);

  it('lists its segments under the decoded name', async () => {
    expect(await usedIds(cluster, DONNEES)).toHaveLength(7);
    expect(sorted(await unusedIds(cluster, DONNEES))).toEqual([id('2024-07-08'), id('2024-07-09'), id('2024-07-10')]);
    const names = await getJson<string[]>(cluster, `${METADATA}/datasources`);
    expect(names).toContain(DONNEES);
  });

  it('marks one segment unused and used again through percent-encoded paths', async () => {
    const path = segmentPath(OVERLORD, DONNEES, id('2024-07-01'));
    expect((await call(cluster, 'DELETE', path)).json()).toEqual(changed(1));
    expect((await call(cluster, 'POST', path)).json()).toEqual(changed(1));
  });

  it('marks by IDs and by interval', async () => {
    const used = await call(cluster, 'POST', `${OVERLORD}/${ds(DONNEES)}/markUsed`, {
      body: { segmentIds: [id('2024-07-08'), id('2024-07-09')] },
    });
    expect(used.json()).toEqual(changed(2));
    const unused = await call(cluster, 'POST', `${OVERLORD}/${ds(DONNEES)}/markUnused`, {
      body: { interval: '2024-07-08/2024-07-10' },
    });
    expect(unused.json()).toEqual(changed(2));
  });

  it('reads one segment by ID', async () => {
    const segment = await getJson<{ identifier: string; dataSource: string }>(
      cluster,
      `${METADATA}/datasources/${ds(DONNEES)}/segments/${encodeURIComponent(id('2024-07-02'))}`,
    );
    expect(segment).toMatchObject({ identifier: id('2024-07-02'), dataSource: DONNEES });
  });
});

describe('the version/partition ambiguity of `…_ver_1`', () => {
  const verOne = `${AMBIGUOUS}_2020-01-01T00:00:00.000Z_2020-01-02T00:00:00.000Z_ver_1`;
  const partitionOne = `${AMBIGUOUS}_2020-01-02T00:00:00.000Z_2020-01-03T00:00:00.000Z_ver_1`;
  const verZero = `${AMBIGUOUS}_2020-01-03T00:00:00.000Z_2020-01-04T00:00:00.000Z_ver_0`;

  it('stores the IDs exactly as Druid formats them', async () => {
    expect(sorted(await usedIds(cluster, AMBIGUOUS))).toEqual([verOne, partitionOne, verZero]);
  });

  it('resolves each reading to the right segment', async () => {
    const read = (id: string) =>
      getJson<{ version: string; shardSpec: { partitionNum: number } }>(
        cluster,
        `${METADATA}/datasources/${AMBIGUOUS}/segments/${encodeURIComponent(id)}`,
      );
    expect(await read(verOne)).toMatchObject({ version: 'ver_1', shardSpec: { partitionNum: 0 } });
    expect(await read(partitionOne)).toMatchObject({ version: 'ver', shardSpec: { partitionNum: 1 } });
    expect(await read(verZero)).toMatchObject({ version: 'ver_0', shardSpec: { partitionNum: 0 } });
  });

  it('marks each of them unused and used again', async () => {
    for (const id of [verOne, partitionOne, verZero]) {
      expect((await call(cluster, 'DELETE', segmentPath(OVERLORD, AMBIGUOUS, id))).json()).toEqual(changed(1));
    }
    expect(await usedIds(cluster, AMBIGUOUS)).toEqual([]);
    const response = await call(cluster, 'POST', `${OVERLORD}/${AMBIGUOUS}/markUsed`, {
      body: { segmentIds: [verOne, partitionOne, verZero] },
    });
    expect(response.json()).toEqual(changed(3));
  });

  it('filters by the exact version string', async () => {
    const response = await call(cluster, 'POST', `${OVERLORD}/${AMBIGUOUS}/markUnused`, {
      body: { interval: '2020-01-01/2020-02-01', versions: ['ver'] },
    });
    expect(response.json()).toEqual(changed(1));
    expect(await unusedIds(cluster, AMBIGUOUS)).toEqual([partitionOne]);
  });

  it('parses the datasource name with underscores only as a whole', async () => {
    // For datasource `amb`, the rest `iguous_ds_2020…` does not start with a timestamp.
    const response = await call(cluster, 'DELETE', segmentPath(OVERLORD, 'amb', verOne));
    expect(response.status).toBe(400);
    expect(response.text).toBe(`Could not parse Segment ID[${verOne}] for DataSource[amb]`);
  });
});

describe('a datasource whose name starts with another datasource and a timestamp', () => {
  // The ID of `edge_2020-01-01T00:00:00.000Z`'s segment also parses for datasource `edge` (start 2020, end 2021,
  // version 2022…_v), so only the datasource column tells them apart.
  const LONG = 'edge_2020-01-01T00:00:00.000Z';
  const id = `${LONG}_2021-01-01T00:00:00.000Z_2022-01-01T00:00:00.000Z_v`;

  beforeAll(async () => {
    await call(cluster, 'POST', '/local-cluster/segments', {
      body: [
        { dataSource: LONG, interval: '2021/2022', version: 'v' },
        // (`edge` with interval 2020/2021 and that version would have the very same ID: the store refuses it.)
        { dataSource: 'edge', interval: '2019/2020', version: 'v' },
      ],
    });
  });

  it('marking through the shorter name touches only its own segment', async () => {
    const byIds = await call(cluster, 'POST', `${OVERLORD}/edge/markUnused`, { body: { segmentIds: [id] } });
    expect(byIds.json()).toEqual(changed(0));
    const single = await call(cluster, 'DELETE', segmentPath(OVERLORD, 'edge', id));
    expect(single.json()).toEqual(changed(0));
    expect(await usedIds(cluster, LONG)).toEqual([id]);
  });

  it('the longer name marks its own', async () => {
    const response = await call(cluster, 'POST', `${OVERLORD}/${ds(LONG)}/markUnused`, { body: { segmentIds: [id] } });
    expect(response.json()).toEqual(changed(1));
    const back = await call(cluster, 'POST', `${OVERLORD}/edge/markUsed`, { body: { segmentIds: [id] } });
    expect(back.status).toBe(400);
    expect(await unusedIds(cluster, LONG)).toEqual([id]);
  });
});
