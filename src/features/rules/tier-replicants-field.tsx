import { useId } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { RuleErrors } from './rule-card-equality.ts';
import type { TierRow } from './rule-form-model.ts';
import { useRulesFormApi } from './rules-form-context.tsx';

interface TierReplicantsFieldProps {
  index: number;
  rows: readonly TierRow[];
  errors: NonNullable<RuleErrors>['tiers'];
  /** id of the editor's <datalist> of tiers that have servers. */
  tiersListId: string;
  knownTiers: readonly string[];
}

/** A load rule's `tieredReplicants` as rows of tier and replica count; tiers are free text with suggestions. */
export function TierReplicantsField({ index, rows, errors, tiersListId, knownTiers }: TierReplicantsFieldProps) {
  const id = useId();
  const { control, register } = useRulesFormApi();
  const { fields, append, remove } = useFieldArray({ control, name: `rules.${index}.tiers` });
  const used = new Set(rows.map((row) => row.tier));
  const nextTier = knownTiers.find((tier) => !used.has(tier)) ?? '';

  return (
    <fieldset className="tier-replicants">
      <legend>Replicas per tier</legend>
      {fields.map((field, row) => {
        const tierError = errors?.[row]?.tier?.message;
        const replicasError = errors?.[row]?.replicas?.message;
        const rowId = `${id}-${row}`;
        return (
          <div className="tier-row" key={field.id}>
            <div className="field">
              <label htmlFor={`${rowId}-tier`}>Tier</label>
              <input
                id={`${rowId}-tier`}
                list={tiersListId}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={tierError ? true : undefined}
                aria-describedby={tierError ? `${rowId}-tier-error` : undefined}
                {...register(`rules.${index}.tiers.${row}.tier`)}
              />
              {tierError && (
                <span id={`${rowId}-tier-error`} className="field-error">
                  {tierError}
                </span>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${rowId}-replicas`}>Replicas</label>
              <input
                id={`${rowId}-replicas`}
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                className="tier-replicas-input"
                aria-invalid={replicasError ? true : undefined}
                aria-describedby={replicasError ? `${rowId}-replicas-error` : undefined}
                {...register(`rules.${index}.tiers.${row}.replicas`)}
              />
              {replicasError && (
                <span id={`${rowId}-replicas-error`} className="field-error">
                  {replicasError}
                </span>
              )}
            </div>
            <button
              type="button"
              className="ghost tier-remove"
              aria-label={`Remove tier ${rows[row]?.tier || `row ${row + 1}`}`}
              onClick={() => remove(row)}
            >
              Remove
            </button>
          </div>
        );
      })}
      {fields.length === 0 && <NoTiersNote index={index} />}
      <div>
        <button type="button" onClick={() => append({ tier: nextTier, replicas: '1' })}>
          Add tier
        </button>
      </div>
    </fieldset>
  );
}

/** Without tiers `useDefaultTierForNull` matters: Druid 27 rejects an empty map unless it is off. */
function NoTiersNote({ index }: { index: number }) {
  const id = useId();
  const { register } = useRulesFormApi();
  return (
    <div className="alert warning stack">
      <span>
        No replicas on any tier: matching segments stay used but no Historical loads them, so queries can only read them
        from deep storage (if the cluster allows it).
      </span>
      <div className="row">
        <input
          id={id}
          type="checkbox"
          aria-describedby={`${id}-hint`}
          {...register(`rules.${index}.useDefaultTierForNull`)}
        />
        <label htmlFor={id}>useDefaultTierForNull</label>
      </div>
      <span id={`${id}-hint`} className="field-hint">
        Decides what a rule <em>without</em> tieredReplicants means: on, 2 replicas on _default_tier; off, none. This
        editor always sends the tiers listed, so it only matters to older Druid (27), which rejects an empty tier list
        unless this is off.
      </span>
    </div>
  );
}
