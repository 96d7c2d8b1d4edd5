import { ETERNITY_START_TEXT } from '../../druid/instant.ts';
import { formatInstantShort, msOf, type Zone } from './interval-text.ts';

export interface IntervalPreset {
  label: string;
  /** Any text Druid reads as an interval. */
  interval: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Presets every picker offers, relative to `now` (floored to the minute so the text stays short). */
export function builtInPresets(now: number, zone: Zone): IntervalPreset[] {
  const end = Math.floor(now / 60_000) * 60_000;
  const text = (ms: number) => formatInstantShort(ms, zone);
  return [
    { label: 'Last 7 days', interval: `${text(end - 7 * DAY)}/${text(end)}` },
    { label: 'Last 30 days', interval: `${text(end - 30 * DAY)}/${text(end)}` },
    // Druid's own start of time, so nothing older is left out.
    { label: 'Everything older than 24 hours', interval: `${ETERNITY_START_TEXT}/${text(end - DAY)}` },
  ];
}

/** `2024-02` → the whole of February 2024 in the zone, or null when the text is not a month. */
export function monthInterval(monthText: string, zone: Zone): string | null {
  const match = /^(\d{4})-(\d{2})$/.exec(monthText);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const start = msOf({ year, month, day: 1, hour: 0, minute: 0, second: 0, millis: 0 }, zone);
  const end = msOf({ year, month: month + 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0 }, zone);
  return `${formatInstantShort(start, zone)}/${formatInstantShort(end, zone)}`;
}

/** `2024` → the whole year 2024 in the zone, or null when the text is not a four-digit year. */
export function yearInterval(yearText: string, zone: Zone): string | null {
  if (!/^\d{4}$/.test(yearText.trim())) return null;
  const year = Number(yearText.trim());
  const start = msOf({ year, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0 }, zone);
  const end = msOf({ year: year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0, millis: 0 }, zone);
  return `${formatInstantShort(start, zone)}/${formatInstantShort(end, zone)}`;
}
