/**
 * One change applied to many datasources' rules: either one list for all of them, or an edit of each one's own
 * list. Pure, so the preview and the save compute exactly the same lists.
 */
import { isLoadRule } from './rule-matching.ts';
import type { Rule, RuleType } from './rule-schemas.ts';

export type FleetEdit =
  /** Every datasource gets this list (an empty list: the defaults apply). */
  | { kind: 'set'; rules: readonly Rule[] }
  /** This rule goes first, before each datasource's own rules. */
  | { kind: 'prepend'; rule: Rule }
  /** Every rule of type `from` becomes `to`, in its place. */
  | { kind: 'replaceType'; from: RuleType; to: Rule }
  /** Every rule of type `ruleType` that has a period gets this one. */
  | { kind: 'period'; ruleType: RuleType; period: string }
  /** Every load rule keeps `replicas` on `tier` (0 removes the tier). */
  | { kind: 'replicas'; tier: string; replicas: number };

function withPeriod(rule: Rule, ruleType: RuleType, period: string): Rule {
  if (rule.type !== ruleType || !('period' in rule)) return rule;
  return { ...rule, period };
}

function withReplicas(rule: Rule, tier: string, replicas: number): Rule {
  if (!isLoadRule(rule)) return rule;
  const tieredReplicants = { ...rule.tieredReplicants };
  if (replicas > 0) tieredReplicants[tier] = replicas;
  else delete tieredReplicants[tier];
  return { ...rule, tieredReplicants };
}

/** The datasource's rules after the edit; the input is never changed. */
export function applyFleetEdit(rules: readonly Rule[], edit: FleetEdit): Rule[] {
  switch (edit.kind) {
    case 'set':
      return [...edit.rules];
    case 'prepend':
      return [edit.rule, ...rules];
    case 'replaceType':
      return rules.map((rule) => (rule.type === edit.from ? edit.to : rule));
    case 'period':
      return rules.map((rule) => withPeriod(rule, edit.ruleType, edit.period));
    case 'replicas':
      return rules.map((rule) => withReplicas(rule, edit.tier, edit.replicas));
  }
}

/** The edit in words, for the save comment and the review heading. */
export function describeFleetEdit(edit: FleetEdit): string {
  switch (edit.kind) {
    case 'set':
      return edit.rules.length === 0 ? 'remove all own rules' : `set ${edit.rules.length} rule(s)`;
    case 'prepend':
      return `prepend a ${edit.rule.type} rule`;
    case 'replaceType':
      return `replace ${edit.from} rules with ${edit.to.type}`;
    case 'period':
      return `set the period of ${edit.ruleType} rules to ${edit.period}`;
    case 'replicas':
      return `set replicas on tier "${edit.tier}" to ${edit.replicas}`;
  }
}
