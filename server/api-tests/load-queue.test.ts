import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { COORDINATOR, call, getJson, OVERLORD } from './api-helpers.ts';

// Historicals that load and drop at --load-rate 2 (segments a second per server), on a clock the test moves.
let clock = Date.parse('2024-03-01T00:00:00.000Z');
let cluster: TestCluster;
const LOAD_QUEUE = '/druid/coordinator/v1/loadqueue';
const [DEFAULT_A, DEFAULT_B, HOT] = ['localhost:8083', 'localhost:8283', 'localhost:8483'];

interface SimpleQueue {
  segmentsToLoad: number;
  segmentsToDrop: number;
  segmentsToLoadSize: number;
  segmentsToDropSize: number;
  expectedLoadTimeMillis: number;
}

const day = (i: number) => `2024-01-${String(i + 1).padStart(2, '0')}/2024-01-${String(i + 2).padStart(2, '0')}`;

beforeAll(async () => {
  cluster = await startTestCluster({ seed: 'none', now: () => clock, config: { loadRate: 2 } });
  const segments = Array.from({ length: 6 }, (_, i) => ({ dataSource: 'conv', interval: day(i), version: 'v1' }));
  expect((await call(cluster, 'POST', '/local-cluster/segments', { body: segments })).status).toBe(200);
});
afterAll(() => cluster.stop());

const runDuty = async () => expect((await call(cluster, 'POST', '/local-cluster/coordinator/run')).status).toBe(200);
const queues = () => getJson<Record<string, SimpleQueue>>(cluster, `${LOAD_QUEUE}?simple`);
const status = (flags: string) =>
  call(
    cluster,
    'GET',
    `${COORDINATOR}/conv/loadstatus?forceMetadataRefresh=true&interval=2024-01-01/2024-02-01${flags}`,
  );
const pending = async () =>
  Object.fromEntries(Object.entries(await queues()).map(([host, q]) => [host, [q.segmentsToLoad, q.segmentsToDrop]]));

