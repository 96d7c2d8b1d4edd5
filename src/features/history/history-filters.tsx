import { useEffect, useId, useMemo, useState } from 'react';
import {
  IntervalPicker,
  type IntervalPreset,
  readIntervalText,
} from '../../components/interval-picker/interval-picker.tsx';
import { recentPresets } from '../../components/interval-picker/interval-presets.ts';
import { formatInstantShort } from '../../components/interval-picker/interval-text.ts';
import { DEFAULT_COUNT, type HistoryUrlState, MAX_COUNT, parseCount } from './use-history-url.ts';

/** Newest first, shortest first: the order people scan them in; "All time" last. */
const HISTORY_SPANS = [
  { label: 'Last 24 hours', days: 1 },
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last year', days: 365 },
];

interface HistoryFiltersProps {
  state: HistoryUrlState;
  onChange: (change: Partial<HistoryUrlState>) => void;
  dataSources: readonly string[];
  now: number;
}

// Rounded up to the minute, so a change made in the current minute is inside.
const endOf = (now: number) => Math.ceil(now / 60_000) * 60_000;

/** The last 7 days as the "Last 7 days" preset writes them: what Druid's default window covers. */
export function defaultWindowText(now: number): string {
  return recentPresets(now, 'utc', [{ label: 'Last 7 days', days: 7 }], 'up')[0]?.interval ?? '';
}

export function historyPresets(now: number): IntervalPreset[] {
  // From the year 1000, like the kill view's "everything older than": before any audit entry, and still plain text.
  const allTime = { label: 'All time', interval: `1000-01-01/${formatInstantShort(endOf(now), 'utc')}` };
  return [...recentPresets(now, 'utc', HISTORY_SPANS, 'up'), allTime];
}

/** Scope (datasource), and either a time range or the last N changes; every valid edit goes straight to the URL. */
export function HistoryFilters({ state, onChange, dataSources, now }: HistoryFiltersProps) {
  const id = useId();
  const urlInterval = state.interval ?? defaultWindowText(now);
  const [intervalText, setIntervalText] = useState(urlInterval);
  const [countText, setCountText] = useState(String(state.count));
  const presets = useMemo(() => historyPresets(now), [now]);

  // Follow the URL when it changes from elsewhere (back button, "show the last 50 changes").
  useEffect(() => setIntervalText(urlInterval), [urlInterval]);
  useEffect(() => setCountText(String(state.count)), [state.count]);

  const countValid = parseCount(countText) !== null;
  const names =
    state.dataSource !== null && !dataSources.includes(state.dataSource)
      ? [state.dataSource, ...dataSources]
      : dataSources;

  return (
    <div className="card stack history-filters">
      <div className="row history-filters-top">
        <div className="field">
          <label htmlFor={`${id}-ds`}>Datasource</label>
          <select
            id={`${id}-ds`}
            value={state.dataSource ?? ''}
            onChange={(event) => onChange({ dataSource: event.target.value || null, entryId: null })}
          >
            <option value="">All datasources</option>
            {names.map((name) => (
              <option key={name} value={name}>
                {name === '_default' ? '_default (cluster defaults)' : name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="history-mode">
          <legend>Show</legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={state.mode === 'interval'}
              onChange={() => onChange({ mode: 'interval' })}
            />
            Changes in a time range
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={state.mode === 'count'}
              onChange={() => onChange({ mode: 'count', interval: null })}
            />
            The last N changes
          </label>
        </fieldset>
        {state.mode === 'count' && (
          <div className="field">
            <label htmlFor={`${id}-count`}>Number of changes</label>
            <input
              id={`${id}-count`}
              type="number"
              min={1}
              max={MAX_COUNT}
              value={countText}
              aria-invalid={!countValid}
              aria-describedby={`${id}-count-hint`}
              onChange={(event) => {
                setCountText(event.target.value);
                const count = parseCount(event.target.value);
                if (count !== null) onChange({ count });
              }}
            />
            <span id={`${id}-count-hint`} className={countValid ? 'field-hint' : 'field-error'}>
              {countValid ? 'Newest first.' : `Enter a whole number from 1 to ${MAX_COUNT} (e.g. ${DEFAULT_COUNT}).`}
            </span>
          </div>
        )}
      </div>
      {state.mode === 'interval' && (
        <IntervalPicker
          label="Time range of the changes"
          value={intervalText}
          now={now}
          presets={presets}
          recentPresets={false}
          hint={
            state.interval === null
              ? "Druid's default window: the last 7 days. Type or pick another range; times are UTC."
              : 'start/end, start/period or period/end; times are UTC unless they carry an offset.'
          }
          onChange={(text) => {
            setIntervalText(text);
            if (readIntervalText(text).ok) onChange({ mode: 'interval', interval: text.trim() });
          }}
        />
      )}
    </div>
  );
}
