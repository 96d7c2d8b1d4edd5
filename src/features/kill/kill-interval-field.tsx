import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { unusedRangeQueryOptions } from '../../api/kill.ts';
import { IntervalPicker, type IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import { formatInstantShort, formatIntervalShort } from '../../components/interval-picker/interval-text.ts';
import type { Interval } from '../../druid/interval.ts';

const DAY_MS = 86_400_000;

/** Druid's console's default kill range: everything up to 24 hours ago, clear of streaming ingestion's locks. */
export function usualKillRange(now: number): string {
  const end = Math.floor((now - DAY_MS) / 60_000) * 60_000;
  return `1000-01-01/${formatInstantShort(end, 'utc')}`;
}

/**
 * Kill's presets: the usual range, and the datasource's unused range only when it ends before the last 24 hours
 * (later, the dry run would warn about the very preset offered; the usual range already covers what is older).
 */
export function killPresets(dataSource: string, unusedRange: Interval | null | undefined, now: number) {
  const list: IntervalPreset[] = [{ label: 'Everything older than 24 hours', interval: usualKillRange(now) }];
  if (unusedRange && unusedRange.end <= now - DAY_MS)
    list.push({ label: `All unused segments of ${dataSource}`, interval: formatIntervalShort(unusedRange, 'utc') });
  return list;
}

interface KillIntervalFieldProps {
  dataSource: string;
  value: string;
  onChange: (text: string) => void;
  now: number;
}

export function KillIntervalField({ dataSource, value, onChange, now }: KillIntervalFieldProps) {
  const range = useQuery(unusedRangeQueryOptions(dataSource));
  const presets = useMemo(() => killPresets(dataSource, range.data?.interval, now), [now, range.data, dataSource]);
  return (
    <IntervalPicker
      label="Interval to kill"
      value={value}
      onChange={onChange}
      presets={presets}
      // "Last 7 days" and the like reach into the last 24 hours, which the dry run warns against.
      recentPresets={false}
      extent={range.data?.interval ?? null}
      now={now}
      hint={
        range.data === null
          ? `${dataSource} has no unused segments: there is nothing a kill could delete.`
          : 'Only unused segments lying fully inside the interval are deleted. UTC unless the text carries an offset.'
      }
    />
  );
}
