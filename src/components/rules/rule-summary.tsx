/**
 * Read-only rendering of retention rules, shared by the rules index, the rules editor (default rules) and the
 * History view. Usage:
 *
 *   import { RuleList, RuleSummary } from '../../components/rules/rule-summary.tsx';
 *   <RuleList rules={rules} />                                    // ordered list, "Rule 1", "Rule 2"…
 *   <RuleList rules={defaults} source="default" emptyText="…" />  // numbered "Default 1"…
 *   <RuleSummary rule={rule} />                                   // one rule inline
 *
 * `rules` are parsed rules (src/druid `parseRules`, or `parseAuditRules` for audit payloads). Everything is rendered
 * as text, so hostile values (HTML in intervals or tier names) stay inert.
 */
import type { ReactNode } from 'react';
import { ruleAction } from '../../druid/rule-matching.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import { ACTION_LABEL, replicantsText, ruleScopeText } from './rule-text.ts';
import './rules.css';

export function RuleSummary({ rule }: { rule: Rule }) {
  const action = ruleAction(rule);
  return (
    <span className="rule-summary">
      <span className={`badge rule-action rule-action-${action}`}>{ACTION_LABEL[action]}</span>
      <span className="rule-scope">{ruleScopeText(rule)}</span>
      {'tieredReplicants' in rule && (
        <span className="rule-replicas muted">{replicantsText(rule.tieredReplicants)}</span>
      )}
      <code className="rule-type muted">{rule.type}</code>
    </span>
  );
}

interface RuleListProps {
  rules: readonly Rule[];
  /** Numbering: "Rule n" for a datasource's own rules, "Default n" for `_default`. */
  source?: 'datasource' | 'default';
  /** Shown instead of an empty list. */
  emptyText?: ReactNode;
  /** Accessible name of the list, e.g. "Default rules". */
  label?: string;
}

export function RuleList({ rules, source = 'datasource', emptyText = 'No rules.', label }: RuleListProps) {
  if (rules.length === 0) return <p className="muted rule-list-empty">{emptyText}</p>;
  const prefix = source === 'default' ? 'Default' : 'Rule';
  return (
    <ol className="rule-list plain-list" aria-label={label}>
      {rules.map((rule, index) => (
        // Rules have no identity; the position is what they are.
        // biome-ignore lint/suspicious/noArrayIndexKey: read-only list, position is the identity
        <li key={index}>
          <span className="rule-position muted">{`${prefix} ${index + 1}`}</span>
          <RuleSummary rule={rule} />
        </li>
      ))}
    </ol>
  );
}
