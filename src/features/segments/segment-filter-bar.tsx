import { useId } from 'react';
import type { SegmentState } from '../../api/segments.ts';
import { IntervalPicker, type IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import { hasActiveFilters, SEGMENT_STATES, type SegmentFilters } from './segment-filters.ts';

interface SegmentFilterBarProps {
  filters: SegmentFilters;
  onChange: (change: Partial<SegmentFilters>) => void;
  versions: readonly string[];
  presets: IntervalPreset[];
}

const STATE_LABELS: Record<SegmentState, string> = {
  used: 'Used',
  overshadowed: 'Overshadowed',
  unused: 'Unused',
};

export function SegmentFilterBar({ filters, onChange, versions, presets }: SegmentFilterBarProps) {
  const id = useId();
  const toggleState = (state: SegmentState, on: boolean) => {
    const current = filters.states.length === 0 ? [...SEGMENT_STATES] : filters.states;
    const next = on ? [...current, state] : current.filter((s) => s !== state);
    onChange({ states: next.length === SEGMENT_STATES.length ? [] : next });
  };
  return (
    <section className="segment-filters card" aria-label="Filters">
      <div className="segment-filters-row">
        <fieldset className="segment-filters-states">
          <legend>State</legend>
          {SEGMENT_STATES.map((state) => (
            <label key={state}>
              <input
                type="checkbox"
                checked={filters.states.length === 0 || filters.states.includes(state)}
                onChange={(event) => toggleState(state, event.target.checked)}
              />
              {STATE_LABELS[state]}
            </label>
          ))}
        </fieldset>
        <div className="field segment-filters-version">
          <label htmlFor={`${id}-version`}>Version</label>
          <select
            id={`${id}-version`}
            value={filters.version}
            onChange={(event) => onChange({ version: event.target.value })}
          >
            <option value="">Any version</option>
            {versions.map((version) => (
              <option key={version} value={version}>
                {version}
              </option>
            ))}
          </select>
        </div>
        <div className="field segment-filters-search">
          <label htmlFor={`${id}-q`}>Segment ID contains</label>
          <input
            id={`${id}-q`}
            type="search"
            value={filters.idText}
            onChange={(event) => onChange({ idText: event.target.value })}
          />
        </div>
      </div>
      <div className="segment-filters-interval">
        <IntervalPicker
          label="Interval filter"
          value={filters.interval}
          onChange={(interval) => onChange({ interval })}
          presets={presets}
          emptyMeans="all time"
          hint="Any Druid interval; UTC unless it carries an offset."
        />
        <div className="field">
          <label htmlFor={`${id}-match`}>Match</label>
          <select
            id={`${id}-match`}
            value={filters.match}
            disabled={filters.interval.trim() === ''}
            onChange={(event) => onChange({ match: event.target.value === 'contained' ? 'contained' : 'overlap' })}
          >
            <option value="overlap">Overlapping</option>
            <option value="contained">Fully inside</option>
          </select>
        </div>
      </div>
      <button
        type="button"
        className="segment-filters-clear"
        disabled={!hasActiveFilters(filters)}
        onClick={() => onChange(CLEARED)}
      >
        Clear filters
      </button>
    </section>
  );
}

const CLEARED: Partial<SegmentFilters> = { states: [], interval: '', match: 'overlap', version: '', idText: '' };
