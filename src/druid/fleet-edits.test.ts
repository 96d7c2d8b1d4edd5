import { describe, expect, it } from 'vitest';
import { applyFleetEdit } from './fleet-edits.ts';
import { parseRules } from './rule-parsing.ts';
import type { Rule } from './rule-schemas.ts';

const rules = (json: unknown[]): Rule[] => {
  const parsed = parseRules(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
};

const OWN = rules([
  { type: 'loadByPeriod', period: 'P1M', tieredReplicants: { hot: 2, _default_tier: 1 } },
  { type: 'dropByPeriod', period: 'P1Y' },
  { type: 'dropForever' },
]);

describe('applyFleetEdit', () => {
  it('sets one list for every datasource, and an empty list leaves the defaults', () => {
    const list = rules([{ type: 'loadForever', tieredReplicants: { hot: 1 } }]);
    expect(applyFleetEdit(OWN, { kind: 'set', rules: list })).toEqual(list);
    expect(applyFleetEdit(OWN, { kind: 'set', rules: [] })).toEqual([]);
  });

  it('prepends a rule before the datasource’s own rules', () => {
    const [broadcast] = rules([{ type: 'broadcastForever' }]) as [Rule];
    expect(applyFleetEdit(OWN, { kind: 'prepend', rule: broadcast }).map((r) => r.type)).toEqual([
      'broadcastForever',
      'loadByPeriod',
      'dropByPeriod',
      'dropForever',
    ]);
  });

  it('replaces every rule of one type in its place and keeps the others', () => {
    const [drop] = rules([{ type: 'dropBeforeByPeriod', period: 'P2Y' }]) as [Rule];
    const after = applyFleetEdit(OWN, { kind: 'replaceType', from: 'dropForever', to: drop });
    expect(after.map((r) => r.type)).toEqual(['loadByPeriod', 'dropByPeriod', 'dropBeforeByPeriod']);
    expect(applyFleetEdit([], { kind: 'replaceType', from: 'dropForever', to: drop })).toEqual([]);
  });

  it('changes the period of the rules of one type only', () => {
    const after = applyFleetEdit(OWN, { kind: 'period', ruleType: 'loadByPeriod', period: 'P3M' });
    expect(after[0]).toMatchObject({ type: 'loadByPeriod', period: 'P3M' });
    expect(after[1]).toMatchObject({ type: 'dropByPeriod', period: 'P1Y' });
  });

  it('sets replicas on a tier of every load rule, 0 removing the tier, and leaves the input untouched', () => {
    const after = applyFleetEdit(OWN, { kind: 'replicas', tier: 'hot', replicas: 3 });
    expect(after[0]).toMatchObject({ tieredReplicants: { hot: 3, _default_tier: 1 } });
    const removed = applyFleetEdit(OWN, { kind: 'replicas', tier: 'hot', replicas: 0 });
    expect(removed[0]).toMatchObject({ tieredReplicants: { _default_tier: 1 } });
    expect(OWN[0]).toMatchObject({ tieredReplicants: { hot: 2, _default_tier: 1 } });
    expect(after.slice(1)).toEqual(OWN.slice(1));
  });
});
