import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, DONNEES, dailyId, getJson, METADATA, SALES_V1, usedIds, wikiHourId } from './api-helpers.ts';

// POST /local-cluster/coordinator/run: MarkOvershadowedSegmentsAsUnused, then RunRules (druid-api.md §5.3).
const RULES = '/druid/coordinator/v1/rules';
const NOW = Date.parse('2024-07-20T00:00:00.000Z');

let cluster: TestCluster;
const fresh = () => {
  beforeAll(async () => {
    cluster = await startTestCluster({ now: () => NOW });
  });
  afterAll(() => cluster.stop());
};

interface DutyReport {
  overshadowedMarkedUnused: number;
  droppedByRules: number;
  unmatched: number;
}

async function runDuty(): Promise<DutyReport> {
  const response = await call(cluster, 'POST', '/local-cluster/coordinator/run');
  expect(response.status).toBe(200);
  return response.json<DutyReport>();
}

async function setRules(dataSource: string, rules: unknown[]) {
  expect((await call(cluster, 'POST', `${RULES}/${encodeURIComponent(dataSource)}`, { body: rules })).status).toBe(200);
}

async function replication(dataSource: string): Promise<Map<string, number | null>> {
  const rows = await getJson<Array<{ identifier: string; replicationFactor: number | null }>>(
    cluster,
    `${METADATA}/segments?includeOvershadowedStatus&datasources=${encodeURIComponent(dataSource)}`,
  );
  return new Map(rows.map((row) => [row.identifier, row.replicationFactor]));
}

describe('the seed as it is', () => {
  fresh();

  it('marks the overshadowed used segment unused and nothing else', async () => {
    expect(await usedIds(cluster, 'sales_events')).toContain(dailyId('sales_events', '2024-01-01', SALES_V1));
    expect(await runDuty()).toEqual({ overshadowedMarkedUnused: 1, droppedByRules: 0, unmatched: 0 });
    const used = await usedIds(cluster, 'sales_events');
    expect(used).toHaveLength(119);
    expect(used).not.toContain(dailyId('sales_events', '2024-01-01', SALES_V1));
    const flags = await getJson<Array<{ overshadowed: boolean }>>(
      cluster,
      `${METADATA}/segments?includeOvershadowedStatus`,
    );
    expect(flags.some((row) => row.overshadowed)).toBe(false);
  });

  it('sets the replication factor of the first matching load rule', async () => {
    // wikipedia_api has no rules of its own: _default's loadForever {_default_tier: 2}.
    expect(new Set((await replication('wikipedia_api')).values())).toEqual(new Set([2]));
    // kttm1 starts with broadcastForever: every one of the 3 historicals.
    expect(new Set((await replication('kttm1')).values())).toEqual(new Set([3]));
  });

  it('follows a change of the default rules on the next run', async () => {
    await setRules('_default', [{ type: 'loadForever', tieredReplicants: { _default_tier: 2, hot: 1 } }]);
    expect(await runDuty()).toEqual({ overshadowedMarkedUnused: 0, droppedByRules: 0, unmatched: 0 });
    expect(new Set((await replication('wikipedia_api')).values())).toEqual(new Set([3]));
    expect(new Set((await replication('wikipedia_hour')).values())).toEqual(new Set([3]));
  });

  it('is idempotent', async () => {
    expect(await runDuty()).toEqual({ overshadowedMarkedUnused: 0, droppedByRules: 0, unmatched: 0 });
  });
});

describe('drop rules', () => {
  fresh();

  it('dropByInterval marks exactly the segments it contains unused', async () => {
    await setRules('wikipedia_hour', [
      { type: 'dropByInterval', interval: '2015-09-12T05:00:00Z/2015-09-12T10:30:00Z' },
    ]);
    const report = await runDuty();
    expect(report.droppedByRules).toBe(5);
    const used = await usedIds(cluster, 'wikipedia_hour');
    expect(used).toHaveLength(19);
    for (const h of [5, 6, 7, 8, 9]) expect(used).not.toContain(wikiHourId(h));
    // Hour 10 only overlaps the rule, so the default load rule keeps it.
    expect((await replication('wikipedia_hour')).get(wikiHourId(10))).toBe(2);
  });

  it('dropBeforeByPeriod counts back from now', async () => {
    // now = 2024-07-20: segments ending on or before 2024-07-06 are dropped (07-01 … 07-05).
    await setRules(DONNEES, [{ type: 'dropBeforeByPeriod', period: 'P14D' }]);
    expect((await runDuty()).droppedByRules).toBe(5);
    expect((await usedIds(cluster, DONNEES)).sort()).toEqual(
      ['2024-07-06', '2024-07-07'].map((d) => dailyId(DONNEES, d, '2024-07-15T00:00:00.000Z')),
    );
  });

  it('a load rule listed first protects what a later drop rule would match', async () => {
    await setRules('kttm1', [
      { type: 'loadByInterval', interval: '2019-08-25/2019-08-27', tieredReplicants: { hot: 1 } },
      { type: 'dropForever' },
    ]);
    expect((await runDuty()).droppedByRules).toBe(12);
    expect(new Set((await replication('kttm1')).values())).toEqual(new Set([1]));
    expect(await usedIds(cluster, 'kttm1')).toHaveLength(2);
  });

  it('leaves segments no rule matches as they are', async () => {
    await setRules('_default', [
      { type: 'loadByInterval', interval: '2010-01-01/2020-01-01', tieredReplicants: { _default_tier: 2 } },
    ]);
    // Unmatched: social_media's 4 months of 2022, all 119 served sales_events segments (2024) and the 2 données
    // segments its dropBeforeByPeriod rule keeps.
    expect(await runDuty()).toEqual({ overshadowedMarkedUnused: 0, droppedByRules: 0, unmatched: 125 });
    const socialMedia = await replication('social_media');
    expect(
      socialMedia.get('social_media_2022-02-01T00:00:00.000Z_2022-03-01T00:00:00.000Z_2023-07-01T00:00:00.000Z'),
    ).toBe(null);
    expect(await usedIds(cluster, 'social_media')).toHaveLength(11);
  });
});
