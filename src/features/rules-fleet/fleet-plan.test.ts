import { describe, expect, it } from 'vitest';
import { planFleetImpact } from '../../druid/fleet-impact.ts';
import type { Rule } from '../../druid/rules.ts';
import { fleetTargets, reviewFleet } from './fleet-plan.ts';
import type { FleetRow } from './fleet-selection.ts';

const DAY = 86_400_000;
const NOW = Date.parse('2024-06-01T00:00:00Z');
const DEFAULTS = [
  { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
] as Rule[];
const DROP_OLD = { type: 'dropBeforeByPeriod', period: 'P1Y' } as Rule;
const ROWS: FleetRow[] = [
  { name: 'old', rules: [], error: null },
  { name: 'new', rules: [], error: null },
  { name: 'already', rules: [DROP_OLD], error: null },
  { name: 'broken', rules: [], error: 'unreadable' },
];

describe('fleet review', () => {
  it('sends only the datasources the edit changes and flags those that lose data', () => {
    const targets = fleetTargets(ROWS, new Set(['old', 'new', 'broken']), { kind: 'prepend', rule: DROP_OLD });
    expect(targets.changed.map((t) => t.name)).toEqual(['old', 'new']);
    const same = fleetTargets(ROWS, new Set(['already']), { kind: 'set', rules: [DROP_OLD] });
    expect(same).toEqual({ changed: [], unchanged: ['already'] });

    const served = new Map([
      ['old', { count: 5, size: 500, minTime: NOW - 800 * DAY, maxTime: NOW - 700 * DAY }],
      ['new', { count: 3, size: 300, minTime: NOW - 10 * DAY, maxTime: NOW - DAY }],
    ]);
    const plan = planFleetImpact(targets.changed, served, DEFAULTS, NOW);
    const review = reviewFleet(targets.changed, plan, served, () => undefined, DEFAULTS, NOW);
    expect(review.impacts.map((i) => [i.name, i.losesData])).toEqual([
      ['old', true],
      ['new', false],
    ]);
    expect(review).toMatchObject({ losingData: 1, withErrors: 0, total: { newlyDropped: { count: 5, bytes: 500 } } });
    expect(review.lintsOf('old').map((l) => l.code)).toContain('drops-existing-data');
  });
});
