import { useId } from 'react';
import type { IntervalPreset } from './interval-presets.ts';

interface IntervalPresetListProps {
  presets: readonly IntervalPreset[];
  current: string;
  onPick: (interval: string) => void;
}

/** One-click intervals, each with the exact text it writes, so nothing is picked blind. */
export function IntervalPresetList({ presets, current, onPick }: IntervalPresetListProps) {
  const id = useId();
  if (presets.length === 0) return null;
  return (
    <ul className="interval-presets" aria-label="Presets">
      {presets.map((preset, index) => {
        const textId = `${id}-${index}`;
        return (
          <li key={`${preset.label}:${preset.interval}`}>
            <button
              type="button"
              aria-pressed={preset.interval.trim() === current.trim()}
              aria-describedby={textId}
              onClick={() => onPick(preset.interval)}
            >
              {preset.label}
            </button>
            <code id={textId} className="interval-presets-text">
              {preset.interval || 'empty'}
            </code>
          </li>
        );
      })}
    </ul>
  );
}
