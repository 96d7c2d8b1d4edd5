import { RULE_TYPE_LABEL, ruleSummaryParts } from '../../components/rules/rule-text.ts';
import type { RuleLint } from '../../druid/rule-lints.ts';
import { hasField, type RuleFormValue } from './rule-form-model.ts';

/** The card's summary parts from its form values, half-typed ones included ("P1M", "hot ×2", "future included"). */
export function formSummaryParts(value: RuleFormValue): string[] {
  const { type } = value;
  return ruleSummaryParts({
    type,
    ...(hasField(type, 'interval') && { interval: value.interval }),
    ...(hasField(type, 'period') && { period: value.period }),
    ...(hasField(type, 'tieredReplicants') && { tiers: value.tiers.map((row) => [row.tier, row.replicas] as const) }),
    ...(hasField(type, 'includeFuture') && { includeFuture: value.includeFuture }),
  });
}

interface RuleCardSummaryProps {
  value: RuleFormValue | undefined;
  hasErrors: boolean;
  lints: readonly RuleLint[];
}

/**
 * What the type select does not say, on the card's one line; with a mark for errors and warnings, which stay in
 * sight even while the cards are collapsed for a drag.
 */
export function RuleCardSummary({ value, hasErrors, lints }: RuleCardSummaryProps) {
  const parts = value ? formSummaryParts(value) : [];
  return (
    <p className="rule-card-summary">
      {parts.length > 0 && <span className="rule-card-summary-text">{parts.join(' · ')}</span>}
      {hasErrors && <span className="badge rule-card-flag error">errors</span>}
      {lints.length > 0 && (
        <span className="badge rule-card-flag warning">
          {lints.length === 1 ? '1 warning' : `${lints.length} warnings`}
        </span>
      )}
    </p>
  );
}

/** The lifted card under the pointer: its header line as text (the card itself stays in the list, focused). */
export function RuleCardGhost({ position, value }: { position: number; value: RuleFormValue }) {
  return (
    <div className="rule-card card rule-card-ghost" aria-hidden="true">
      <div className="rule-card-header">
        <span className="drag-handle">⠿</span>
        <strong className="rule-card-title">Rule {position}</strong>
        <span>{RULE_TYPE_LABEL[value.type]}</span>
        <span className="rule-card-summary">{formSummaryParts(value).join(' · ')}</span>
      </div>
    </div>
  );
}
