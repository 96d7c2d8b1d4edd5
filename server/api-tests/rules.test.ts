import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, getJson } from './api-helpers.ts';

// RulesResource: current rules and replacing them (druid-api.md §5.1).
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.stop());

const RULES = '/druid/coordinator/v1/rules';
const DEFAULT_RULES = [{ tieredReplicants: { _default_tier: 2 }, type: 'loadForever' }];
const KTTM_RULES = [
  { type: 'broadcastForever' },
  { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
  { type: 'dropByPeriod', period: 'P1M', includeFuture: true },
];

interface AuditEntry {
  key: string;
  type: string;
  auditInfo: { author: string; identity: string | null; comment: string; ip: string };
  payload: string;
  auditTime: string;
}

const lastAudit = async (dataSource: string) =>
  (await getJson<AuditEntry[]>(cluster, `${RULES}/${dataSource}/history?count=1`))[0];

describe('reading', () => {
  it('GET /rules maps every datasource with rules, _default included', async () => {
    const all = await getJson<Record<string, unknown[]>>(cluster, RULES);
    expect(Object.keys(all)).toEqual(['_default', 'kttm1', 'social_media', 'wikipedia_api']);
    expect(all._default).toEqual(DEFAULT_RULES);
    expect(all.kttm1).toEqual(KTTM_RULES);
    expect(all.wikipedia_api).toEqual([]);
    expect(all.social_media).toHaveLength(2);
  });

  it('GET /rules/:ds gives its own rules; ?full appends the _default rules', async () => {
    expect(await getJson(cluster, `${RULES}/kttm1`)).toEqual(KTTM_RULES);
    expect(await getJson(cluster, `${RULES}/kttm1?full`)).toEqual([...KTTM_RULES, ...DEFAULT_RULES]);
  });

  it('answers [] for a datasource without rules, never 404', async () => {
    expect(await getJson(cluster, `${RULES}/nowhere`)).toEqual([]);
    expect(await getJson(cluster, `${RULES}/nowhere?full`)).toEqual(DEFAULT_RULES);
  });
});

describe('POST /rules/:ds', () => {
  const rules = [
    { type: 'loadByPeriod', period: 'P30D', includeFuture: true, tieredReplicants: { hot: 1, _default_tier: 1 } },
    { type: 'dropForever' },
  ];

  it('replaces the rules, answers 200 with an empty body, and audits author, comment, IP and payload', async () => {
    const response = await call(cluster, 'POST', `${RULES}/wikipedia_hour`, {
      body: rules,
      headers: { 'X-Druid-Author': 'alice', 'X-Druid-Comment': 'keep 30 days' },
    });
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const stored = await getJson<unknown[]>(cluster, `${RULES}/wikipedia_hour`);
    expect(stored).toMatchObject(rules);

    const entry = await lastAudit('wikipedia_hour');
    expect(entry).toMatchObject({
      key: 'wikipedia_hour',
      type: 'rules',
      auditInfo: { author: 'alice', comment: 'keep 30 days', ip: '127.0.0.1', identity: null },
    });
    expect(typeof entry?.payload).toBe('string');
    expect(JSON.parse(entry?.payload ?? 'null')).toEqual(stored);
    expect(Date.now() - Date.parse(entry?.auditTime ?? '')).toBeLessThan(60_000);
  });

  it('records empty author and comment when the headers are missing', async () => {
    await call(cluster, 'POST', `${RULES}/wikipedia_hour`, { body: [{ type: 'loadForever' }] });
    expect((await lastAudit('wikipedia_hour'))?.auditInfo).toMatchObject({ author: '', comment: '' });
  });

  it('accepts rules for a datasource that does not exist', async () => {
    const response = await call(cluster, 'POST', `${RULES}/not_yet_ingested`, { body: [{ type: 'dropForever' }] });
    expect(response.status).toBe(200);
    expect(await getJson(cluster, `${RULES}/not_yet_ingested`)).toEqual([{ type: 'dropForever' }]);
  });

  it('accepts [] for a datasource: its rules are cleared and the defaults apply', async () => {
    const response = await call(cluster, 'POST', `${RULES}/kttm1`, { body: [] });
    expect(response.status).toBe(200);
    expect(await getJson(cluster, `${RULES}/kttm1`)).toEqual([]);
    expect(await getJson(cluster, `${RULES}/kttm1?full`)).toEqual(DEFAULT_RULES);
    expect((await lastAudit('kttm1'))?.payload).toBe('[]');
  });

  it('stores intervals as Druid serializes a Joda Interval: full ISO instants in UTC', async () => {
    const response = await call(cluster, 'POST', `${RULES}/wikipedia_api`, {
      body: [
        { type: 'loadByInterval', interval: '2010-01-01/2020-01-01', tieredReplicants: { hot: 1 } },
        { type: 'dropByInterval', interval: 'P1D/2020-01-01T02:00+02:00' },
      ],
    });
    expect(response.status).toBe(200);
    const stored = await getJson<Array<{ interval: string }>>(cluster, `${RULES}/wikipedia_api`);
    expect(stored.map((rule) => rule.interval)).toEqual([
      '2010-01-01T00:00:00.000Z/2020-01-01T00:00:00.000Z',
      '2019-12-31T00:00:00.000Z/2020-01-01T00:00:00.000Z',
    ]);
    expect(JSON.parse((await lastAudit('wikipedia_api'))?.payload ?? '[]')).toEqual(stored);
  });

  it('updates _default', async () => {
    const defaults = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];
    expect((await call(cluster, 'POST', `${RULES}/_default`, { body: defaults })).status).toBe(200);
    expect(await getJson(cluster, `${RULES}/_default`)).toMatchObject(defaults);
    await call(cluster, 'POST', `${RULES}/_default`, { body: DEFAULT_RULES });
  });
});

