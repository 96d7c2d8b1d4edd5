import { describe, expect, it } from 'vitest';
import { computeEffectiveRetention } from './effective-retention.ts';
import { formatBytes } from './format-bytes.ts';
import { reachability } from './rule-coverage.ts';
import { lintRules, type RuleLint } from './rule-lints.ts';
import { ruleBox } from './rule-matching.ts';
import { parseRules } from './rule-parsing.ts';
import type { Rule } from './rule-schemas.ts';
import { at } from './test-helpers.ts';

const NOW = at('2024-05-01');
const DAY = 86_400_000;
const rules = (json: unknown[]): Rule[] => {
  const result = parseRules(json);
  if (!result.ok) throw new Error(result.error);
  return result.rules;
};
const codes = (lints: RuleLint[]) => lints.map((lint) => [lint.ruleIndex, lint.code]);
const withDrop = (json: unknown[]) => rules([...json, { type: 'dropForever' }]);

describe('lintRules', () => {
  it('is quiet for a sound rule list', () => {
    const list = withDrop([{ type: 'loadByPeriod', period: 'P1M' }]);
    expect(lintRules({ rules: list, now: NOW, tiers: ['_default_tier'] })).toEqual([]);
  });

  it('rejects empty default rules with Druid’s wording', () => {
    expect(lintRules({ rules: [], isDefault: true, now: NOW })).toEqual([
      {
        ruleIndex: null,
        code: 'empty-default-rules',
        severity: 'error',
        message: 'Cluster-level rules cannot be empty.',
      },
    ]);
    expect(lintRules({ rules: [], now: NOW })).toEqual([]);
  });

  it('finds rules after a *Forever rule', () => {
    const lints = lintRules({
      rules: rules([{ type: 'dropForever' }, { type: 'loadByPeriod', period: 'P1M' }]),
      now: NOW,
    });
    expect(lints).toEqual([
      {
        ruleIndex: 1,
        code: 'unreachable-after-forever',
        severity: 'warning',
        message: 'Rule 2 (loadByPeriod P1M) can never match: Rule 1 (dropForever) before it matches every segment.',
      },
    ]);
  });

  it('finds rules fully covered by earlier rules', () => {
    const list = withDrop([
      { type: 'loadByInterval', interval: '2020/2022' },
      { type: 'loadByInterval', interval: '2021/2023' },
      { type: 'dropByInterval', interval: '2020-06/2022-06' },
      { type: 'loadByPeriod', period: 'P1M' },
      { type: 'loadByPeriod', period: 'P1W' },
    ]);
    const lints = lintRules({ rules: list, now: NOW });
    expect(codes(lints)).toEqual([
      [2, 'unreachable-covered'],
      [4, 'unreachable-covered'],
    ]);
    expect(lints[0]?.message).toBe(
      'Rule 3 (dropByInterval 2020-06/2022-06) can never match: every segment it applies to is already matched by rules 1, 2.',
    );
    // A segment reaching from 2021 into the last week is taken by the interval rules first.
    expect(lints[1]?.message).toContain('already matched by rules 1, 2, 4.');
  });

  it('does not flag a rule that is only partly covered', () => {
    const list = withDrop([
      { type: 'loadByInterval', interval: '2020/2021' },
      { type: 'loadByInterval', interval: '2020-06/2021-06' },
      { type: 'loadByPeriod', period: 'P1M', includeFuture: false },
      { type: 'loadByPeriod', period: 'P1W' },
    ]);
    expect(lintRules({ rules: list, now: NOW })).toEqual([]);
  });

  it('finds rules that cannot match at all, and invalid definitions', () => {
    const list: Rule[] = [
      ...withDrop([{ type: 'dropByInterval', interval: '2020-01-01/2020-01-01' }]),
      { type: 'loadByPeriod', period: 'P1Q', includeFuture: true, tieredReplicants: {}, useDefaultTierForNull: false },
    ];
    const lints = lintRules({ rules: list.slice(0, 1), now: NOW });
    expect(codes(lints)).toEqual([[0, 'never-matches']]);
    const invalid = lintRules({ rules: [list[2] as Rule], now: NOW });
    expect(codes(invalid)).toContainEqual([0, 'invalid-period']);
    const negative = lintRules({
      rules: rules([{ type: 'loadByPeriod', period: 'P-1D' }, { type: 'dropForever' }]),
      now: NOW,
    });
    expect(codes(negative)).toContainEqual([0, 'negative-period']);
    expect(negative.find((lint) => lint.code === 'negative-period')?.severity).toBe('error');
  });

  it('warns about load rules with zero replicas', () => {
    const lints = lintRules({
      rules: withDrop([{ type: 'loadByPeriod', period: 'P1M', tieredReplicants: { hot: 0 } }]),
      now: NOW,
    });
    expect(lints).toEqual([
      {
        ruleIndex: 0,
        code: 'zero-replicas',
        severity: 'warning',
        message:
          'Rule 1 (loadByPeriod P1M) loads matching segments on no server: they stay used but are only queryable from deep storage.',
      },
    ]);
  });

  it('warns about a load-by-period whose older data falls through to a loading default', () => {
    const list = rules([{ type: 'loadByPeriod', period: 'P1M' }]);
    expect(lintRules({ rules: list, now: NOW })).toEqual([
      {
        ruleIndex: 0,
        code: 'load-without-drop',
        severity: 'warning',
        message:
          'Rule 1 (loadByPeriod P1M) is not followed by a drop rule: data older than P1M falls through to the default rule loadForever and is kept. Add dropForever after it to keep only P1M.',
      },
    ]);
    expect(codes(lintRules({ rules: list, defaultRules: rules([{ type: 'dropForever' }]), now: NOW }))).toEqual([]);
    expect(lintRules({ rules: list, defaultRules: [], now: NOW })[0]?.message).toContain('matches no rule');
    const dropBefore = rules([
      { type: 'loadByPeriod', period: 'P1M' },
      { type: 'dropBeforeByPeriod', period: 'P1M' },
    ]);
    expect(lintRules({ rules: dropBefore, now: NOW })).toEqual([]);
  });

  it('warns about drops of existing data, and existing data no rule matches', () => {
    const segments = Array.from({ length: 60 }, (_, i) => ({
      start: NOW - (i + 1) * DAY,
      end: NOW - i * DAY,
      size: 1024 * 1024,
    }));
    const list = rules([
      { type: 'loadByPeriod', period: 'P30D' },
      { type: 'dropBeforeByPeriod', period: 'P45D' },
    ]);
    const lints = lintRules({ rules: list, defaultRules: [], segments, now: NOW });
    expect(lints).toEqual([
      {
        ruleIndex: 0,
        code: 'load-without-drop',
        severity: 'warning',
        message:
          'Rule 1 (loadByPeriod P30D): no later rule catches the data just older than P30D: it matches no rule and is left as it is. Make the drop rule start where this one ends to keep only P30D.',
      },
      {
        ruleIndex: 1,
        code: 'drops-existing-data',
        severity: 'warning',
        message: 'Rule 2 (dropBeforeByPeriod P45D) will drop 15 existing segments (15.7 MB) and mark them unused.',
      },
      {
        ruleIndex: null,
        code: 'no-matching-rule',
        severity: 'warning',
        message:
          '15 existing segments match no rule; Druid leaves them as they are and alerts "Unable to find matching rules!".',
      },
    ]);
    const defaults = rules([{ type: 'dropForever' }]);
    expect(codes(lintRules({ rules: defaults, isDefault: true, segments, now: NOW }))).toEqual([
      [0, 'drops-existing-data'],
    ]);
  });

  it('flags a default period load without a drop: older data then matches no rule at all', () => {
    const defaults = rules([{ type: 'loadByPeriod', period: 'P1M' }]);
    const lints = lintRules({ rules: defaults, isDefault: true, now: NOW });
    expect(lints.map((lint) => lint.message)).toEqual([
      'Rule 1 (loadByPeriod P1M) is not followed by a drop rule: data older than P1M matches no rule and is left as it is. Add dropForever after it to keep only P1M.',
    ]);
    const withDrop = rules([{ type: 'loadByPeriod', period: 'P1M' }, { type: 'dropForever' }]);
    expect(lintRules({ rules: withDrop, isDefault: true, now: NOW })).toEqual([]);
  });

  it('reads drops of existing data from interval summaries, or from the retention it is given', () => {
    // 60 daily intervals of 3 segments each, as intervals?simple gives them.
    const summaries = Array.from({ length: 60 }, (_, i) => ({
      start: NOW - (i + 1) * DAY,
      end: NOW - i * DAY,
      count: 3,
      size: 3 * 1024 * 1024,
    }));
    const list = rules([{ type: 'loadByPeriod', period: 'P30D' }, { type: 'dropForever' }]);
    const lints = lintRules({ rules: list, defaultRules: [], segments: summaries, now: NOW });
    expect(lints.map((lint) => lint.message)).toEqual([
      'Rule 2 (dropForever) will drop 90 existing segments (94.4 MB) and mark them unused.',
    ]);
    const retention = computeEffectiveRetention({ rules: list, defaultRules: [], segments: summaries, now: NOW });
    expect(lintRules({ rules: list, defaultRules: [], segments: summaries, retention, now: NOW })).toEqual(lints);
  });

  it('warns about tiers without servers', () => {
    const list = withDrop([{ type: 'loadForever', tieredReplicants: { hot: 2, _default_tier: 1, cold: 0 } }]);
    const lints = lintRules({ rules: list, now: NOW, tiers: ['_default_tier'] });
    expect(lints.filter((lint) => lint.code === 'unknown-tier')).toEqual([
      {
        ruleIndex: 0,
        code: 'unknown-tier',
        severity: 'warning',
        message: 'Rule 1 (loadForever): tier "hot" has no servers, so its 2 replicas cannot be loaded.',
      },
    ]);
  });
});

