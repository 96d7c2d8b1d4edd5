import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import type { IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import type { RuleType } from '../../druid/rule-schemas.ts';
import { PeriodField } from './period-field.tsx';
import { hasField, type RulesFormValues } from './rule-form-model.ts';
import { RuleIntervalField } from './rule-interval-field.tsx';
import { TierReplicantsField } from './tier-replicants-field.tsx';

export interface RuleFieldsContext {
  now: number;
  tiersListId: string;
  knownTiers: readonly string[];
  intervalPresets: IntervalPreset[];
}

const SCOPE_HINT: Partial<Record<RuleType, string>> = {
  loadByInterval: 'Matches segments that overlap the interval.',
  broadcastByInterval: 'Matches segments that overlap the interval.',
  dropByInterval: 'Matches segments that lie wholly inside the interval.',
  dropBeforeByPeriod: 'Matches segments that end before the period’s window starts (older data).',
};

/** The fields of the card's current type. */
export function RuleFields({ index, type, context }: { index: number; type: RuleType; context: RuleFieldsContext }) {
  const hint = SCOPE_HINT[type];
  return (
    <div className="rule-fields stack">
      {hint && <p className="field-hint rule-scope-hint">{hint}</p>}
      {hasField(type, 'interval') && <RuleIntervalField index={index} presets={context.intervalPresets} />}
      {hasField(type, 'period') && <PeriodField index={index} now={context.now} />}
      {hasField(type, 'includeFuture') && <IncludeFutureField index={index} type={type} />}
      {hasField(type, 'tieredReplicants') && (
        <TierReplicantsField index={index} tiersListId={context.tiersListId} knownTiers={context.knownTiers} />
      )}
    </div>
  );
}

function IncludeFutureField({ index, type }: { index: number; type: RuleType }) {
  const id = useId();
  const { register } = useFormContext<RulesFormValues>();
  const what = type === 'dropByPeriod' ? 'starts inside the window or later' : 'ends after the window starts';
  return (
    <div className="field">
      <div className="row">
        <input id={id} type="checkbox" aria-describedby={`${id}-hint`} {...register(`rules.${index}.includeFuture`)} />
        <label htmlFor={id}>Include future data</label>
      </div>
      <span id={`${id}-hint`} className="field-hint">
        On (Druid’s default): any segment that {what} matches, even one in the future. Off: only segments within the
        window up to now.
      </span>
    </div>
  );
}
