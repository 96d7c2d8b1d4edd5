/**
 * Comparing rule lists the way Druid sees them: key order and the printed form of intervals and periods do not
 * matter, rule order does. Used for "unsaved edits?" and for detecting a change made elsewhere before saving.
 */
import type { Rule } from '../../druid/rule-schemas.ts';
import { formToRuleJson, type RuleFormValue, ruleToForm } from './rule-form-model.ts';

/** JSON with object keys sorted, so equal values print equally. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The identity of a rule list: each rule as the editor would send it, keys sorted. */
export function rulesFingerprint(rules: readonly Rule[]): string {
  return stableStringify(rules.map((rule) => formToRuleJson(ruleToForm(rule))));
}

export function formFingerprint(values: readonly RuleFormValue[]): string {
  return stableStringify(values.map(formToRuleJson));
}

export function sameRules(a: readonly Rule[], b: readonly Rule[]): boolean {
  return rulesFingerprint(a) === rulesFingerprint(b);
}

export type ConflictCheck =
  | { kind: 'unchanged' }
  /** Someone saved other rules since the editor loaded `base`. */
  | { kind: 'changed'; server: Rule[] }
  /** The server's list cannot be read here; treat it as changed. */
  | { kind: 'unreadable'; error: string; raw: unknown[] };

/** Compares the rules the edits started from with what the server holds now. */
export function checkConflict(
  base: readonly Rule[],
  server: { rules: Rule[]; raw: unknown[]; error: string | null },
): ConflictCheck {
  if (server.error !== null) return { kind: 'unreadable', error: server.error, raw: server.raw };
  return sameRules(base, server.rules) ? { kind: 'unchanged' } : { kind: 'changed', server: server.rules };
}
