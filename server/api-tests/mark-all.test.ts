import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { COORDINATOR, call, changed, DONNEES, ds, OVERLORD, SALES_V1, unusedIds, usedIds } from './api-helpers.ts';

// Whole-datasource marking: DELETE /:ds = all unused, POST /:ds = all non-overshadowed used (druid-api.md §2.3 e, f).
// One cluster per block; the tests of a block run in order and build on each other.
let cluster: TestCluster;
const fresh = () => {
  beforeAll(async () => {
    cluster = await startTestCluster();
  });
  afterAll(() => cluster.stop());
};

const JANUARY = '?interval=2024-01-01T00:00:00.000Z/2024-02-01T00:00:00.000Z';

describe.each([
  ['Coordinator', COORDINATOR],
  ['Overlord', OVERLORD],
])('%s path', (_name, base) => {
  fresh();

  it('POST marks every non-overshadowed unused segment used; January v1 stays unused', async () => {
    const response = await call(cluster, 'POST', `${base}/sales_events`);
    expect(response.status).toBe(200);
    // February 10–19, three partitions each.
    expect(response.json()).toEqual(changed(30));
    const unused = await unusedIds(cluster, 'sales_events');
    expect(unused).toHaveLength(92);
    expect(unused.every((id) => id.includes('2024-01-') && id.includes(SALES_V1))).toBe(true);
    expect((await call(cluster, 'POST', `${base}/sales_events`)).json()).toEqual(changed(0));
  });

  it('DELETE marks every used segment unused, overshadowed ones included', async () => {
    const response = await call(cluster, 'DELETE', `${base}/sales_events`);
    expect(response.status).toBe(200);
    // The 120 used at seed time plus the 30 the previous test brought back.
    expect(response.json()).toEqual(changed(150));
    expect(await usedIds(cluster, 'sales_events')).toEqual([]);
    expect(await unusedIds(cluster, 'sales_events')).toHaveLength(242);
    expect((await call(cluster, 'DELETE', `${base}/sales_events`)).json()).toEqual(changed(0));
  });

  it('after DELETE, POST brings back only what is not overshadowed', async () => {
    // January v2 (31) + February v1 (29 days × 3) + March (31); all 93 January v1 segments stay unused.
    expect((await call(cluster, 'POST', `${base}/sales_events`)).json()).toEqual(changed(149));
    const januaryUnused = await unusedIds(cluster, 'sales_events', JANUARY);
    expect(januaryUnused).toHaveLength(93);
    expect(januaryUnused.every((id) => id.includes(SALES_V1))).toBe(true);
  });

  it('answers 200 with no change for a datasource it has never seen', async () => {
    for (const method of ['POST', 'DELETE']) {
      const response = await call(cluster, method, `${base}/nowhere`);
      expect(response.status).toBe(200);
      expect(response.json()).toEqual(changed(0));
    }
  });

  it('works on a non-ASCII datasource name', async () => {
    expect((await call(cluster, 'DELETE', `${base}/${ds(DONNEES)}`)).json()).toEqual(changed(7));
    expect((await call(cluster, 'POST', `${base}/${ds(DONNEES)}`)).json()).toEqual(changed(10));
  });
});

describe('other datasources', () => {
  fresh();

  it('the deprecated DELETE with kill=false (or anything but true) only marks unused', async () => {
    const response = await call(cluster, 'DELETE', `${COORDINATOR}/wikipedia_api?kill=false&interval=2016/2017`);
    expect(response.json()).toEqual(changed(7));
    expect(await unusedIds(cluster, 'wikipedia_api')).toHaveLength(7);
    const tasks = await call(cluster, 'GET', '/druid/indexer/v1/tasks?datasource=wikipedia_api');
    expect(tasks.json()).toEqual([]);
  });

  it('leaves other datasources alone', async () => {
    await call(cluster, 'DELETE', `${OVERLORD}/wikipedia_hour`);
    expect(await usedIds(cluster, 'kttm1')).toHaveLength(14);
    expect(await usedIds(cluster, 'sales_events')).toHaveLength(120);
  });
});
