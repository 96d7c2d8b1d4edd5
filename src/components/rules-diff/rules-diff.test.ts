import { describe, expect, it } from 'vitest';
import { parseRules, type Rule } from '../../druid/rules.ts';
import { canonicalJson, diffRules, ruleFieldChanges } from './rules-diff.ts';

function rules(json: unknown[]): Rule[] {
  const parsed = parseRules(json);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
}

const dropInterval = { type: 'dropByInterval', interval: '2020-01-01/2022-02-01' };
const loadForever = { type: 'loadForever', tieredReplicants: { _default_tier: 2 } };
const loadInterval = {
  type: 'loadByInterval',
  interval: '2010-01-01/2020-01-01',
  tieredReplicants: { _default_tier: 2 },
};
const dropForever = { type: 'dropForever' };
const loadMonth = { type: 'loadByPeriod', period: 'P1M', tieredReplicants: { hot: 1 } };

const kinds = (before: unknown[], after: unknown[]) =>
  diffRules(rules(before), rules(after)).changes.map((change) => change.kind);

describe('diffRules', () => {
  it('reports no change for identical lists, whatever the key order', () => {
    const diff = diffRules(
      rules([loadForever]),
      rules([{ tieredReplicants: { _default_tier: 2 }, type: 'loadForever' }]),
    );
    expect(diff.hasChanges).toBe(false);
    expect(diff.changes).toEqual([expect.objectContaining({ kind: 'unchanged', fromIndex: 0, toIndex: 0 })]);
  });

  it('finds an added rule at its position (the docs sample: loadForever replaced by loadByInterval is not "added")', () => {
    expect(kinds([dropInterval], [dropInterval, loadForever])).toEqual(['unchanged', 'added']);
    const diff = diffRules(rules([dropInterval, loadForever]), rules([dropInterval, loadInterval]));
    expect(diff.changes.map((c) => c.kind)).toEqual(['unchanged', 'removed', 'added']);
  });

  it('places removed rules after the rule that preceded them', () => {
    const diff = diffRules(rules([dropForever, loadMonth, dropInterval]), rules([dropForever, dropInterval]));
    expect(diff.changes.map((c) => c.kind)).toEqual(['unchanged', 'removed', 'unchanged']);
    expect(diff.changes[1]).toMatchObject({ kind: 'removed', fromIndex: 1 });
    expect(kinds([loadMonth, dropForever], [dropForever])).toEqual(['removed', 'unchanged']);
    expect(kinds([loadMonth], [])).toEqual(['removed']);
  });

  it('reports a changed field of a rule that stayed in place, in rule terms', () => {
    const diff = diffRules(
      rules([loadMonth, dropForever]),
      rules([{ ...loadMonth, period: 'P3M', tieredReplicants: { hot: 2, _default_tier: 1 } }, dropForever]),
    );
    const [first] = diff.changes;
    expect(first).toMatchObject({ kind: 'changed', fromIndex: 0, toIndex: 0, moved: false });
    expect(first?.kind === 'changed' && first.fields).toEqual([
      { label: 'period', before: 'P1M', after: 'P3M' },
      { label: 'replicas on tier "_default_tier"', before: null, after: '1' },
      { label: 'replicas on tier "hot"', before: '1', after: '2' },
    ]);
  });

  it('reports moves without calling the whole list changed', () => {
    const diff = diffRules(
      rules([dropInterval, loadMonth, dropForever]),
      rules([loadMonth, dropForever, dropInterval]),
    );
    expect(diff.changes.map((c) => c.kind)).toEqual(['unchanged', 'unchanged', 'moved']);
    expect(diff.changes[2]).toMatchObject({ kind: 'moved', fromIndex: 0, toIndex: 2 });
  });

  it('flags a changed rule that also moved', () => {
    const diff = diffRules(
      rules([loadMonth, dropInterval, dropForever]),
      rules([dropInterval, dropForever, { ...loadMonth, period: 'P2M' }]),
    );
    expect(diff.changes[2]).toMatchObject({ kind: 'changed', fromIndex: 0, toIndex: 2, moved: true });
  });

  it('pairs same-type rules by fewest differences, not by first match', () => {
    const p1 = { type: 'dropByPeriod', period: 'P1M' };
    const p2 = { type: 'dropByPeriod', period: 'P2M', includeFuture: false };
    const diff = diffRules(
      rules([p1, p2]),
      rules([
        { ...p2, period: 'P3M' },
        { ...p1, includeFuture: false },
      ]),
    );
    const changed = diff.changes.filter((c) => c.kind === 'changed');
    expect(changed.map((c) => c.kind === 'changed' && [c.fromIndex, c.toIndex])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('treats a new type as a removal and an addition', () => {
    expect(kinds([{ type: 'dropByPeriod', period: 'P1M' }], [{ type: 'loadByPeriod', period: 'P1M' }])).toEqual([
      'removed',
      'added',
    ]);
  });

  it('handles empty lists on either side', () => {
    expect(diffRules([], []).hasChanges).toBe(false);
    expect(kinds([], [loadForever, dropForever])).toEqual(['added', 'added']);
  });
});

describe('ruleFieldChanges', () => {
  it('names fields Druid added or kept that the other side lacks', () => {
    const [before] = rules([{ type: 'loadForever', tieredReplicants: {}, useDefaultTierForNull: false }]);
    const [after] = rules([{ type: 'loadForever', colocatedDataSources: ['x'] }]);
    expect(ruleFieldChanges(before as Rule, after as Rule)).toEqual([
      { label: 'colocatedDataSources', before: null, after: '["x"]' },
      { label: 'replicas on tier "_default_tier"', before: null, after: '2' },
      { label: 'default tier when no replicants are given', before: 'false', after: 'true' },
    ]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: 1, c: [2, { f: 1, e: 0 }] } })).toBe(
      '{"a":{"c":[2,{"e":0,"f":1}],"d":1},"b":1}',
    );
  });
});
