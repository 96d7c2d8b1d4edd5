import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unusedRangeQueryOptions } from '../../api/kill.ts';
import { IntervalPicker, type IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import { formatInstantShort, formatIntervalShort } from '../../components/interval-picker/interval-text.ts';

const DAY_MS = 86_400_000;

/** Druid's console's default kill range: everything up to 24 hours ago, clear of streaming ingestion's locks. */
export function usualKillRange(now: number): string {
  const end = Math.floor((now - DAY_MS) / 60_000) * 60_000;
  return `1000-01-01/${formatInstantShort(end, 'utc')}`;
}

interface KillIntervalFieldProps {
  dataSource: string;
  value: string;
  onChange: (text: string) => void;
  now: number;
}

export function KillIntervalField({ dataSource, value, onChange, now }: KillIntervalFieldProps) {
  const range = useQuery(unusedRangeQueryOptions(dataSource));
  const presets = useMemo(() => {
    const list: IntervalPreset[] = [
      { label: 'Up to 24 hours ago (Druid’s usual kill range)', interval: usualKillRange(now) },
    ];
    if (range.data)
      list.push({
        label: `All unused segments of ${dataSource}`,
        interval: formatIntervalShort(range.data.interval, 'utc'),
      });
    return list;
  }, [now, range.data, dataSource]);
  return (
    <IntervalPicker
      label="Interval to kill"
      value={value}
      onChange={onChange}
      presets={presets}
      now={now}
      calendarInitiallyOpen={false}
      hint={
        range.data === null
          ? `${dataSource} has no unused segments: there is nothing a kill could delete.`
          : 'Only unused segments lying fully inside the interval are deleted. Times are UTC unless they carry an offset.'
      }
    />
  );
}
