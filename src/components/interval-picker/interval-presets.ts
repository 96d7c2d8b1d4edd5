import type { Interval } from '../../druid/interval.ts';
import { formatInstantShort, readIntervalText, type Zone } from './interval-text.ts';

export interface IntervalPreset {
  label: string;
  /** Any text Druid reads as an interval; empty where the field's empty value means something ("All time"). */
  interval: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The recent spans, shortest first: the order people scan them in. */
export const RECENT_SPANS: ReadonlyArray<{ label: string; days: number }> = [
  { label: 'Last 24 hours', days: 1 },
  { label: 'Last 7 days', days: 7 },
  { label: 'Last 30 days', days: 30 },
];

/**
 * "Last 24 hours", "Last 7 days"… up to `end` in the zone. `end` is rounded to the minute, down by default; round
 * it up where something from the current minute must be inside (history).
 */
export function recentPresets(
  now: number,
  zone: Zone,
  spans = RECENT_SPANS,
  rounding: 'down' | 'up' = 'down',
): IntervalPreset[] {
  const end = (rounding === 'up' ? Math.ceil : Math.floor)(now / 60_000) * 60_000;
  const text = (ms: number) => formatInstantShort(ms, zone);
  return spans.map(({ label, days }) => ({ label, interval: `${text(end - days * DAY)}/${text(end)}` }));
}

/** The caller's presets, then the built-in ones, each interval once (the first label wins). */
export function mergePresets(...lists: ReadonlyArray<readonly IntervalPreset[]>): IntervalPreset[] {
  const seen = new Set<string>();
  const merged: IntervalPreset[] = [];
  for (const preset of lists.flat()) {
    const key = preset.interval.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(preset);
  }
  return merged;
}

/** Years the calendar can show sensibly: older bounds (Druid's eternity, 1000-01-01) are text-only. */
const MIN_DATA_MS = Date.UTC(1900, 0, 1);

/**
 * Where the data lies, from presets that describe it (the datasource's whole range, its unused range): the union of
 * the ones that read as calendar-sized intervals. Null when none do.
 */
export function extentOfPresets(presets: readonly IntervalPreset[]): Interval | null {
  let extent: Interval | null = null;
  for (const preset of presets) {
    const reading = readIntervalText(preset.interval);
    if (!reading.ok || reading.interval.start < MIN_DATA_MS || reading.interval.end > Date.UTC(9999, 0, 1)) continue;
    const { start, end } = reading.interval;
    extent = extent ? { start: Math.min(extent.start, start), end: Math.max(extent.end, end) } : { start, end };
  }
  return extent;
}

/**
 * The instant whose month the calendar opens on: the interval typed, else the data, else now. A start older than
 * the data (Druid's eternity, `1000-01-01/…`) opens on the data or on the interval's end instead, never on 1970 or
 * the year 1000.
 */
export function calendarFocus(interval: Interval | null, extent: Interval | null, now: number): number {
  const floor = extent?.start ?? MIN_DATA_MS;
  if (interval) {
    if (interval.start >= floor) return interval.start;
    if (extent && interval.end > extent.start) return extent.start;
    // The last day the interval touches.
    if (interval.end - 1 >= MIN_DATA_MS && interval.end <= Date.UTC(9999, 0, 1)) return interval.end - 1;
  }
  return extent ? extent.start : now;
}
