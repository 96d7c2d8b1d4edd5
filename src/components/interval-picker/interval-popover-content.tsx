import { useId, useState } from 'react';
import type { Interval } from '../../druid/interval.ts';
import { IntervalCalendar } from './interval-calendar.tsx';
import { IntervalPresetList } from './interval-preset-list.tsx';
import type { IntervalPreset } from './interval-presets.ts';
import { formatIntervalShort, type Zone } from './interval-text.ts';

interface IntervalPopoverContentProps {
  value: string;
  interval: Interval | null;
  presets: readonly IntervalPreset[];
  extent: Interval | null;
  now: number;
  onChange: (text: string) => void;
  onDone: () => void;
}

/** Presets beside the range calendar; the calendar's zone is UTC unless the user picks local time here. */
export function IntervalPopoverContent(props: IntervalPopoverContentProps) {
  const { value, interval, presets, extent, now, onChange, onDone } = props;
  const id = useId();
  const [zone, setZone] = useState<Zone>('utc');
  const localZoneName = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
  return (
    <div className="interval-popover-body">
      <div className="interval-popover-main">
        <IntervalPresetList
          presets={presets}
          current={value}
          onPick={(text) => {
            onChange(text);
            onDone();
          }}
        />
        <IntervalCalendar
          interval={interval}
          extent={extent}
          zone={zone}
          now={now}
          onChange={(next) => onChange(formatIntervalShort(next, zone))}
        />
      </div>
      <div className="row interval-popover-footer">
        <fieldset className="interval-picker-zone">
          <legend className="visually-hidden">Calendar time zone</legend>
          <label>
            <input type="radio" name={`${id}-zone`} checked={zone === 'utc'} onChange={() => setZone('utc')} />
            UTC
          </label>
          <label>
            <input type="radio" name={`${id}-zone`} checked={zone === 'local'} onChange={() => setZone('local')} />
            Local ({localZoneName})
          </label>
        </fieldset>
        <button type="button" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
