import { describe, expect, it } from 'vitest';
import { NO_RETENTION_INTERVALS, toRetentionIntervals } from '../../api/rules-segments.ts';
import type { UsedTotals } from '../../api/used-totals.ts';
import { lintRules } from '../../druid/rule-lints.ts';
import { parseRules } from '../../druid/rule-parsing.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import { at } from '../../druid/test-helpers.ts';
import { computeDefaultRulesImpact, type OwnRules, planDefaultRulesImpact } from './default-rules-impact.ts';

const rules = (json: unknown[]): Rule[] => {
  const parsed = parseRules(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
};
const NOW = at('2024-06-01');
const LOAD_FOREVER = rules([{ type: 'loadForever', tieredReplicants: { _default_tier: 2 } }]);
const DROP_FOREVER = rules([{ type: 'dropForever' }]);
const MB = 1_000_000;
const totals = (start: string, end: string, count: number, size: number): UsedTotals => ({
  count,
  size,
  minTime: at(start),
  maxTime: at(end),
});

/** Four months, one 10 MB segment each, and what intervals?simple says of them. */
const MONTHS = toRetentionIntervals({
  intervals: ['2022-02', '2022-03', '2022-04', '2022-05'].map((month, i) => ({
    start: at(`${month}-01`),
    end: at(`${['2022-03', '2022-04', '2022-05', '2022-06'][i]}-01`),
    count: 1,
    size: 10 * MB,
  })),
  count: 4,
  size: 40 * MB,
  range: { start: at('2022-02-01'), end: at('2022-06-01') },
});

const served = new Map<string, UsedTotals>([
  ['no_rules', totals('2015-09-12', '2015-09-13', 24, 240 * MB)],
  ['broadcast', totals('2019-08-25', '2019-09-08', 14, 140 * MB)],
  ['partly', totals('2022-02-01', '2022-06-01', 4, 40 * MB)],
  ['unread', totals('2020-01-01', '2020-01-02', 1, MB)],
  ['nothing_served', { count: 0, size: 0, minTime: null, maxTime: null }],
]);
const own: Record<string, OwnRules> = {
  broadcast: { rules: rules([{ type: 'broadcastForever' }]), error: null },
  // Loads March and later; February falls through to the defaults.
  partly: { rules: rules([{ type: 'loadByInterval', interval: '2022-03-01/2023-01-01' }]), error: null },
  unread: { rules: [], error: 'Rule 1: unknown type "loadSomewhere"' },
};

function impactOf(before: readonly Rule[], after: readonly Rule[]) {
  const plan = planDefaultRulesImpact(served, (name) => own[name], before, after, NOW);
  const impact = computeDefaultRulesImpact({
    plan,
    served,
    intervalsOf: () => MONTHS,
    after,
    now: NOW,
  });
  return { plan, impact };
}

describe('the impact of new default rules', () => {
  it('asks for interval summaries only where a rule edge cuts the data, and skips what the defaults never reach', () => {
    const { plan } = impactOf(LOAD_FOREVER, DROP_FOREVER);
    expect(plan.whole).toEqual([{ name: 'no_rules', before: 0, after: 0 }]);
    expect(plan).toMatchObject({ intervals: ['partly'], never: 1, unreadable: ['unread'] });
  });

  it('counts per datasource what is loaded per tier and dropped, before and after, with a total', () => {
    const { impact } = impactOf(LOAD_FOREVER, DROP_FOREVER);
    expect(impact.changed.map((change) => change.name)).toEqual(['no_rules', 'partly']);
    const [noRules, partly] = impact.changed;
    expect(noRules?.before.load).toEqual({ count: 24, bytes: 240 * MB });
    expect(noRules?.before.tiers._default_tier).toEqual({ segments: 24, replicas: 48, bytes: 480 * MB });
    expect(noRules?.after.drop).toEqual({ count: 24, bytes: 240 * MB });
    // Only February reaches the defaults; March to May stay loaded by the datasource's own rule.
    expect(partly?.before.load).toEqual({ count: 4, bytes: 40 * MB });
    expect(partly?.after.load).toEqual({ count: 3, bytes: 30 * MB });
    expect(partly?.change.newlyDropped).toEqual({ count: 1, bytes: 10 * MB });
    expect(impact.total.change.newlyDropped).toEqual({ count: 25, bytes: 250 * MB });
    expect(impact.total.before.load.count).toBe(28);
    expect(impact.total.after.drop.count).toBe(25);
    expect(impact.reached).toBe(2);
    expect(impact.unreadable).toEqual(['unread']);
    // Summed per default rule, for the lints ("Rule 1 will drop 25 existing segments").
    expect(impact.retention.slots.map(({ count, bytes }) => ({ count, bytes }))).toEqual([
      { count: 25, bytes: 250 * MB },
    ]);
  });

  it('gives the lints of the defaults the data of every datasource that falls back to them', () => {
    const { impact } = impactOf(LOAD_FOREVER, DROP_FOREVER);
    const lints = lintRules({
      rules: DROP_FOREVER,
      isDefault: true,
      segments: NO_RETENTION_INTERVALS,
      retention: impact.retention,
      now: NOW,
    });
    expect(lints.map((lint) => lint.message)).toEqual([
      'Rule 1 (dropForever) will drop 25 existing segments (250 MB) and mark them unused.',
    ]);
  });

  it('finds nothing changed when the new defaults decide the same', () => {
    const same = rules([{ type: 'loadByInterval', interval: '1000-01-01/3000-01-01' }]);
    const { impact } = impactOf(LOAD_FOREVER, same);
    expect(impact.changed).toEqual([]);
    expect(impact.total.change.changed.count).toBe(0);
  });

  it('needs no interval summaries at 10,000 datasources without rules, and counts them all', () => {
    const fleet = new Map<string, UsedTotals>();
    for (let i = 0; i < 10_000; i++) fleet.set(`fleet_${i}`, totals('2025-01-01', '2025-02-01', 300, 300 * MB));
    const plan = planDefaultRulesImpact(fleet, () => undefined, LOAD_FOREVER, DROP_FOREVER, NOW);
    const impact = computeDefaultRulesImpact({
      plan,
      served: fleet,
      intervalsOf: () => MONTHS,
      after: DROP_FOREVER,
      now: NOW,
    });
    expect(plan.intervals).toEqual([]);
    expect(impact.total.change.newlyDropped.count).toBe(3_000_000);
  }, 20_000);
});
