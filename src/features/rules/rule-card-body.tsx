import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import { memo, useId, useState } from 'react';
import type { RuleLint } from '../../druid/rule-lints.ts';
import type { RuleCardActions } from './rule-card.tsx';
import { errorsKey, lintsKey, type RuleErrors, valueKey } from './rule-card-equality.ts';
import { RuleCardMenu } from './rule-card-menu.tsx';
import { RuleCardSummary } from './rule-card-summary.tsx';
import { RuleFields, type RuleFieldsContext } from './rule-fields.tsx';
import { extraKeys, type RuleFormValue } from './rule-form-model.ts';
import { RuleTypeOptions } from './rule-type-select.tsx';
import { useRulesFormApi } from './rules-form-context.tsx';

interface RuleCardBodyProps {
  index: number;
  isLast: boolean;
  /** Read once, when the card mounts: added and duplicated rules open to be filled in. */
  startExpanded: boolean;
  value: RuleFormValue | undefined;
  errors: RuleErrors | undefined;
  lints: readonly RuleLint[];
  context: RuleFieldsContext;
  actions: RuleCardActions;
  activatorRef: (element: HTMLElement | null) => void;
  handleAttributes: DraggableAttributes;
  handleListeners: DraggableSyntheticListeners;
}

/**
 * One rule: a header line (drag handle, type, summary, Details disclosure, menu of actions) and the type's fields
 * with the rule's errors and lints below. The fields show when expanded, or always while the rule has an error or a
 * lint (errors never hide); collapsed, they stay in the DOM, hidden, so the form keeps its registered inputs.
 */
function RuleCardBodyInner(props: RuleCardBodyProps) {
  const { index, isLast, value, errors, lints, context, actions } = props;
  const titleId = useId();
  const { register } = useRulesFormApi();
  const [expanded, setExpanded] = useState(props.startExpanded);
  const position = index + 1;
  const extras = value ? extraKeys(value) : [];
  const mustShow = Boolean(errors) || lints.length > 0;
  const shown = expanded || mustShow;
  return (
    <section aria-labelledby={titleId} className="rule-card-section stack">
      <header className="rule-card-header">
        <button
          ref={props.activatorRef}
          type="button"
          className="ghost drag-handle"
          {...props.handleAttributes}
          {...props.handleListeners}
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
        <RuleCardSummary value={value} hasErrors={Boolean(errors)} lints={lints} />
        <button
          type="button"
          className="ghost rule-card-toggle"
          aria-expanded={shown}
          aria-controls={`${titleId}-details`}
          // Disabled rather than removed: the header keeps its layout when a lint comes and goes.
          disabled={mustShow}
          title={mustShow ? 'Shown while the rule has errors or warnings' : undefined}
          onClick={() => setExpanded((open) => !open)}
        >
          <span aria-hidden="true">{shown ? '▾' : '▸'} </span>
          Details <span className="visually-hidden">of rule {position}</span>
        </button>
        <RuleCardMenu
          position={position}
          isLast={isLast}
          onMoveUp={() => actions.move(index, index - 1)}
          onMoveDown={() => actions.move(index, index + 1)}
          onDuplicate={() => actions.duplicate(index)}
          onDelete={() => actions.remove(index)}
        />
      </header>
      {/* Focus inside keeps the card open: fixing its last error must not hide the field being typed in. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: focus bubbles up from the fields; nothing to activate */}
      <div
        id={`${titleId}-details`}
        className="rule-card-details stack"
        hidden={!shown}
        onFocus={() => setExpanded(true)}
      >
        {value && <RuleFields index={index} value={value} errors={errors} context={context} />}
        {extras.length > 0 && (
          <p className="field-hint">
            Also keeps {extras.map((key) => `“${key}”`).join(', ')} as received (edit in the JSON tab).
          </p>
        )}
        {errors && <p className="field-error">This rule has errors; fix them before saving.</p>}
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
      </div>
    </section>
  );
}

/**
 * Equal when everything the body shows is equal in content (the form hands out fresh copies on every edit).
 * `startExpanded` is left out: it only seeds the state.
 */
function sameBody(a: RuleCardBodyProps, b: RuleCardBodyProps): boolean {
  return (
    a.index === b.index &&
    a.isLast === b.isLast &&
    a.context === b.context &&
    a.actions === b.actions &&
    a.activatorRef === b.activatorRef &&
    a.handleAttributes === b.handleAttributes &&
    a.handleListeners === b.handleListeners &&
    Boolean(a.errors) === Boolean(b.errors) &&
    errorsKey(a.errors) === errorsKey(b.errors) &&
    lintsKey(a.lints) === lintsKey(b.lints) &&
    valueKey(a.value) === valueKey(b.value)
  );
}

export const RuleCardBody = memo(RuleCardBodyInner, sameBody);
