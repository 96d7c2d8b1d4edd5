import { describe, expect, it } from 'vitest';
import {
  computeFleetDataSourceImpact,
  computeWholeRangeImpact,
  fleetLints,
  planFleetImpact,
  wholeRangeRows,
} from './fleet-impact.ts';
import { parseRules } from './rule-parsing.ts';
import type { Rule } from './rule-schemas.ts';
import { at } from './test-helpers.ts';

const rules = (json: unknown[]): Rule[] => {
  const parsed = parseRules(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
};

const NOW = at('2024-06-01');
const DEFAULTS = rules([{ type: 'loadForever', tieredReplicants: { _default_tier: 2 } }]);
const DROP_2023 = rules([{ type: 'dropByInterval', interval: '2023-01-01/2024-01-01' }]);
const served = (start: string, end: string, count = 10, size = 1000) => ({
  count,
  size,
  minTime: at(start),
  maxTime: at(end),
});

describe('fleet impact', () => {
  it('needs interval summaries only where a rule edge cuts a datasource’s range', () => {
    const map = new Map([
      ['inside', served('2023-02-01', '2023-03-01')],
      ['across', served('2022-06-01', '2023-06-01')],
      ['outside', served('2024-02-01', '2024-03-01')],
    ]);
    const targets = ['inside', 'across', 'outside', 'gone'].map((name) => ({ name, before: [], after: DROP_2023 }));
    const plan = planFleetImpact(targets, map, DEFAULTS, NOW);
    expect(plan.whole.map((whole) => whole.name)).toEqual(['inside', 'outside']);
    expect(plan).toMatchObject({ intervals: ['across'], empty: ['gone'] });
    // From the summary row alone, the same figures as the full computation over that row.
    for (const whole of plan.whole) {
      const summary = map.get(whole.name);
      if (!summary) throw new Error(whole.name);
      const target = targets.find((t) => t.name === whole.name);
      if (!target) throw new Error(whole.name);
      const full = computeFleetDataSourceImpact(target, wholeRangeRows(summary), DEFAULTS, NOW);
      expect(computeWholeRangeImpact(whole, summary)).toEqual(full);
    }
  });

  it('counts a whole-range datasource exactly from its summary row and flags the data it drops', () => {
    const target = { name: 'inside', before: [], after: DROP_2023 };
    const impact = computeFleetDataSourceImpact(
      target,
      wholeRangeRows(served('2023-02-01', '2023-03-01')),
      DEFAULTS,
      NOW,
    );
    expect(impact).toMatchObject({ segments: 10, bytes: 1000, losesData: true });
    expect(impact.before).toMatchObject({ load: 10, drop: 0, tierBytes: { _default_tier: 2000 } });
    expect(impact.after).toMatchObject({ load: 0, drop: 10 });
    expect(impact.change.newlyDropped).toEqual({ count: 10, bytes: 1000 });
    const rows = wholeRangeRows(served('2023-02-01', '2023-03-01'));
    expect(fleetLints(target, rows, DEFAULTS, NOW).map((lint) => lint.code)).toContain('drops-existing-data');
    const kept = computeFleetDataSourceImpact(
      { ...target, after: [] },
      wholeRangeRows(served('2023-02-01', '2023-03-01')),
      DEFAULTS,
      NOW,
    );
    expect(kept).toMatchObject({ losesData: false, change: { changed: { count: 0 } } });
  });
});
