/**
 * Validation of the editor: a zod schema for react-hook-form (errors land on the field that is wrong), and one
 * check used before saving from either tab that names the rule's position and field, as Druid's parser does.
 */
import { z } from 'zod';
import { tryParseInterval } from '../../druid/interval.ts';
import { isNegativePeriod, tryParsePeriod } from '../../druid/period.ts';
import { parseRule, parseRules, RULE_TYPES, type Rule } from '../../druid/rules.ts';
import { formToRuleJson, hasField, type RuleFormValue, ruleToForm } from './rule-form-model.ts';

const MAX_REPLICAS = 2_147_483_647;

const FIELD_LABEL: Record<string, string> = {
  period: 'period',
  interval: 'interval',
  tier: 'tier',
  replicas: 'replicas',
  type: 'rule',
};

const tierRowSchema = z.object({ tier: z.string(), replicas: z.string() });

/** The shape of one card's values, unvalidated (drafts may hold half-typed edits). */
export const ruleFormShape = z.object({
  type: z.enum(RULE_TYPES),
  period: z.string(),
  interval: z.string(),
  includeFuture: z.boolean(),
  tiers: z.array(tierRowSchema),
  useDefaultTierForNull: z.boolean(),
  extra: z.string(),
});

export const ruleFormSchema = ruleFormShape.superRefine((value, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (hasField(value.type, 'period')) {
    const period = tryParsePeriod(value.period.trim());
    if (value.period.trim() === '') issue(['period'], 'Enter a period, e.g. P1M.');
    else if (!period) issue(['period'], `"${value.period}" is not an ISO-8601 period (e.g. P1D, P7D, P1M, P1Y).`);
    else if (isNegativePeriod(period, Date.now()))
      issue(['period'], 'The period goes back in time; Druid fails when it applies such a rule.');
  }
  if (hasField(value.type, 'interval')) {
    const parsed = tryParseInterval(value.interval.trim(), { allowEmpty: false });
    if (value.interval.trim() === '') issue(['interval'], 'Enter an interval, e.g. 2015-09-12/2015-09-13.');
    else if (!parsed.ok) issue(['interval'], parsed.error);
  }
  if (hasField(value.type, 'tieredReplicants')) {
    const seen = new Set<string>();
    value.tiers.forEach((row, index) => {
      if (row.tier.trim() === '') issue(['tiers', index, 'tier'], 'Enter a tier name.');
      else if (seen.has(row.tier)) issue(['tiers', index, 'tier'], `Tier "${row.tier}" is listed twice.`);
      seen.add(row.tier);
      const count = row.replicas.trim();
      if (!/^\d+$/.test(count) || Number(count) > MAX_REPLICAS)
        issue(['tiers', index, 'replicas'], 'Enter a whole number of replicas, 0 or more.');
    });
  }
});

export const rulesFormSchema = z.object({ rules: z.array(ruleFormSchema) });

export type CheckRulesResult = { ok: true; rules: Rule[] } | { ok: false; errors: string[] };

/**
 * Everything that blocks saving, each message naming the rule's position, type and field, e.g.
 * `Rule 2 (loadByPeriod): period: "P1Q" is not an ISO-8601 period…`.
 */
export function checkRules(values: readonly RuleFormValue[], dataSource: string): CheckRulesResult {
  const errors: string[] = [];
  values.forEach((value, index) => {
    const parsed = ruleFormSchema.safeParse(value);
    const prefix = `Rule ${index + 1} (${value.type})`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = [...issue.path].reverse().find((part) => typeof part === 'string') ?? 'type';
        const row = issue.path.find((part) => typeof part === 'number');
        const where = row === undefined ? FIELD_LABEL[field] : `tier row ${Number(row) + 1} ${FIELD_LABEL[field]}`;
        errors.push(`${prefix}: ${where}: ${issue.message}`);
      }
      return;
    }
    // The form checks are stricter than Druid's; Druid's own parser still has the last word.
    const druid = parseRule(formToRuleJson(value), index + 1);
    if (!druid.ok) errors.push(druid.error);
  });
  if (errors.length) return { ok: false, errors };
  const parsed = parseRules(values.map(formToRuleJson), { dataSource });
  return parsed.ok ? { ok: true, rules: parsed.rules } : { ok: false, errors: [parsed.error] };
}

export type ParseJsonResult = { ok: true; values: RuleFormValue[] } | { ok: false; error: string };

/** The JSON tab's text as form values, or the first problem (invalid JSON, or the rule position and field). */
export function parseRulesJsonText(text: string): ParseJsonResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `Invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = parseRules(json);
  return parsed.ok ? { ok: true, values: parsed.rules.map(ruleToForm) } : { ok: false, error: parsed.error };
}

/** What the JSON tab shows for the form's values. */
export function rulesJsonText(values: readonly RuleFormValue[]): string {
  return JSON.stringify(values.map(formToRuleJson), null, 2);
}
