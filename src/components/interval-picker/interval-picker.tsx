/**
 * IntervalPicker: one Druid interval, typed or picked. Usage:
 *
 *   const [text, setText] = useState('');
 *   const reading = readIntervalText(text); // { ok, interval, canonical } | { ok: false, error }
 *   <IntervalPicker label="Interval" value={text} onChange={setText}
 *     presets={[{ label: 'Whole datasource', interval: '2015-09-12/2015-09-13' }]} />
 *
 * A compact text field, the source of truth, accepting every form Druid does (`start/end`, `start/P1D`, `P1D/end`,
 * `start_end`, offsets normalized to UTC), and a button opening a popover with presets, a range calendar and
 * time-of-day inputs that write into it. The calendar opens on the typed interval, else on `extent` (the data),
 * never on today's month for old data. UTC by default; local time only when picked in the popover.
 */
import { type ReactNode, useId, useMemo, useRef, useState } from 'react';
import type { Interval } from '../../druid/interval.ts';
import { IntervalPopover } from './interval-popover.tsx';
import { IntervalPopoverContent } from './interval-popover-content.tsx';
import { extentOfPresets, type IntervalPreset, mergePresets, recentPresets } from './interval-presets.ts';
import { describeDuration, readIntervalText } from './interval-text.ts';
import './interval-picker.css';

export type { IntervalPreset } from './interval-presets.ts';
export { readIntervalText } from './interval-text.ts';

export interface IntervalPickerProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** The caller's presets (e.g. the datasource's whole range, its unused range), shown first. */
  presets?: IntervalPreset[];
  /** Also offer "Last 24 hours", "Last 7 days", "Last 30 days" (default). Off where recent data is the wrong pick. */
  recentPresets?: boolean;
  /** Where the data lies, for the calendar's first month; by default the span of the caller's presets. */
  extent?: Interval | null;
  now?: number;
  error?: string;
  id?: string;
  /** Extra guidance under the field. */
  hint?: ReactNode;
  /** What an empty field means (e.g. "all time" for a filter): empty is then valid, never flagged. */
  emptyMeans?: string;
}

export function IntervalPicker(props: IntervalPickerProps) {
  const { label, value, onChange, presets = [], error, hint, emptyMeans, recentPresets: withRecent = true } = props;
  const generatedId = useId();
  const inputId = props.id ?? `${generatedId}-interval`;
  const [touched, setTouched] = useState(false);
  const [open, setOpen] = useState(false);
  const [ownNow] = useState(() => Date.now());
  const now = props.now ?? ownNow;
  const rowRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const reading = useMemo(() => readIntervalText(value), [value]);
  const extent = useMemo(() => props.extent ?? extentOfPresets(presets), [props.extent, presets]);
  const allPresets = useMemo(
    () =>
      mergePresets(
        presets,
        withRecent ? recentPresets(now, 'utc') : [],
        emptyMeans === undefined ? [] : [{ label: capitalize(emptyMeans), interval: '' }],
      ),
    [presets, withRecent, now, emptyMeans],
  );

  const emptyAllowed = emptyMeans !== undefined;
  const showOwnError = !reading.ok && (!reading.empty || (touched && !emptyAllowed));
  const hintId = `${inputId}-hint`;
  const statusId = `${inputId}-status`;
  const popoverId = `${inputId}-popover`;

  return (
    <div className="field interval-picker">
      <label htmlFor={inputId}>{label}</label>
      <div className="interval-picker-row" ref={rowRef}>
        <input
          id={inputId}
          className="mono interval-picker-text"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={showOwnError || Boolean(error)}
          aria-describedby={`${hintId} ${statusId}`}
          autoComplete="off"
          spellCheck={false}
          placeholder={emptyAllowed ? `empty: ${emptyMeans}` : '2015-09-12/2015-09-13'}
        />
        <button
          ref={buttonRef}
          type="button"
          className="interval-picker-open"
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={popoverId}
          onClick={() => setOpen(true)}
        >
          <CalendarIcon />
          <span className="visually-hidden">{`${label}: calendar and presets`}</span>
        </button>
      </div>
      <span id={hintId} className="field-hint">
        {hint ?? 'start/end, start/period (2015-09-12/P1D) or period/end; UTC unless the text carries an offset.'}
      </span>
      <div id={statusId} aria-live="polite" className="interval-picker-status">
        {showOwnError && <p className="field-error interval-picker-message">{reading.error}</p>}
        {error && !(showOwnError && error === reading.error) && (
          <p className="field-error interval-picker-message">{error}</p>
        )}
        {reading.ok && (
          <p className="field-hint interval-picker-message">
            Druid reads <code className="interval-picker-canonical">{reading.canonical}</code> (
            {describeDuration(reading.interval.end - reading.interval.start)})
          </p>
        )}
      </div>
      <IntervalPopover
        id={popoverId}
        label={`${label}: calendar and presets`}
        open={open}
        anchor={rowRef}
        returnFocus={buttonRef}
        onClose={() => setOpen(false)}
      >
        <IntervalPopoverContent
          value={value}
          interval={reading.ok ? reading.interval : null}
          presets={allPresets}
          extent={extent}
          now={now}
          onChange={onChange}
          onDone={() => setOpen(false)}
        />
      </IntervalPopover>
    </div>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function CalendarIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
      <path d="M1.5 6.5h13M5 1v3M11 1v3" stroke="currentColor" fill="none" />
    </svg>
  );
}
