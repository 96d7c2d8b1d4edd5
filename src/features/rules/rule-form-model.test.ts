import { describe, expect, it } from 'vitest';
import { describeIntervalProblem } from '../../components/interval-picker/interval-text.ts';
import { parseRules, type Rule } from '../../druid/rules.ts';
import { formToRuleJson, formToRulesJson, newRuleForm, ruleToForm } from './rule-form-model.ts';
import { checkRules, parseRulesJsonText, rulesJsonText } from './rule-form-validation.ts';

const ALL_TYPES: unknown[] = [
  { type: 'loadForever', tieredReplicants: { hot: 1, _default_tier: 2 }, useDefaultTierForNull: true },
  {
    type: 'loadByInterval',
    interval: '2015-09-12T00:00:00.000Z/2015-09-12T06:00:00.000Z',
    tieredReplicants: {},
    useDefaultTierForNull: false,
  },
  {
    type: 'loadByPeriod',
    period: 'P1M',
    includeFuture: false,
    tieredReplicants: { _default_tier: 0 },
    useDefaultTierForNull: true,
  },
  { type: 'dropForever' },
  { type: 'dropByInterval', interval: '2020-01-01T00:00:00.000Z/2022-02-01T00:00:00.000Z' },
  { type: 'dropByPeriod', period: 'P7D', includeFuture: true },
  { type: 'dropBeforeByPeriod', period: 'P1Y' },
  { type: 'broadcastForever', colocatedDataSources: ['a', 'b'] },
  { type: 'broadcastByInterval', interval: '2010-01-01T00:00:00.000Z/2020-01-01T00:00:00.000Z' },
  { type: 'broadcastByPeriod', period: 'P3M', includeFuture: true },
];

function parsed(json: unknown[]): Rule[] {
  const result = parseRules(json);
  if (!result.ok) throw new Error(result.error);
  return result.rules;
}

describe('form ↔ JSON', () => {
  it('round-trips every rule type exactly, unknown keys included', () => {
    const rules = parsed(ALL_TYPES);
    const back = formToRulesJson(rules.map(ruleToForm));
    expect(back).toEqual(ALL_TYPES);
    expect(parsed(back)).toEqual(rules);
  });

  it('round-trips the JSON tab text: JSON → form → JSON and form → JSON → form', () => {
    const text = JSON.stringify(ALL_TYPES, null, 2);
    const fromJson = parseRulesJsonText(text);
    if (!fromJson.ok) throw new Error(fromJson.error);
    expect(rulesJsonText(fromJson.values)).toBe(text);
    const again = parseRulesJsonText(rulesJsonText(fromJson.values));
    expect(again).toEqual(fromJson);
  });

  it('fills in what Druid fills in for absent fields', () => {
    const result = parseRulesJsonText('[{"type":"loadForever"},{"type":"dropByPeriod","period":"P1M"}]');
    if (!result.ok) throw new Error(result.error);
    expect(formToRulesJson(result.values)).toEqual([
      { type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true },
      { type: 'dropByPeriod', period: 'P1M', includeFuture: true },
    ]);
  });

  it('writes intervals and periods as Druid prints them, so they read back unchanged', () => {
    const form = { ...newRuleForm('dropByInterval'), interval: ' 2015-09-12T00/2015-09-12T06 ' };
    expect(formToRuleJson(form)).toEqual({
      type: 'dropByInterval',
      interval: '2015-09-12T00:00:00.000Z/2015-09-12T06:00:00.000Z',
    });
    expect(formToRuleJson({ ...newRuleForm('dropBeforeByPeriod'), period: 'p1m' })).toEqual({
      type: 'dropBeforeByPeriod',
      period: 'P1M',
    });
  });

  it('keeps fields of other types when the type changes back and forth', () => {
    const form = { ...newRuleForm('loadByPeriod'), period: 'P3M', tiers: [{ tier: 'hot', replicas: '1' }] };
    const dropped = { ...form, type: 'dropForever' as const };
    expect(formToRuleJson(dropped)).toEqual({ type: 'dropForever' });
    expect(formToRuleJson({ ...dropped, type: 'loadByPeriod' })).toMatchObject({
      period: 'P3M',
      tieredReplicants: { hot: 1 },
    });
  });
});

describe('checkRules', () => {
  it('accepts valid values and returns parsed rules', () => {
    const result = checkRules(parsed(ALL_TYPES).map(ruleToForm), 'wikipedia');
    expect(result.ok && result.rules).toHaveLength(10);
  });

  it('names the position, type and field of every problem', () => {
    const values = [
      newRuleForm('loadForever'),
      { ...newRuleForm('loadByPeriod'), period: 'P1Q' },
      { ...newRuleForm('loadForever'), tiers: [{ tier: '', replicas: '-1' }] },
      { ...newRuleForm('dropByInterval'), interval: '2015/2014' },
      {
        ...newRuleForm('loadForever'),
        tiers: [
          { tier: 'hot', replicas: '1' },
          { tier: 'hot', replicas: '2' },
        ],
      },
    ];
    const result = checkRules(values, 'wikipedia');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'Rule 2 (Load by period): Period must be an ISO 8601 period such as P1M or PT6H.',
      'Rule 3 (Load forever), tier row 1: Enter a tier name.',
      'Rule 3 (Load forever), tier row 1: Replicas must be a whole number, 0 or more.',
      `Rule 4 (Drop by interval): ${describeIntervalProblem('2015/2014')}`,
      'Rule 5 (Load forever), tier row 2: Tier “hot” is listed twice.',
    ]);
  });

  it("refuses an empty _default with Druid's message", () => {
    expect(checkRules([], '_default')).toEqual({ ok: false, errors: ['Cluster-level rules cannot be empty.'] });
    expect(checkRules([], 'wikipedia')).toEqual({ ok: true, rules: [] });
  });

  it('reports invalid JSON and invalid rules in the JSON tab with their position', () => {
    expect(parseRulesJsonText('[{"type": "loadForever",]')).toMatchObject({ ok: false, error: /^Invalid JSON: / });
    expect(parseRulesJsonText('[{"type":"dropForever"},{"type":"dropByPeriod","period":"P1X"}]')).toEqual({
      ok: false,
      error: 'Rule 2 (Drop by period): Period must be an ISO 8601 period such as P1M or PT6H.',
    });
    expect(parseRulesJsonText('{"type":"dropForever"}')).toMatchObject({ ok: false, error: /JSON array/ });
  });
});