describe('POST /rules/:ds errors change nothing', () => {
  const currentRules = () => getJson<Record<string, unknown[]>>(cluster, RULES);

  it.each([
    ['[] for _default', '_default', '[]', 'Cluster-level rules cannot be empty.'],
    ['an empty body', 'social_media', '', 'Rules cannot be null.'],
    ['the JSON literal null', 'social_media', 'null', 'Rules cannot be null.'],
  ])('%s: 400 with the exact Druid error', async (_label, dataSource, body, error) => {
    const rulesBefore = await currentRules();
    const historyBefore = await getJson<AuditEntry[]>(cluster, `${RULES}/history?count=100`);
    const response = await call(cluster, 'POST', `${RULES}/${dataSource}`, { body });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error });
    expect(await currentRules()).toEqual(rulesBefore);
    expect(await getJson(cluster, `${RULES}/history?count=100`)).toEqual(historyBefore);
  });

  it.each([
    ['an unknown type', [{ type: 'keepForever' }]],
    ['a missing type', [{ period: 'P1D' }]],
    ['a negative replica count', [{ type: 'loadForever', tieredReplicants: { _default_tier: -1 } }]],
    ['a null replica count', [{ type: 'loadForever', tieredReplicants: { _default_tier: null } }]],
    ['a bad period', [{ type: 'dropByPeriod', period: 'one month' }]],
    ['a bad interval', [{ type: 'dropByInterval', interval: '2020/2019' }]],
    // Jackson reads it with Intervals.of, which knows no `_` separator.
    ['an interval in the path form', [{ type: 'dropByInterval', interval: '2019_2020' }]],
    ['a non-object rule', ['dropForever']],
    ['an object instead of a list', { type: 'dropForever' }],
  ])('%s: 400 {"error": …}', async (_label, body) => {
    const rulesBefore = await currentRules();
    const response = await call(cluster, 'POST', `${RULES}/social_media`, { body });
    expect(response.status).toBe(400);
    const error = response.json<{ error: unknown }>();
    expect(Object.keys(error)).toEqual(['error']);
    expect(error.error).toEqual(expect.stringMatching(/\S/));
    expect(await currentRules()).toEqual(rulesBefore);
  });

  it('malformed JSON: 400', async () => {
    const response = await call(cluster, 'POST', `${RULES}/social_media`, { body: '[{"type": "dropForever"' });
    expect(response.status).toBe(400);
    expect(response.json<{ error: string }>().error).toMatch(/JSON/);
  });

  it('a body over the size limit: 413', async () => {
    const huge = `[${'{"type":"dropForever"},'.repeat(1_500_000)}{"type":"dropForever"}]`;
    expect(huge.length).toBeGreaterThan(32 * 1024 * 1024);
    const response = await call(cluster, 'POST', `${RULES}/social_media`, { body: huge });
    expect(response.status).toBe(413);
    expect(await getJson(cluster, `${RULES}/social_media`)).toHaveLength(2);
  });

  it('a streamed body over the size limit (no Content-Length): 413', async () => {
    const chunk = new TextEncoder().encode('{"type":"dropForever"},'.repeat(100_000));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 33 * 1024 * 1024) {
          controller.enqueue(new TextEncoder().encode('{"type":"dropForever"}]'));
          controller.close();
          return;
        }
        if (sent === 0) controller.enqueue(new TextEncoder().encode('['));
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    const response = await cluster.fetch(`${RULES}/social_media`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await getJson(cluster, `${RULES}/social_media`)).toHaveLength(2);
  });
});
