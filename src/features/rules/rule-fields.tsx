import { useId } from 'react';
import type { IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import type { RuleType } from '../../druid/rule-schemas.ts';
import { PeriodField } from './period-field.tsx';
import type { RuleErrors } from './rule-card-equality.ts';
import { hasField, type RuleFormValue } from './rule-form-model.ts';
import { RuleIntervalField } from './rule-interval-field.tsx';
import { useRulesFormApi } from './rules-form-context.tsx';
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

interface RuleFieldsProps {
  index: number;
  value: RuleFormValue;
  errors: RuleErrors | undefined;
  context: RuleFieldsContext;
}

/** The fields of the card's current type; values and errors come from the card (it re-renders when they change). */
export function RuleFields({ index, value, errors, context }: RuleFieldsProps) {
  const type = value.type;
  const hint = SCOPE_HINT[type];
  return (
    <div className="rule-fields stack">
      {hint && <p className="field-hint rule-scope-hint">{hint}</p>}
      {hasField(type, 'interval') && (
        <RuleIntervalField
          index={index}
          value={value.interval}
          error={errors?.interval?.message}
          presets={context.intervalPresets}
        />
      )}
      {hasField(type, 'period') && (
        <PeriodField index={index} value={value.period} error={errors?.period?.message} now={context.now} />
      )}
      {hasField(type, 'includeFuture') && <IncludeFutureField index={index} type={type} />}
      {hasField(type, 'tieredReplicants') && (
        <TierReplicantsField
          index={index}
          rows={value.tiers}
          errors={errors?.tiers}
          tiersListId={context.tiersListId}
          knownTiers={context.knownTiers}
        />
      )}
    </div>
  );
}

function IncludeFutureField({ index, type }: { index: number; type: RuleType }) {
  const id = useId();
  const { register } = useRulesFormApi();
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