describe('loadqueue and loadstatus while historicals load at a rate', () => {
  it('new segments are unavailable until the duty queues them and the historicals load them', async () => {
    expect((await status('&simple')).json()).toEqual({ conv: 6 });
    expect((await status('')).text).toBe('{"conv":0.0}');
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 0], [DEFAULT_B]: [0, 0], [HOT]: [0, 0] });

    await runDuty();
    // _default's loadForever {_default_tier: 2}: every segment on both default historicals.
    const queued = await queues();
    expect(queued[DEFAULT_A]).toEqual({
      segmentsToLoad: 6,
      segmentsToDrop: 0,
      segmentsToLoadSize: 6_000_000,
      segmentsToDropSize: 0,
      expectedLoadTimeMillis: 3000,
    });
    expect((await status('&full')).json()).toEqual({ _default_tier: { conv: 12 } });

    clock += 1500; // 3 segments each
    expect(await pending()).toEqual({ [DEFAULT_A]: [3, 0], [DEFAULT_B]: [3, 0], [HOT]: [0, 0] });
    expect((await status('&simple')).json()).toEqual({ conv: 3 });
    expect((await status('')).text).toBe('{"conv":50.0}');
    expect((await status('&full')).json()).toEqual({ _default_tier: { conv: 6 } });

    clock += 1500;
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 0], [DEFAULT_B]: [0, 0], [HOT]: [0, 0] });
    expect((await status('')).text).toBe('{"conv":100.0}');
    expect((await status('&full')).json()).toEqual({ _default_tier: { conv: 0 } });
  });

  it('a rule change moves segments between tiers: loads on one, drops on the other, drops first', async () => {
    const rules = [{ type: 'loadForever', tieredReplicants: { hot: 1 } }];
    expect((await call(cluster, 'POST', '/druid/coordinator/v1/rules/conv', { body: rules })).status).toBe(200);
    // Nothing moves before the Coordinator runs, and its replication status still counts what the old rules required.
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 0], [DEFAULT_B]: [0, 0], [HOT]: [0, 0] });
    expect((await status('&full')).json()).toEqual({ _default_tier: { conv: 0 } });
    await runDuty();
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 6], [DEFAULT_B]: [0, 6], [HOT]: [6, 0] });
    // The default IDs listing and ?full name the queued segments.
    const ids = await getJson<Record<string, { segmentsToLoad: string[]; segmentsToDrop: string[] }>>(
      cluster,
      LOAD_QUEUE,
    );
    expect(ids[HOT]?.segmentsToLoad).toHaveLength(6);
    expect(ids[HOT]?.segmentsToLoad.every((id) => id.startsWith('conv_2024-01-'))).toBe(true);
    const full = await getJson<Record<string, { segmentsToDrop: Array<{ dataSource: string }> }>>(
      cluster,
      `${LOAD_QUEUE}?full`,
    );
    expect(full[DEFAULT_A]?.segmentsToDrop.map((s) => s.dataSource)).toEqual(Array(6).fill('conv'));
    expect((await status('&full')).json()).toEqual({ hot: { conv: 6 } });

    clock += 2000;
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 2], [DEFAULT_B]: [0, 2], [HOT]: [2, 0] });
    const servers = await getJson<Array<{ host: string; currSize: number }>>(
      cluster,
      '/druid/coordinator/v1/servers?simple',
    );
    expect(servers.map((s) => [s.host, s.currSize])).toEqual([
      [DEFAULT_A, 2_000_000],
      [DEFAULT_B, 2_000_000],
      [HOT, 4_000_000],
    ]);
    const tiers = await getJson<Record<string, { currSize: number }>>(cluster, '/druid/coordinator/v1/tiers?simple');
    expect(tiers._default_tier?.currSize).toBe(4_000_000);
    expect(await getJson(cluster, '/druid/coordinator/v1/tiers/hot')).toEqual(['conv']);

    clock += 1000;
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 0], [DEFAULT_B]: [0, 0], [HOT]: [0, 0] });
    expect((await status('&full')).json()).toEqual({ hot: { conv: 0 } });
    expect(await getJson(cluster, '/druid/coordinator/v1/tiers/_default_tier')).toEqual([]);
  });

  it('full counts replicas a tier cannot hold; computeUsingClusterView counts only what its servers can', async () => {
    const rules = [{ type: 'loadForever', tieredReplicants: { hot: 2 } }];
    await call(cluster, 'POST', '/druid/coordinator/v1/rules/conv', { body: rules });
    await runDuty();
    // hot has one historical, which holds all 6 already: a second replica has nowhere to go.
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 0], [DEFAULT_B]: [0, 0], [HOT]: [0, 0] });
    expect((await status('&full')).json()).toEqual({ hot: { conv: 6 } });
    expect((await status('&full&computeUsingClusterView')).json()).toEqual({ hot: { conv: 0 } });
    // Back to one replica: nothing to move.
    await call(cluster, 'POST', '/druid/coordinator/v1/rules/conv', {
      body: [{ ...rules[0], tieredReplicants: { hot: 1 } }],
    });
    await runDuty();
  });

  it('/loadstatus answers every datasource; marking all unused drops them once the duty runs', async () => {
    expect((await call(cluster, 'GET', '/druid/coordinator/v1/loadstatus')).text).toBe('{"conv":100.0}');
    expect(await getJson(cluster, '/druid/coordinator/v1/loadstatus?simple')).toEqual({ conv: 0 });
    expect(await getJson(cluster, '/druid/coordinator/v1/loadstatus?full')).toEqual({ hot: { conv: 0 } });
    expect((await call(cluster, 'DELETE', `${OVERLORD}/conv`)).status).toBe(200);
    expect(await getJson(cluster, '/druid/coordinator/v1/loadstatus')).toEqual({});
    await runDuty();
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 0], [DEFAULT_B]: [0, 0], [HOT]: [0, 6] });
    clock += 3000;
    expect(await pending()).toEqual({ [DEFAULT_A]: [0, 0], [DEFAULT_B]: [0, 0], [HOT]: [0, 0] });
    expect(await getJson(cluster, '/druid/coordinator/v1/tiers/hot')).toEqual([]);
  });
});

describe('without a load rate', () => {
  it('historicals hold what the rules assign at once, and the queues stay empty', async () => {
    const instant = await startTestCluster({ seed: 'none' });
    try {
      const body = [0, 1].map((i) => ({ dataSource: 'now', interval: day(i), version: 'v1' }));
      await call(instant, 'POST', '/local-cluster/segments', { body });
      const servers = await getJson<Array<{ currSize: number }>>(instant, '/druid/coordinator/v1/servers?simple');
      expect(servers.map((s) => s.currSize)).toEqual([2_000_000, 2_000_000, 0]);
      await call(instant, 'POST', '/druid/coordinator/v1/rules/now', { body: [{ type: 'broadcastForever' }] });
      const after = await getJson<Array<{ currSize: number }>>(instant, '/druid/coordinator/v1/servers?simple');
      expect(after.map((s) => s.currSize)).toEqual([2_000_000, 2_000_000, 2_000_000]);
      const queue = await getJson<Record<string, SimpleQueue>>(instant, `${LOAD_QUEUE}?simple`);
      expect(Object.values(queue).map((q) => q.segmentsToLoad + q.segmentsToDrop)).toEqual([0, 0, 0]);
    } finally {
      await instant.stop();
    }
  });
});
