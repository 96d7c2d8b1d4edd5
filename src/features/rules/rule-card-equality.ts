/**
 * Content keys of what a card shows, so a card re-renders only when its own rule, errors or warnings change: the form
 * hands out fresh copies of every value and error object on each edit, equal in content.
 */
import type { FieldErrors } from 'react-hook-form';
import type { RuleLint } from '../../druid/rule-lints.ts';
import type { RuleFormValue, RulesFormValues } from './rule-form-model.ts';

/** The form's errors of the rule list, and of one rule. */
export type RulesErrors = FieldErrors<RulesFormValues>['rules'];
export type RuleErrors = NonNullable<RulesErrors>[number];

/** Every error message of a rule with its path, e.g. `tiers.0.tier:Enter a tier name.`; '' without errors. */
export function errorsKey(errors: unknown, path = ''): string {
  if (!errors || typeof errors !== 'object') return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(errors as Record<string, unknown>)) {
    if (key === 'ref') continue;
    if (key === 'message' && typeof value === 'string') parts.push(`${path}:${value}`);
    else if (value && typeof value === 'object') parts.push(errorsKey(value, path ? `${path}.${key}` : key));
  }
  return parts.filter(Boolean).join('|');
}

export function lintsKey(lints: readonly RuleLint[]): string {
  return lints.map((lint) => `${lint.severity}:${lint.code}:${lint.message}`).join('|');
}

export function valueKey(value: RuleFormValue | undefined): string {
  return JSON.stringify(value ?? null);
}
