/**
 * Validation of the editor: a zod schema for react-hook-form (errors land on the field that is wrong), and one
 * check used before saving from either tab that names the rule's position and field, as Druid's parser does.
 */
import { z } from 'zod';
import { parseRule, parseRules, RULE_TYPES, type Rule } from '../../druid/rules.ts';
import {
  intervalProblem,
  periodProblem,
  replicasProblem,
  ruleProblemPlace,
  tierProblem,
} from './rule-field-messages.ts';
import { formToRuleJson, hasField, newRuleForm, type RuleFormValue, ruleToForm } from './rule-form-model.ts';

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
  const issue = (path: (string | number)[], message: string | null) => {
    if (message) ctx.addIssue({ code: 'custom', path, message });
  };
  if (hasField(value.type, 'period')) issue(['period'], periodProblem(value.period, Date.now()));
  if (hasField(value.type, 'interval')) issue(['interval'], intervalProblem(value.interval));
  if (hasField(value.type, 'tieredReplicants')) {
    const seen = new Set<string>();
    value.tiers.forEach((row, index) => {
      issue(['tiers', index, 'tier'], tierProblem(row.tier, seen));
      seen.add(row.tier);
      issue(['tiers', index, 'replicas'], replicasProblem(row.replicas));
    });
  }
});

export const rulesFormSchema = z.object({ rules: z.array(ruleFormSchema) });

export type CheckRulesResult = { ok: true; rules: Rule[] } | { ok: false; errors: string[] };

/** The form's problems with one rule, each after its place: `Rule 2 (Load by period): Period must be…`. */
function formProblems(value: RuleFormValue, index: number): string[] {
  const parsed = ruleFormSchema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const row = issue.path.find((part) => typeof part === 'number');
    return `${ruleProblemPlace(index, value.type, row === undefined ? undefined : Number(row))}: ${issue.message}`;
  });
}

/** Everything that blocks saving, each message naming the rule's position and type, worded as on the card. */
export function checkRules(values: readonly RuleFormValue[], dataSource: string): CheckRulesResult {
  const errors: string[] = [];
  values.forEach((value, index) => {
    const problems = formProblems(value, index);
    if (problems.length > 0) {
      errors.push(...problems);
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

/**
 * A rule of the JSON tab as form values, leniently (strings as typed, numbers as text), so the form's wording can
 * explain it; null when it is not a rule object of a known type.
 */
function looseFormValue(json: unknown): RuleFormValue | null {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return null;
  const rule = json as Record<string, unknown>;
  const type = RULE_TYPES.find((known) => known === rule.type);
  if (!type) return null;
  const text = (field: unknown) =>
    typeof field === 'string' ? field : field === undefined ? '' : JSON.stringify(field);
  const value = newRuleForm(type);
  value.period = text(rule.period);
  value.interval = text(rule.interval);
  const tiers = rule.tieredReplicants;
  if (tiers && typeof tiers === 'object' && !Array.isArray(tiers))
    value.tiers = Object.entries(tiers).map(([tier, replicas]) => ({ tier, replicas: text(replicas) }));
  return value;
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
  if (parsed.ok) return { ok: true, values: parsed.rules.map(ruleToForm) };
  // The same words as the form where the form has words for it; Druid's parser's otherwise.
  const rules: unknown[] = Array.isArray(json) ? json : [];
  for (const [index, rule] of rules.entries()) {
    const value = looseFormValue(rule);
    const problem = value ? formProblems(value, index)[0] : undefined;
    if (problem) return { ok: false, error: problem };
  }
  return { ok: false, error: parsed.error };
}

/** What the JSON tab shows for the form's values. */
export function rulesJsonText(values: readonly RuleFormValue[]): string {
  return JSON.stringify(values.map(formToRuleJson), null, 2);
}
