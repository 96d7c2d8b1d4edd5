/** The edit form's fields as typed, and the FleetEdit they make (or the first problem, naming the field). */
import type { FleetEdit } from '../../druid/fleet-edits.ts';
import { isValidPeriod } from '../../druid/period.ts';
import { isRuleType, parseRule, parseRules, type Rule, type RuleType } from '../../druid/rules.ts';

export type FleetEditKind = FleetEdit['kind'];

export interface FleetEditDraft {
  kind: FleetEditKind;
  /** JSON: a rule list for `set`, one rule for `prepend` and `replaceType`. */
  json: string;
  ruleType: RuleType;
  period: string;
  tier: string;
  replicas: string;
}

export const INITIAL_DRAFT: FleetEditDraft = {
  kind: 'prepend',
  json: '{ "type": "loadByPeriod", "period": "P1M", "includeFuture": true, "tieredReplicants": { "_default_tier": 2 } }',
  ruleType: 'loadByPeriod',
  period: 'P1M',
  tier: '_default_tier',
  replicas: '2',
};

export type DraftResult = { ok: true; edit: FleetEdit } | { ok: false; field: keyof FleetEditDraft; error: string };

function readJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function oneRule(text: string): { ok: true; rule: Rule } | { ok: false; error: string } {
  const json = readJson(text);
  return json.ok ? parseRule(json.value, 1) : json;
}

export function draftToEdit(draft: FleetEditDraft): DraftResult {
  switch (draft.kind) {
    case 'set': {
      const json = readJson(draft.json);
      if (!json.ok) return { ok: false, field: 'json', error: json.error };
      const parsed = parseRules(json.value);
      return parsed.ok
        ? { ok: true, edit: { kind: 'set', rules: parsed.rules } }
        : { ok: false, field: 'json', error: parsed.error };
    }
    case 'prepend':
    case 'replaceType': {
      const parsed = oneRule(draft.json);
      if (!parsed.ok) return { ok: false, field: 'json', error: parsed.error };
      if (draft.kind === 'prepend') return { ok: true, edit: { kind: 'prepend', rule: parsed.rule } };
      if (!isRuleType(draft.ruleType)) return { ok: false, field: 'ruleType', error: 'Pick a rule type.' };
      return { ok: true, edit: { kind: 'replaceType', from: draft.ruleType, to: parsed.rule } };
    }
    case 'period': {
      const period = draft.period.trim();
      if (!isValidPeriod(period))
        return { ok: false, field: 'period', error: `"${period}" is not an ISO-8601 period such as P1M or PT12H.` };
      return { ok: true, edit: { kind: 'period', ruleType: draft.ruleType, period } };
    }
    case 'replicas': {
      const tier = draft.tier.trim();
      if (tier === '') return { ok: false, field: 'tier', error: 'Name the tier.' };
      const replicas = Number(draft.replicas);
      if (!Number.isInteger(replicas) || replicas < 0)
        return { ok: false, field: 'replicas', error: 'Replicas must be a whole number, 0 or more.' };
      return { ok: true, edit: { kind: 'replicas', tier, replicas } };
    }
  }
}
