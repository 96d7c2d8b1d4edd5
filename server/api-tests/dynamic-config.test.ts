import { availableParallelism } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../cluster/routes/http.ts';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, getJson } from './api-helpers.ts';

// GET/POST /druid/coordinator/v1/config and its history (CoordinatorDynamicConfigsResource; druid-kill-lifecycle.md).
const CONFIG = '/druid/coordinator/v1/config';
const NOW = Date.parse('2026-01-01T12:00:00.000Z');

let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster({ seed: 'none', now: () => NOW });
});
afterAll(() => cluster.stop());

type Config = Record<string, unknown>;
const getConfig = () => getJson<Config>(cluster, CONFIG);
const post = (body: unknown, headers: Record<string, string> = {}) => call(cluster, 'POST', CONFIG, { body, headers });

interface AuditEntry {
  key: string;
  type: string;
  auditInfo: { author: string; identity: string | null; comment: string; ip: string };
  request: unknown;
  payload: string;
  auditTime: string;
}

describe('GET: the full config with Druid’s names and defaults', () => {
  it('answers the defaults when nothing was ever posted', async () => {
    expect(await getConfig()).toEqual({
      millisToWaitBeforeDeleting: 900000,
      maxSegmentsToMove: 100,
      replicantLifetime: 15,
      replicationThrottleLimit: 500,
      balancerComputeThreads: Math.max(1, Math.floor(availableParallelism() / 2)),
      killDataSourceWhitelist: [],
      killTaskSlotRatio: 0.1,
      maxKillTaskSlots: 2147483647,
      killPendingSegmentsSkipList: [],
      maxSegmentsInNodeLoadingQueue: 500,
      decommissioningNodes: [],
      pauseCoordination: false,
      replicateAfterLoadTimeout: false,
      useRoundRobinSegmentAssignment: true,
      smartSegmentLoading: true,
      debugDimensions: null,
      turboLoadingNodes: [],
      cloneServers: {},
    });
  });
});

describe('POST: a partial body merged into the current config', () => {
  it('changes only the fields given, answers 200 with an empty body, and ignores unknown fields', async () => {
    const before = await getConfig();
    const response = await post({ killTaskSlotRatio: 0.5, maxKillTaskSlots: 3, noSuchField: 1 });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    expect(await getConfig()).toEqual({ ...before, killTaskSlotRatio: 0.5, maxKillTaskSlots: 3 });
    // A later partial POST keeps what the earlier one set; null means "keep".
    expect((await post({ maxSegmentsToMove: 7, killTaskSlotRatio: null })).status).toBe(200);
    expect(await getConfig()).toMatchObject({ killTaskSlotRatio: 0.5, maxKillTaskSlots: 3, maxSegmentsToMove: 7 });
  });

  it.each([
    ['a JSON array', ['wiki', 'sales', 'wiki'], ['wiki', 'sales']],
    ['a comma-separated string, trimmed, blanks dropped', ' wiki, sales ,,', ['wiki', 'sales']],
    ['an empty array (all datasources)', [], []],
    // parseJsonStringOrArray: anything else is an empty set, which means every datasource.
    ['a number', 5, []],
  ])('reads killDataSourceWhitelist given as %s', async (_form, given, stored) => {
    expect((await post({ killDataSourceWhitelist: given })).status).toBe(200);
    expect((await getConfig()).killDataSourceWhitelist).toEqual(stored);
  });

  it('coerces numeric strings as Jackson does', async () => {
    expect((await post({ killTaskSlotRatio: '0.25', maxKillTaskSlots: '4' })).status).toBe(200);
    expect(await getConfig()).toMatchObject({ killTaskSlotRatio: 0.25, maxKillTaskSlots: 4 });
  });
});

