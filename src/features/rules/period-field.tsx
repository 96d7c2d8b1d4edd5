import { useId } from 'react';
import { FieldError } from '../../components/field-error.tsx';
import { formatUtc } from '../../components/format.ts';
import { periodInWords } from '../../components/rules/rule-text.ts';
import { periodWindow } from '../../druid/rule-matching.ts';
import { useRulesFormApi } from './rules-form-context.tsx';

const PRESETS = ['P1D', 'P7D', 'P1M', 'P3M', 'P6M', 'P1Y', 'P2Y', 'P5Y'] as const;

/** An ISO-8601 period with one-click presets and the window it means right now. */
export function PeriodField({
  index,
  value,
  error,
  now,
}: {
  index: number;
  value: string;
  error?: string;
  now: number;
}) {
  const id = useId();
  const { register, setValue } = useRulesFormApi();
  const name = `rules.${index}.period` as const;
  const span = error ? null : periodWindow(value.trim(), now);
  return (
    <div className="field">
      <label htmlFor={id}>Period</label>
      <input
        id={id}
        className="mono rule-period-input"
        list={`${id}-presets`}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        {...register(name)}
      />
      <datalist id={`${id}-presets`}>
        {PRESETS.map((preset) => (
          <option key={preset} value={preset}>
            {periodInWords(preset)}
          </option>
        ))}
      </datalist>
      <div className="row rule-presets">
        {PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="ghost rule-preset"
            aria-pressed={value === preset}
            aria-label={`Period ${periodInWords(preset)} (${preset})`}
            onClick={() => setValue(name, preset, { shouldDirty: true, shouldValidate: true })}
          >
            {preset}
          </button>
        ))}
      </div>
      <span id={`${id}-hint`} className="field-hint">
        {span
          ? `${periodInWords(value.trim())}: the window now starts at ${formatUtc(span.start, { zone: true })}.`
          : 'ISO-8601, e.g. P1D, P7D, P1M, P1Y, PT6H.'}
      </span>
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
