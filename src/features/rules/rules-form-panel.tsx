import type { RuleLint } from '../../druid/rule-lints.ts';
import type { RuleCardActions } from './rule-card.tsx';
import type { RulesErrors } from './rule-card-equality.ts';
import { RuleCardList } from './rule-card-list.tsx';
import type { RuleFieldsContext } from './rule-fields.tsx';
import type { RuleFormValue } from './rule-form-model.ts';

interface RulesFormPanelProps {
  ids: string[];
  values: readonly RuleFormValue[];
  errors: RulesErrors;
  isDefault: boolean;
  lints: readonly RuleLint[];
  context: RuleFieldsContext;
  actions: RuleCardActions;
  onAdd: () => void;
}

/** The Form tab: list-wide warnings, the sortable cards, and adding a rule. */
export function RulesFormPanel({
  ids,
  values,
  errors,
  isDefault,
  lints,
  context,
  actions,
  onAdd,
}: RulesFormPanelProps) {
  const byIndex = new Map<number, RuleLint[]>();
  const listWide: RuleLint[] = [];
  for (const lint of lints) {
    if (lint.ruleIndex === null) listWide.push(lint);
    else byIndex.set(lint.ruleIndex, [...(byIndex.get(lint.ruleIndex) ?? []), lint]);
  }
  return (
    <div className="stack">
      {listWide.map((lint) => (
        <p key={lint.code} className={`alert ${lint.severity === 'error' ? 'error' : 'warning'}`}>
          {lint.message}
        </p>
      ))}
      {ids.length === 0 && (
        <p className="muted">
          {isDefault
            ? 'No default rules. Druid refuses an empty list of cluster-level rules: add at least one.'
            : 'No rules of its own: the default rules below decide what happens to every segment.'}
        </p>
      )}
      {/* Mounted without rules too: it tells added rules (opened) from loaded ones (collapsed). */}
      <RuleCardList
        ids={ids}
        values={values}
        errors={errors}
        lintsByIndex={byIndex}
        context={context}
        actions={actions}
      />
      <div>
        <button type="button" onClick={onAdd}>
          Add rule
        </button>
      </div>
    </div>
  );
}
