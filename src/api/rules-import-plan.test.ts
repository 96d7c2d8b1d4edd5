import { describe, expect, it } from 'vitest';
import { parseRulesFile, type RulesByDataSource } from '../druid/rules-file.ts';
import type { RuleListResult } from './rules.ts';
import { applyRulesPlan, CHANGED_MEANWHILE } from './rules-import-apply.ts';
import { computeImportImpact } from './rules-import-impact.ts';
import { planRulesImport } from './rules-import-plan.ts';
import { planText } from './rules-plan-report.ts';
import { toRetentionIntervals } from './rules-segments.ts';
import type { UsedTotals } from './used-totals.ts';

const at = (text: string) => Date.parse(text);
const NOW = at('2026-01-01T00:00:00Z');

function rulesOf(json: Record<string, unknown[]>): RulesByDataSource {
  const parsed = parseRulesFile(JSON.stringify(json));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.rules;
}
const stored = (json: Record<string, unknown[]>): Record<string, RuleListResult> =>
  Object.fromEntries(Object.entries(rulesOf(json)).map(([name, rules]) => [name, { rules, raw: [], error: null }]));

const LOAD = { type: 'loadForever', tieredReplicants: { hot: 1 } };
const CURRENT = stored({ _default: [LOAD], a: [{ type: 'dropByPeriod', period: 'P1M' }], b: [LOAD] });

describe('planRulesImport', () => {
  it('sorts the file into new, changed and unchanged datasources, and lists those it does not name', () => {
    const plan = planRulesImport(
      CURRENT,
      rulesOf({ b: [LOAD], a: [{ type: 'dropByPeriod', period: 'P2M' }], c: [LOAD], d: [] }),
    );
    expect(plan.entries.map((e) => [e.name, e.status])).toEqual([
      ['a', 'update'],
      ['b', 'unchanged'],
      ['c', 'create'],
      ['d', 'unchanged'],
    ]);
    expect(plan.notInFile).toEqual(['_default']);
    const [a] = plan.entries;
    expect(a?.diff.changes[0]).toMatchObject({
      kind: 'changed',
      fields: [{ label: 'period', before: 'P1M', after: 'P2M' }],
    });
  });

  it('treats rules equal once Druid defaults are applied as unchanged', () => {
    const plan = planRulesImport(
      CURRENT,
      rulesOf({ b: [{ type: 'loadForever', tieredReplicants: { hot: 1 }, useDefaultTierForNull: 'true' }] }),
    );
    expect(plan.entries[0]?.status).toBe('unchanged');
  });
});

describe('computeImportImpact', () => {
  // Three served datasources: "a" changes its own rules, "old" and "mixed" follow the defaults.
  const served = new Map<string, UsedTotals>([
    ['a', { count: 10, size: 1000, minTime: at('2025-01-01T00:00:00Z'), maxTime: at('2025-01-11T00:00:00Z') }],
    ['old', { count: 4, size: 400, minTime: at('2020-01-01T00:00:00Z'), maxTime: at('2020-01-05T00:00:00Z') }],
    ['mixed', { count: 2, size: 200, minTime: at('2020-01-01T00:00:00Z'), maxTime: at('2025-12-31T00:00:00Z') }],
  ]);
  const day = (iso: string, count: number, size: number) => {
    const start = at(iso);
    return { start, end: start + 86_400_000, count, size };
  };
  const summaries: Record<string, ReturnType<typeof day>[]> = {
    a: [day('2025-01-01T00:00:00Z', 10, 1000)],
    mixed: [day('2020-01-01T00:00:00Z', 1, 100), day('2025-12-30T00:00:00Z', 1, 100)],
  };
  const fetched: string[] = [];
  const fetchIntervals = async (name: string) => {
    fetched.push(name);
    const intervals = summaries[name] ?? [];
    return toRetentionIntervals({ intervals, count: 0, size: 0, range: null });
  };

  it('fetches summaries only where the ranges cannot tell, and counts what the new rules drop', async () => {
    const file = rulesOf({
      _default: [{ type: 'loadByPeriod', period: 'P1Y', tieredReplicants: { hot: 1 } }, { type: 'dropForever' }],
      a: [{ type: 'dropForever' }],
    });
    const plan = planRulesImport(CURRENT, file);
    const impact = await computeImportImpact({ plan, stored: CURRENT, served, fetchIntervals, now: NOW });
    expect(fetched).toEqual(['mixed']);
    const byName = Object.fromEntries(impact.entries.map((e) => [e.name, e]));
    // "a": its P1M drop misses these year-old segments, so the old defaults loaded them; dropForever drops them.
    expect(byName.a?.change.newlyDropped).toEqual({ count: 10, bytes: 1000 });
    expect(byName.a?.inFile).toBe(true);
    expect(byName.old).toMatchObject({ inFile: false, change: { newlyDropped: { count: 4, bytes: 400 } } });
    expect(byName.mixed?.change.newlyDropped).toEqual({ count: 1, bytes: 100 });
    expect(impact.entries.map((e) => e.name)).toEqual(['a', 'old', 'mixed']);
    expect(planText(plan, impact)).toContain('old (through _default): drops 4 segments (400 B) served now');
  });
});

describe('applyRulesPlan', () => {
  it('does not send a datasource whose rules changed since the plan', async () => {
    const plan = planRulesImport(CURRENT, rulesOf({ a: [LOAD], b: [{ type: 'dropForever' }] }));
    const posted: string[] = [];
    const summary = await applyRulesPlan(plan.entries, {
      author: 'ada',
      comment: 'why',
      save: async ({ dataSource }) => {
        posted.push(dataSource);
      },
      read: async (name) => (name === 'b' ? { rules: [], raw: [], error: null } : (CURRENT[name] as RuleListResult)),
    });
    expect(posted).toEqual(['a']);
    expect(summary.outcomes[1]).toEqual({ name: 'b', result: 'failed', message: CHANGED_MEANWHILE });
  });

  it('posts each selected change once, keeps going after a failure, and counts every outcome', async () => {
    const plan = planRulesImport(CURRENT, rulesOf({ a: [LOAD], b: [LOAD], c: [LOAD], e: [LOAD] }));
    const posted: string[] = [];
    const summary = await applyRulesPlan(plan.entries, {
      author: 'ada',
      comment: 'why',
      selected: new Set(['a', 'c']),
      save: async ({ dataSource, author, comment }) => {
        posted.push(`${dataSource} ${author} ${comment}`);
        if (dataSource === 'c') throw new Error('Druid refused');
      },
      read: async (name) => CURRENT[name] ?? { rules: [], raw: [], error: null },
    });
    expect(posted).toEqual(['a ada why', 'c ada why']);
    expect(summary).toMatchObject({ saved: 1, unchanged: 1, failed: 1, notSent: 1 });
    expect(summary.outcomes).toEqual([
      { name: 'a', result: 'saved' },
      { name: 'b', result: 'unchanged' },
      { name: 'c', result: 'failed', message: 'Druid refused' },
      { name: 'e', result: 'not-sent' },
    ]);
  });
});
