import { describeRule, isLoadRule, type Rule } from '../../druid/rules.ts';
import { diffRules, type RuleChange, type RuleFieldChange } from './rules-diff.ts';
import './rules-diff.css';

/** `loadByPeriod P1M · _default_tier ×2`: the rule in words, with where a load rule keeps its replicas. */
export function ruleText(rule: Rule): string {
  if (!isLoadRule(rule)) return describeRule(rule);
  const tiers = Object.entries(rule.tieredReplicants).map(([tier, count]) => `${tier} ×${count}`);
  return `${describeRule(rule)} · ${tiers.length ? tiers.join(', ') : 'no replicas (deep storage only)'}`;
}

const LABELS: Record<RuleChange['kind'], string> = {
  added: 'Added',
  removed: 'Removed',
  moved: 'Moved',
  changed: 'Changed',
  unchanged: 'Unchanged',
};

function position(change: RuleChange): string {
  switch (change.kind) {
    case 'added':
      return `at #${change.toIndex + 1}`;
    case 'removed':
      return `was #${change.fromIndex + 1}`;
    case 'unchanged':
      return `#${change.toIndex + 1}`;
    case 'moved':
      return `#${change.fromIndex + 1} → #${change.toIndex + 1}`;
    case 'changed':
      return change.moved ? `#${change.fromIndex + 1} → #${change.toIndex + 1}` : `#${change.toIndex + 1}`;
  }
}

function FieldChange({ change }: { change: RuleFieldChange }) {
  return (
    <li>
      {change.label}: <span className="rules-diff-old">{change.before ?? '(not set)'}</span>
      {' → '}
      <span className="rules-diff-new">{change.after ?? '(not set)'}</span>
    </li>
  );
}

function ChangeItem({ change }: { change: RuleChange }) {
  const rule = change.kind === 'changed' ? change.after : change.rule;
  return (
    <li className={`rules-diff-item ${change.kind}`}>
      <span className={`badge rules-diff-kind ${change.kind}`}>{LABELS[change.kind]}</span>{' '}
      <span className="muted">{position(change)}</span> <span className="rules-diff-rule">{ruleText(rule)}</span>
      {change.kind === 'changed' && (
        <ul className="rules-diff-fields">
          {change.fields.map((field) => (
            <FieldChange key={field.label} change={field} />
          ))}
        </ul>
      )}
    </li>
  );
}

function summary(changes: RuleChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes)
    if (change.kind !== 'unchanged') counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  if (counts.size === 0) return 'No rule changed: the same rules were saved again.';
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(', ');
}

/** What changed between two versions of a rule list, in rule terms (positions are 1-based as in the editor). */
export function RulesDiffView({
  before,
  after,
  label,
}: {
  before: readonly Rule[];
  after: readonly Rule[];
  label: string;
}) {
  const { changes } = diffRules(before, after);
  return (
    <div className="rules-diff stack">
      <p className="rules-diff-summary">{summary(changes)}</p>
      {changes.length > 0 && (
        <ol className="rules-diff-list plain-list" aria-label={label}>
          {changes.map((change, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the diff is recomputed as a whole; positions are its identity.
            <ChangeItem key={index} change={change} />
          ))}
        </ol>
      )}
    </div>
  );
}
