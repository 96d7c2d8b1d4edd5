import { useEffect, useId, useState } from 'react';
import { asOfText, readAsOfTime } from './as-of-time.ts';

const HOUR = 3_600_000;
const PRESETS = [
  { label: '1 hour ago', ago: HOUR },
  { label: '24 hours ago', ago: 24 * HOUR },
  { label: '7 days ago', ago: 7 * 24 * HOUR },
  { label: '30 days ago', ago: 30 * 24 * HOUR },
];

interface AsOfTimeFormProps {
  /** The time in the URL, as typed. */
  text: string;
  now: number;
  onSubmit: (text: string) => void;
}

/** A point in time, typed as 24-hour UTC or picked from a few presets; applied on submit. */
export function AsOfTimeForm({ text, now, onSubmit }: AsOfTimeFormProps) {
  const id = useId();
  const [value, setValue] = useState(text);
  const [touched, setTouched] = useState(false);
  useEffect(() => setValue(text), [text]);
  const reading = readAsOfTime(value, now);
  const showError = touched && !reading.ok;

  return (
    <form
      className="card stack as-of-form"
      onSubmit={(event) => {
        event.preventDefault();
        setTouched(true);
        if (reading.ok) onSubmit(asOfText(reading.time));
      }}
    >
      <div className="row as-of-form-fields">
        <div className="field">
          <label htmlFor={`${id}-time`}>Time (UTC)</label>
          <input
            id={`${id}-time`}
            value={value}
            placeholder="2026-11-20 14:30"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={showError}
            aria-describedby={`${id}-hint`}
            onChange={(event) => setValue(event.target.value)}
          />
          <span id={`${id}-hint`} className={showError ? 'field-error' : 'field-hint'}>
            {showError && !reading.ok
              ? reading.error
              : 'A date and 24-hour time in UTC, or any ISO time with an offset.'}
          </span>
        </div>
        <button type="submit" className="primary">
          Show the rules then
        </button>
      </div>
      <fieldset className="row as-of-presets">
        <legend className="visually-hidden">Presets</legend>
        {PRESETS.map((preset) => (
          <button
            key={preset.label}
            type="button"
            className="ghost"
            onClick={() => {
              setTouched(false);
              onSubmit(asOfText(Math.floor((now - preset.ago) / 60_000) * 60_000));
            }}
          >
            {preset.label}
          </button>
        ))}
      </fieldset>
    </form>
  );
}
