import { useId, useState } from 'react';
import type { IntervalPreset } from './interval-presets.ts';
import { monthInterval, yearInterval } from './interval-presets.ts';
import type { Zone } from './interval-text.ts';

interface IntervalPresetBarProps {
  presets: IntervalPreset[];
  zone: Zone;
  current: string;
  onPick: (interval: string) => void;
}

/** One-click intervals, plus "a given month" and "a given year". */
export function IntervalPresetBar({ presets, zone, current, onPick }: IntervalPresetBarProps) {
  const id = useId();
  const [month, setMonth] = useState('');
  const [year, setYear] = useState('');
  const monthText = monthInterval(month, zone);
  const yearText = yearInterval(year, zone);
  return (
    <div className="interval-presets">
      <ul className="interval-presets-list" aria-label="Presets">
        {presets.map((preset) => (
          <li key={`${preset.label}:${preset.interval}`}>
            <button
              type="button"
              aria-pressed={preset.interval === current}
              title={preset.interval}
              onClick={() => onPick(preset.interval)}
            >
              {preset.label}
            </button>
          </li>
        ))}
      </ul>
      <div className="row">
        <label htmlFor={`${id}-month`}>Month</label>
        <input
          id={`${id}-month`}
          type="month"
          value={month}
          placeholder="2024-01"
          onChange={(event) => setMonth(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && monthText) {
              event.preventDefault();
              onPick(monthText);
            }
          }}
        />
        <button type="button" disabled={!monthText} onClick={() => monthText && onPick(monthText)}>
          Use month
        </button>
        <label htmlFor={`${id}-year`}>Year</label>
        <input
          id={`${id}-year`}
          className="interval-presets-year"
          inputMode="numeric"
          value={year}
          placeholder="2024"
          onChange={(event) => setYear(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && yearText) {
              event.preventDefault();
              onPick(yearText);
            }
          }}
        />
        <button type="button" disabled={!yearText} onClick={() => yearText && onPick(yearText)}>
          Use year
        </button>
      </div>
    </div>
  );
}