describe('reachability', () => {
  const boxes = (json: unknown[]) => rules(json).map((rule) => ruleBox(rule, NOW));

  it('sees through combinations of interval and period rules', () => {
    const list = boxes([
      { type: 'dropBeforeByPeriod', period: 'P1M' },
      { type: 'loadByPeriod', period: 'P1M' },
      { type: 'loadByInterval', interval: '2000/2001' },
    ]);
    // Old segments are dropped by rule 1; one reaching into the last month is loaded by rule 2.
    expect(reachability(list, 2)).toEqual({ kind: 'covered', by: [0, 1] });
    expect(reachability(list, 1)).toEqual({ kind: 'reachable' });
  });

  it('knows dropByInterval only takes contained segments, so a later load on the same interval still matches', () => {
    const list = boxes([
      { type: 'dropByInterval', interval: '2020/2021' },
      { type: 'loadByInterval', interval: '2020/2021' },
      { type: 'dropByInterval', interval: '2020-03/2020-04' },
    ]);
    expect(reachability(list, 1)).toEqual({ kind: 'reachable' });
    expect(reachability(list, 2)).toEqual({ kind: 'covered', by: [0] });
  });
});

describe('formatBytes', () => {
  it('uses decimal units, as the views do', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5e9)).toBe('5.0 GB');
    expect(formatBytes(123_400_000)).toBe('123 MB');
  });
});
