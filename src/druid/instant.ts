/**
 * Instants as Druid reads and writes them: epoch milliseconds in UTC, printed as `2015-09-12T16:00:00.000Z`.
 * Druid's eternity runs from Long.MIN_VALUE / 2 to Long.MAX_VALUE / 2 ms, far outside JavaScript's Date.
 */
import { civilFromDays, MILLIS_PER_DAY } from './calendar.ts';
import { DruidFormatError } from './errors.ts';
import { readInstant } from './instant-parser.ts';

/** Druid's `JodaUtils.MIN_INSTANT` (Long.MIN_VALUE / 2), exact as a double. */
export const MIN_INSTANT = -(2 ** 62);
/** Druid's `JodaUtils.MAX_INSTANT` (Long.MAX_VALUE / 2 = 2^62 - 1, which a double rounds to 2^62). */
export const MAX_INSTANT = 2 ** 62;

export const ETERNITY_START_TEXT = '-146136543-09-08T08:23:32.096Z';
export const ETERNITY_END_TEXT = '146140482-04-24T15:36:27.903Z';

/** The span where Date#toISOString prints exactly what Joda prints (years 0000-9999). */
const ISO_STRING_MIN = -62_167_219_200_000;
const ISO_STRING_MAX = 253_402_300_800_000;

/**
 * Parses any instant Druid accepts inside an interval (Joda's ISODateTimeFormat.dateTimeParser): `2015`,
 * `2015-09-12`, `2015-09-12T16`, `2015-09-12T16:00:00.000+02:00`, `2015-W37-6`, `2015-255`, the eternity bounds….
 * Offsets are converted to UTC. Throws DruidFormatError with Joda's message.
 */
export function parseInstant(text: string): number {
  const result = readInstant(text, 'lenient');
  if (typeof result === 'string') throw new DruidFormatError(result, text);
  return result;
}

/** Like parseInstant, returning null instead of throwing. */
export function tryParseInstant(text: string): number | null {
  const result = readInstant(text, 'lenient');
  return typeof result === 'string' ? null : result;
}

/**
 * Druid's `DateTimes.ISO_DATE_TIME` (Joda's ISODateTimeFormat.dateTime), used for the timestamps inside segment IDs:
 * date, time with seconds and fraction, and a zone are all required. Null when the text does not parse.
 */
export function parseStrictInstant(text: string): number | null {
  const result = readInstant(text, 'strict');
  return typeof result === 'string' ? null : result;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Druid's `DateTime.toString()` in UTC; the eternity bounds (and anything beyond them) print as Druid prints them. */
export function formatInstant(ms: number): string {
  if (Number.isNaN(ms)) throw new RangeError('formatInstant: NaN is not an instant');
  if (ms <= MIN_INSTANT) return ETERNITY_START_TEXT;
  if (ms >= MAX_INSTANT) return ETERNITY_END_TEXT;
  const millis = Math.floor(ms);
  if (millis >= ISO_STRING_MIN && millis < ISO_STRING_MAX) return new Date(millis).toISOString();
  const days = Math.floor(millis / MILLIS_PER_DAY);
  const timeOfDay = millis - days * MILLIS_PER_DAY;
  const { year, month, day } = civilFromDays(days);
  // Joda prints at least four year digits, a minus sign but never a plus sign.
  const yearText = year < 0 ? `-${pad(-year, 4)}` : pad(year, 4);
  const hours = Math.floor(timeOfDay / 3_600_000);
  const minutes = Math.floor(timeOfDay / 60_000) % 60;
  const seconds = Math.floor(timeOfDay / 1000) % 60;
  return `${yearText}-${pad(month, 2)}-${pad(day, 2)}T${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(timeOfDay % 1000, 3)}Z`;
}

/** True for Druid's eternity bounds (or anything beyond them). */
export function isEternityBound(ms: number): boolean {
  return ms <= MIN_INSTANT || ms >= MAX_INSTANT;
}
