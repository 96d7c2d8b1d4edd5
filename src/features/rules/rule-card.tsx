import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { RuleLint } from '../../druid/rule-lints.ts';
import { RuleCardMenu } from './rule-card-menu.tsx';
import { RuleFields, type RuleFieldsContext } from './rule-fields.tsx';
import { extraKeys, type RulesFormValues } from './rule-form-model.ts';
import { RuleTypeOptions } from './rule-type-select.tsx';

export interface RuleCardActions {
  move: (from: number, to: number) => void;
  duplicate: (index: number) => void;
  remove: (index: number) => void;
}

interface RuleCardProps {
  id: string;
  index: number;
  count: number;
  lints: readonly RuleLint[];
  context: RuleFieldsContext;
  actions: RuleCardActions;
}

/** One rule: drag handle, type, the type's fields, its lints and a menu of actions. */
export function RuleCard({ id, index, count, lints, context, actions }: RuleCardProps) {
  const titleId = useId();
  const { control, register, formState } = useFormContext<RulesFormValues>();
  const value = useWatch({ control, name: `rules.${index}` });
  const sortable = useSortable({ id, attributes: { roleDescription: 'sortable rule' } });
  const position = index + 1;
  const hasErrors = Boolean(formState.errors.rules?.[index]);
  const extras = value ? extraKeys(value) : [];

  return (
    <li
      ref={sortable.setNodeRef}
      className={`rule-card card${sortable.isDragging ? ' dragging' : ''}${hasErrors ? ' has-errors' : ''}`}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
    >
      <section aria-labelledby={titleId} className="stack">
        <header className="rule-card-header">
          <button
            ref={sortable.setActivatorNodeRef}
            type="button"
            className="ghost drag-handle"
            {...sortable.attributes}
            {...sortable.listeners}
            aria-label={`Drag rule ${position} to reorder`}
          >
            <span aria-hidden="true">⠿</span>
          </button>
          <h3 id={titleId} className="rule-card-title">
            Rule {position}
          </h3>
          <label className="visually-hidden" htmlFor={`${titleId}-type`}>
            Type of rule {position}
          </label>
          <select id={`${titleId}-type`} className="rule-type-select" {...register(`rules.${index}.type`)}>
            <RuleTypeOptions />
          </select>
          <RuleCardMenu
            position={position}
            count={count}
            onMoveUp={() => actions.move(index, index - 1)}
            onMoveDown={() => actions.move(index, index + 1)}
            onDuplicate={() => actions.duplicate(index)}
            onDelete={() => actions.remove(index)}
          />
        </header>
        {value && <RuleFields index={index} type={value.type} context={context} />}
        {extras.length > 0 && (
          <p className="field-hint">
            Also keeps {extras.map((key) => `“${key}”`).join(', ')} as received (edit in the JSON tab).
          </p>
        )}
        {hasErrors && <p className="field-error">This rule has errors; fix them before saving.</p>}
        {lints.length > 0 && (
          <ul className="rule-lints plain-list" aria-label={`Warnings for rule ${position}`}>
            {lints.map((lint) => (
              <li
                key={`${lint.code}:${lint.message}`}
                className={`alert ${lint.severity === 'error' ? 'error' : 'warning'}`}
              >
                {lint.message}
              </li>
            ))}
          </ul>
        )}
      </section>
    </li>
  );
}