describe('POST: values Druid refuses change nothing', () => {
  it.each([
    [{ killTaskSlotRatio: 1.5 }, 'killTaskSlotRatio [1.50] is invalid. It must be >= 0 and <= 1.'],
    [{ killTaskSlotRatio: -0.1 }, 'killTaskSlotRatio [-0.10] is invalid. It must be >= 0 and <= 1.'],
    [{ maxKillTaskSlots: -1 }, 'maxKillTaskSlots [-1] is invalid. It must be >= 0.'],
  ])('%j: the InvalidInput escapes the resource as Jetty’s HTML 500 with Druid’s message', async (body, message) => {
    const before = await getConfig();
    const historyBefore = await getJson<unknown[]>(cluster, `${CONFIG}/history?count=100`);
    const response = await post({ ...body, maxSegmentsToMove: 99 });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain(escapeHtml(`org.apache.druid.error.DruidException: ${message}`));
    expect(await getConfig()).toEqual(before);
    expect(await getJson<unknown[]>(cluster, `${CONFIG}/history?count=100`)).toHaveLength(historyBefore.length);
  });

  it.each([
    [{ killTaskSlotRatio: 'half' }, 'Cannot deserialize value of type `java.lang.Double` from String "half"'],
    [{ maxKillTaskSlots: [1] }, 'Cannot deserialize value of type `java.lang.Integer` from Array value'],
    [{ pauseCoordination: 'maybe' }, 'Cannot deserialize value of type `java.lang.Boolean` from String "maybe"'],
    [['killTaskSlotRatio'], 'CoordinatorDynamicConfig$Builder` from Array value'],
  ])('%j: a Jackson mapping error is a 400 {"error"}', async (body, message) => {
    const before = await getConfig();
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.json<{ error: string }>().error).toContain(message);
    expect(await getConfig()).toEqual(before);
  });

  it('an empty body is a null Builder: Jetty’s HTML 500', async () => {
    const response = await call(cluster, 'POST', CONFIG, { body: '' });
    expect(response.status).toBe(500);
    expect(response.text).toContain('java.lang.NullPointerException');
  });
});

describe('audit: every accepted POST is a coordinator.config entry', () => {
  it('records author, comment, identity and IP, the payload as a JSON string of the whole new config', async () => {
    const response = await post(
      { killDataSourceWhitelist: ['wikipedia'] },
      { 'X-Druid-Author': 'alice', 'X-Druid-Comment': 'only wikipedia may be auto-killed' },
    );
    expect(response.status).toBe(200);
    const [latest] = await getJson<AuditEntry[]>(cluster, `${CONFIG}/history?count=1`);
    expect(latest).toMatchObject({
      key: 'coordinator.config',
      type: 'coordinator.config',
      auditInfo: { author: 'alice', identity: null, comment: 'only wikipedia may be auto-killed', ip: '127.0.0.1' },
      request: { service: 'coordinator', method: 'POST', uri: CONFIG },
      auditTime: '2026-01-01T12:00:00.000Z',
    });
    expect(typeof latest?.payload).toBe('string');
    expect(JSON.parse(latest?.payload ?? '')).toEqual(await getConfig());
  });

  it('answers count (newest first), interval (oldest first) and the default week like the rules history', async () => {
    const newestFirst = await getJson<AuditEntry[]>(cluster, `${CONFIG}/history?count=100`);
    expect(newestFirst.length).toBeGreaterThan(3);
    const inWeek = await getJson<AuditEntry[]>(cluster, `${CONFIG}/history`);
    expect(inWeek.map((e) => e.payload)).toEqual(newestFirst.map((e) => e.payload).reverse());
    const byInterval = await getJson<AuditEntry[]>(cluster, `${CONFIG}/history?interval=2026-01-01/2026-01-02&count=1`);
    expect(byInterval).toHaveLength(newestFirst.length);
    expect(await getJson(cluster, `${CONFIG}/history?interval=2025-01-01/2025-01-02`)).toEqual([]);
    expect((await call(cluster, 'GET', `${CONFIG}/history?count=0`)).json()).toEqual({
      error: 'Limit must be greater than zero!',
    });
  });
});

describe('persistence', () => {
  it('keeps the config in the metadata store across a restart', async () => {
    const dataDir = cluster.dataDir;
    expect((await post({ maxKillTaskSlots: 11 })).status).toBe(200);
    const before = await getConfig();
    await cluster.stop({ keepData: true });
    cluster = await startTestCluster({ seed: 'none', dataDir, now: () => NOW });
    expect(await getConfig()).toEqual(before);
  });
});
