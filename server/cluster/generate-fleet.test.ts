import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRules } from '../../src/druid/rule-parsing.ts';
import { dataSegmentSchema } from '../../src/druid/segment.ts';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { type FleetSummary, fleetName, generateFleet, isAllUnusedFleetMember } from './generate-fleet.ts';
import { getRules } from './rules-store.ts';
import { dataSourceNames, overshadowedIds } from './segment-store.ts';

const COUNT = 80;
const SEGMENTS = 60;

let cluster: TestCluster;
let summary: FleetSummary;
beforeAll(async () => {
  cluster = await startTestCluster({ seed: 'none' });
  summary = generateFleet(cluster.ctx, COUNT, SEGMENTS);
}, 60_000);
afterAll(() => cluster.stop());

const names = Array.from({ length: COUNT }, (_, i) => fleetName(i + 1));
const countOf = (sql: string, ...params: unknown[]) => (cluster.ctx.db.prepare(sql).get(...params) as { n: number }).n;

interface HistoryEntry {
  key: string;
  type: string;
  auditInfo: { author: string; comment: string };
  payload: string;
}

describe('--generate-fleet COUNT:SEGMENTS', () => {
  it('makes COUNT datasources fleet_00001… of exactly SEGMENTS segments each', () => {
    expect(names.slice(0, 2)).toEqual(['fleet_00001', 'fleet_00002']);
    expect(dataSourceNames(cluster.ctx.db, true)).toEqual(names);
    for (const name of names) {
      expect(countOf('SELECT count(*) AS n FROM druid_segments WHERE dataSource = ?', name)).toBe(SEGMENTS);
    }
    expect(summary).toMatchObject({ dataSources: COUNT, segments: COUNT * SEGMENTS });
  });

  it('has fully unused datasources, which the used listings leave out', async () => {
    const allUnused = names.filter(isAllUnusedFleetMember);
    expect(allUnused.length).toBeGreaterThan(0);
    expect(summary.allUnused).toBe(allUnused.length);
    for (const name of names) {
      const used = countOf('SELECT count(*) AS n FROM druid_segments WHERE dataSource = ? AND used = 1', name);
      if (allUnused.includes(name)) expect(used).toBe(0);
      else expect(used).toBeGreaterThan(0);
    }
    const listed = (await (await cluster.fetch('/druid/coordinator/v1/metadata/datasources')).json()) as string[];
    expect(listed).toEqual(names.filter((name) => !allUnused.includes(name)));
  });

  it('writes the same realistic segments as --generate', () => {
    const { average } = cluster.ctx.db.prepare('SELECT avg(length(payload)) AS average FROM druid_segments').get() as {
      average: number;
    };
    expect(average).toBeGreaterThanOrEqual(1500);
    const payloads = cluster.ctx.db.prepare('SELECT payload FROM druid_segments').pluck().all() as string[];
    for (const payload of payloads) expect(() => dataSegmentSchema.parse(JSON.parse(payload))).not.toThrow();
    expect(names.some((name) => overshadowedIds(cluster.ctx.db, name).size > 0)).toBe(true);
  });

  it('gives some datasources valid rules, saved with their audit history', async () => {
    const withRules = names.filter((name) => getRules(cluster.ctx.db, name).length > 0);
    expect(withRules.length).toBe(summary.withRules);
    expect(withRules.length).toBeGreaterThan(COUNT * 0.05);
    expect(withRules.length).toBeLessThan(COUNT * 0.5);
    let histories = 0;
    for (const name of withRules) {
      const rules = getRules(cluster.ctx.db, name);
      expect(parseRules(rules, { dataSource: name }).ok).toBe(true);
      const history = (await (
        await cluster.fetch(`/druid/coordinator/v1/rules/${name}/history?count=10`)
      ).json()) as HistoryEntry[];
      expect(history.length).toBeGreaterThanOrEqual(1);
      expect(history[0]).toMatchObject({ key: name, type: 'rules', payload: JSON.stringify(rules) });
      expect(history[0]?.auditInfo.comment).not.toBe('');
      histories += history.length;
    }
    // Some changed their rules once more.
    expect(histories).toBeGreaterThan(withRules.length);
  });

  it('never has rules that drop used segments: the coordinator only marks the overshadowed ones unused', async () => {
    const overshadowed = names.reduce((sum, name) => sum + overshadowedIds(cluster.ctx.db, name).size, 0);
    const response = await cluster.fetch('/local-cluster/coordinator/run', { method: 'POST' });
    expect(await response.json()).toMatchObject({ overshadowedMarkedUnused: overshadowed, droppedByRules: 0 });
  });

  it('is the same again for the same COUNT:SEGMENTS and keeps what a restart finds', async () => {
    const again = await startTestCluster({ seed: 'none' });
    try {
      generateFleet(again.ctx, 3, SEGMENTS);
      const rows = (db: TestCluster['ctx']['db']) =>
        db.prepare("SELECT id, payload FROM druid_segments WHERE dataSource <= 'fleet_00003' ORDER BY id").all();
      const strip = (list: unknown[], dir: string) => JSON.stringify(list).replaceAll(dir, '');
      const fresh = rows(again.ctx.db);
      expect(strip(fresh, again.dataDir)).toBe(strip(rows(cluster.ctx.db), cluster.dataDir));
      // A second run (a restart with the same flag) adds nothing.
      expect(generateFleet(again.ctx, 3, SEGMENTS)).toMatchObject({ dataSources: 0, segments: 0 });
      expect(rows(again.ctx.db)).toEqual(fresh);
    } finally {
      await again.stop();
    }
  });
});
