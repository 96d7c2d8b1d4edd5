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
        <div className="field">
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
        <button type="button" disabled={!hasActiveFilters(filters)} onClick={() => onChange(CLEARED)}>
          Clear filters
        </button>
      </div>
      <div className="segment-filters-interval">
        <IntervalPicker
          label="Interval filter"
          value={filters.interval}
          onChange={(interval) => onChange({ interval })}
          presets={presets}
          emptyMeans="all time"
          hint="Leave empty for all time. Segments that overlap it, or lie fully inside it:"
        />
        <fieldset className="segment-filters-match" disabled={filters.interval.trim() === ''}>
          <legend className="visually-hidden">Interval match</legend>
          <label>
            <input
              type="radio"
              name={`${id}-match`}
              checked={filters.match === 'overlap'}
              onChange={() => onChange({ match: 'overlap' })}
            />
            Overlapping
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-match`}
              checked={filters.match === 'contained'}
              onChange={() => onChange({ match: 'contained' })}
            />
            Fully inside
          </label>
        </fieldset>
      </div>
    </section>
  );
}

const CLEARED: Partial<SegmentFilters> = { states: [], interval: '', match: 'overlap', version: '', idText: '' };
