import { describe, expect, it } from 'vitest';
import { describeIntervalProblem } from '../../components/interval-picker/interval-text.ts';
import { RULE_TYPES } from '../../druid/rule-schemas.ts';
import { ruleTypeLabel } from './rule-field-messages.ts';
import { newRuleForm, type RuleFormValue } from './rule-form-model.ts';
import { checkRules, parseRulesJsonText, ruleFormSchema } from './rule-form-validation.ts';

/** The message under the field (react-hook-form gets it from the schema) for each broken value. */
function fieldMessages(value: RuleFormValue): string[] {
  const parsed = ruleFormSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
}

const BROKEN: Array<[string, RuleFormValue]> = [
  ['a period Java cannot read', { ...newRuleForm('loadByPeriod'), period: 'P1Q' }],
  ['a period without P', { ...newRuleForm('dropByPeriod'), period: '1M' }],
  ['an empty period', { ...newRuleForm('dropBeforeByPeriod'), period: ' ' }],
  ['a period going backwards', { ...newRuleForm('dropByPeriod'), period: 'P-1M' }],
  ['an empty tier', { ...newRuleForm('loadForever'), tiers: [{ tier: '', replicas: '2' }] }],
  ['negative replicas', { ...newRuleForm('loadForever'), tiers: [{ tier: 'hot', replicas: '-1' }] }],
  ['fractional replicas', { ...newRuleForm('loadForever'), tiers: [{ tier: 'hot', replicas: '1.5' }] }],
  ['an impossible month', { ...newRuleForm('loadByInterval'), interval: '2015-13-01/2016-01-01' }],
  ['an interval ending before it starts', { ...newRuleForm('dropByInterval'), interval: '2016/2015' }],
];

describe('rule validation messages', () => {
  it('name each rule type as the type menu does', () => {
    expect(RULE_TYPES.map(ruleTypeLabel)).toEqual([
      'Load forever',
      'Load by interval',
      'Load by period',
      'Drop forever',
      'Drop by interval',
      'Drop by period',
      'Drop before period',
      'Broadcast forever',
      'Broadcast by interval',
      'Broadcast by period',
    ]);
  });

  it.each(BROKEN)('say the same under the field and in the save bar: %s', (_, value) => {
    const field = fieldMessages(value);
    expect(field).toHaveLength(1);
    const result = checkRules([newRuleForm('loadForever'), value], 'wikipedia');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(/^Rule 2 \([A-Z][a-z ]+\)(, tier row 1)?: /);
    expect(result.errors[0]?.endsWith(`: ${field[0]}`)).toBe(true);
  });

  it('words periods, tiers and replicas plainly, with no Java parser wording', () => {
    const messages = BROKEN.slice(0, 7).flatMap(([, value]) => fieldMessages(value));
    expect(messages).toContain('Period must be an ISO 8601 period such as P1M or PT6H.');
    expect(messages).toContain('Replicas must be a whole number, 0 or more.');
    for (const message of messages) expect(message).not.toMatch(/Bad interval|Invalid format|Cannot parse|\[|Value \[/);
  });

  it('words intervals exactly as the shared interval field does', () => {
    const value = { ...newRuleForm('loadByInterval'), interval: '2015-13-01/2016-01-01' };
    expect(fieldMessages(value)).toEqual([describeIntervalProblem('2015-13-01/2016-01-01')]);
  });

  it('gives the JSON tab the form’s words for what the form can show, Druid’s parser’s for the rest', () => {
    expect(parseRulesJsonText('[{"type":"loadForever","tieredReplicants":{"hot":-1}}]')).toEqual({
      ok: false,
      error: 'Rule 1 (Load forever), tier row 1: Replicas must be a whole number, 0 or more.',
    });
    expect(parseRulesJsonText('[{"type":"dropForever"},{"type":"loadByPeriod"}]')).toEqual({
      ok: false,
      error: 'Rule 2 (Load by period): Enter a period such as P1M or PT6H.',
    });
    expect(parseRulesJsonText('[{"type":"loadSomewhere"}]')).toMatchObject({ ok: false, error: /unknown type/ });
  });
});
