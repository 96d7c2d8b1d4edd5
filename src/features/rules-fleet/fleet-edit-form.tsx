import { useId } from 'react';
import { FieldError } from '../../components/field-error.tsx';
import { RULE_TYPES, type RuleType } from '../../druid/rules.ts';
import type { DraftResult, FleetEditDraft, FleetEditKind } from './fleet-edit-draft.ts';

const KINDS: Array<{ kind: FleetEditKind; label: string }> = [
  { kind: 'prepend', label: 'Prepend a rule to each one’s own rules' },
  { kind: 'replaceType', label: 'Replace every rule of one type' },
  { kind: 'period', label: 'Change the period of one rule type' },
  { kind: 'replicas', label: 'Change replicas on a tier' },
  { kind: 'set', label: 'Set one rule list for all of them' },
];

const PERIOD_TYPES = RULE_TYPES.filter((type) => type.endsWith('ByPeriod'));

interface FleetEditFormProps {
  draft: FleetEditDraft;
  onChange: (draft: FleetEditDraft) => void;
  result: DraftResult;
}

function TypeSelect({
  id,
  label,
  value,
  types,
  onChange,
}: {
  id: string;
  label: string;
  value: RuleType;
  types: readonly RuleType[];
  onChange: (type: RuleType) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as RuleType)}>
        {types.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The change: one of the fleet edits, its fields, and the first problem under the field it is about. */
export function FleetEditForm({ draft, onChange, result }: FleetEditFormProps) {
  const id = useId();
  const set = (patch: Partial<FleetEditDraft>) => onChange({ ...draft, ...patch });
  const error = (field: keyof FleetEditDraft) => (!result.ok && result.field === field ? result.error : null);
  const invalid = (field: keyof FleetEditDraft) => (error(field) ? true : undefined);
  const jsonLabel =
    draft.kind === 'set'
      ? 'Rules (a JSON list, [] for none)'
      : draft.kind === 'prepend'
        ? 'Rule to prepend (JSON)'
        : 'Replacement rule (JSON)';

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>2. Change</h2>
      <fieldset className="stack fleet-kinds">
        <legend>What to change</legend>
        {KINDS.map(({ kind, label }) => (
          <label key={kind}>
            <input type="radio" name={`${id}-kind`} checked={draft.kind === kind} onChange={() => set({ kind })} />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {(draft.kind === 'replaceType' || draft.kind === 'period') && (
        <TypeSelect
          id={`${id}-type`}
          label={draft.kind === 'period' ? 'Rules of type' : 'Rule type to replace'}
          value={draft.ruleType}
          types={draft.kind === 'period' ? PERIOD_TYPES : RULE_TYPES}
          onChange={(ruleType) => set({ ruleType })}
        />
      )}
      {(draft.kind === 'set' || draft.kind === 'prepend' || draft.kind === 'replaceType') && (
        <div className="field">
          <label htmlFor={`${id}-json`}>{jsonLabel}</label>
          <textarea
            id={`${id}-json`}
            className="mono"
            rows={draft.kind === 'set' ? 8 : 4}
            spellCheck={false}
            value={draft.json}
            aria-invalid={invalid('json')}
            aria-describedby={error('json') ? `${id}-json-error` : undefined}
            onChange={(event) => set({ json: event.target.value })}
          />
          <FieldError id={`${id}-json-error`} error={error('json')} />
        </div>
      )}
      {draft.kind === 'period' && (
        <div className="field">
          <label htmlFor={`${id}-period`}>New period</label>
          <input
            id={`${id}-period`}
            className="mono"
            value={draft.period}
            aria-invalid={invalid('period')}
            aria-describedby={error('period') ? `${id}-period-error` : undefined}
            onChange={(event) => set({ period: event.target.value })}
          />
          <FieldError id={`${id}-period-error`} error={error('period')} />
        </div>
      )}
      {draft.kind === 'replicas' && (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-tier`}>Tier</label>
            <input
              id={`${id}-tier`}
              value={draft.tier}
              aria-invalid={invalid('tier')}
              aria-describedby={error('tier') ? `${id}-tier-error` : undefined}
              onChange={(event) => set({ tier: event.target.value })}
            />
            <FieldError id={`${id}-tier-error`} error={error('tier')} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-replicas`}>Replicas (0 removes the tier)</label>
            <input
              id={`${id}-replicas`}
              type="number"
              min={0}
              value={draft.replicas}
              aria-invalid={invalid('replicas')}
              aria-describedby={error('replicas') ? `${id}-replicas-error` : undefined}
              onChange={(event) => set({ replicas: event.target.value })}
            />
            <FieldError id={`${id}-replicas-error`} error={error('replicas')} />
          </div>
        </div>
      )}
    </section>
  );
}
