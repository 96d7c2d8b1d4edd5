/**
 * IntervalPicker: one Druid interval, typed or picked. Usage:
 *
 *   const [text, setText] = useState('');
 *   const reading = readIntervalText(text); // { ok, interval, canonical } | { ok: false, error }
 *   <IntervalPicker label="Interval" value={text} onChange={setText}
 *     presets={[{ label: 'Whole datasource', interval: '2015-09-12/2015-09-13' }]} />
 *
 * The text field is the source of truth and accepts every form Druid does (`start/end`, `start/P1D`, `P1D/end`,
 * `start_end`); the range calendar, the time-of-day inputs and the presets write into it. UTC by default, with a
 * visible UTC/local switch. `error` shows an extra message from the caller (e.g. the server's answer). `now` pins
 * the relative presets (tests).
 */
import { type ReactNode, useId, useMemo, useState } from 'react';
import { IntervalCalendar } from './interval-calendar.tsx';
import { IntervalPresetBar } from './interval-preset-bar.tsx';
import { builtInPresets, type IntervalPreset } from './interval-presets.ts';
import { describeDuration, formatIntervalShort, readIntervalText, type Zone } from './interval-text.ts';
import './interval-picker.css';

export type { IntervalPreset } from './interval-presets.ts';
export { readIntervalText } from './interval-text.ts';

export interface IntervalPickerProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** The caller's presets (e.g. the datasource's whole range, its unused range), shown before the built-ins. */
  presets?: IntervalPreset[];
  now?: number;
  error?: string;
  id?: string;
  /** Extra guidance under the field. */
  hint?: ReactNode;
  /** What an empty field means (e.g. "all time" for a filter): empty is then valid, never flagged. */
  emptyMeans?: string;
  /** Start with the calendar folded away (for tight dialogs). */
  calendarInitiallyOpen?: boolean;
}

export function IntervalPicker(props: IntervalPickerProps) {
  const { label, value, onChange, presets = [], error, hint, calendarInitiallyOpen = true } = props;
  const generatedId = useId();
  const inputId = props.id ?? `${generatedId}-interval`;
  const [zone, setZone] = useState<Zone>('utc');
  const [touched, setTouched] = useState(false);
  const [calendarOpen, setCalendarOpen] = useState(calendarInitiallyOpen);
  const [now] = useState(() => props.now ?? Date.now());
  const reading = useMemo(() => readIntervalText(value), [value]);
  const allPresets = useMemo(
    () => [...presets, ...builtInPresets(props.now ?? now, zone)],
    [presets, props.now, now, zone],
  );

  const emptyAllowed = props.emptyMeans !== undefined;
  const showOwnError = !reading.ok && (!reading.empty || (touched && !emptyAllowed));
  const hintId = `${inputId}-hint`;
  const statusId = `${inputId}-status`;
  const describedBy = [hintId, statusId].join(' ');
  const localZoneName = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';

  return (
    <div className="interval-picker">
      <div className="field">
        <label id={`${inputId}-label`} htmlFor={inputId}>
          {label}
        </label>
        <input
          id={inputId}
          className="mono interval-picker-text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={showOwnError || Boolean(error)}
          aria-describedby={describedBy}
          autoComplete="off"
          spellCheck={false}
          placeholder="2015-09-12/2015-09-13"
        />
        <span id={hintId} className="field-hint">
          {hint ?? 'start/end, start/period (2015-09-12/P1D) or period/end; times are UTC unless they carry an offset.'}
        </span>
        <div id={statusId} aria-live="polite">
          {showOwnError && <p className="field-error interval-picker-message">{reading.error}</p>}
          {error && <p className="field-error interval-picker-message">{error}</p>}
          {reading.ok && (
            <p className="field-hint interval-picker-message">
              Druid reads: <code className="interval-picker-canonical">{reading.canonical}</code> (
              {describeDuration(reading.interval.end - reading.interval.start)})
              {zone === 'local' && (
                <>
                  {' · '}
                  {localZoneName}: <code>{formatIntervalShort(reading.interval, 'local')}</code>
                </>
              )}
            </p>
          )}
        </div>
      </div>
      <IntervalPresetBar presets={allPresets} zone={zone} onPick={onChange} current={value} />
      <div className="row interval-picker-controls">
        <fieldset className="interval-picker-zone">
          <legend className="visually-hidden">Calendar time zone</legend>
          <label>
            <input type="radio" name={`${inputId}-zone`} checked={zone === 'utc'} onChange={() => setZone('utc')} />
            UTC
          </label>
          <label>
            <input type="radio" name={`${inputId}-zone`} checked={zone === 'local'} onChange={() => setZone('local')} />
            Local ({localZoneName})
          </label>
        </fieldset>
        <button
          type="button"
          className="ghost"
          aria-expanded={calendarOpen}
          aria-controls={`${inputId}-calendar`}
          onClick={() => setCalendarOpen((open) => !open)}
        >
          {calendarOpen ? 'Hide calendar' : 'Show calendar'}
        </button>
      </div>
      <div id={`${inputId}-calendar`} hidden={!calendarOpen}>
        {calendarOpen && (
          <IntervalCalendar
            interval={reading.ok ? reading.interval : null}
            zone={zone}
            now={props.now ?? now}
            onChange={(interval) => onChange(formatIntervalShort(interval, zone))}
          />
        )}
      </div>
    </div>
  );
}
