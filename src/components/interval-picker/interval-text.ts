/**
 * Pure logic behind the interval picker: reading what the user typed (every form Druid's `Intervals.of` accepts),
 * explaining failures in words, and writing intervals back as short text Druid reads the same way.
 */

import { formatInstant, isEternityBound } from '../../druid/instant.ts';
import { readInstant } from '../../druid/instant-parser.ts';
import { formatInterval, type Interval, tryParseInterval } from '../../druid/interval.ts';
import { tryParsePeriod } from '../../druid/period.ts';

export type IntervalReading =
  | { ok: true; interval: Interval; canonical: string }
  | { ok: false; error: string; empty: boolean };

const EXAMPLE = '2015-09-12/2015-09-13';
const NOT_AN_INTERVAL = `Not an interval: use start/end such as ${EXAMPLE}, start/period such as 2015-09-12/P1D, or period/end.`;
const DATE_FORMS = 'such as 2015-09-12 or 2015-09-12T06:00Z';

function isPeriodText(text: string): boolean {
  return /^p/i.test(text);
}

/** Joda's field names, as the person typing them thinks of them. */
const FIELD_WORDS: Record<string, string> = {
  year: 'year',
  monthOfYear: 'month',
  dayOfMonth: 'day',
  weekOfWeekyear: 'week',
  dayOfWeek: 'weekday',
  dayOfYear: 'day of the year',
  hourOfDay: 'hour',
  minuteOfHour: 'minute',
  secondOfMinute: 'second',
};

/**
 * Why one side is not a date, in plain words: Joda's "Value 13 for monthOfYear must be in the range [1,12]"
 * becomes "there is no month 13 (1–12)"; format errors point at the forms that work.
 */
function instantReason(text: string): string | null {
  const reason = readInstant(text, 'lenient');
  if (typeof reason !== 'string') return null;
  const range = /Value (-?\d+) for (\w+) must be in the range \[(-?\d+),(-?\d+)\]/.exec(reason);
  if (range) {
    const [, value, field, min, max] = range as unknown as [string, string, string, string, string];
    return `there is no ${FIELD_WORDS[field] ?? field} ${value} (${min}–${max})`;
  }
  return `use a date ${DATE_FORMS}`;
}

/** Why `text` is not a usable interval, in plain words; null when Druid would accept it (and it is not empty). */
export function describeIntervalProblem(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return `Enter an interval such as ${EXAMPLE}.`;
  if (tryParseInterval(text, { allowEmpty: false }).ok) return null;
  const normalized = text.replaceAll('_', '/');
  const slash = normalized.indexOf('/');
  if (slash < 0) return NOT_AN_INTERVAL;
  const left = normalized.slice(0, slash);
  const right = normalized.slice(slash + 1);
  if (left === '') return `Start is missing before “/”: use start/end such as ${EXAMPLE}.`;
  if (right === '') return `End is missing after “/”: use start/end such as ${EXAMPLE}.`;
  if (isPeriodText(left) && isPeriodText(right))
    return 'Both sides are periods: give a date on one side, such as 2015-09-12/P1D.';
  for (const [side, part] of [
    ['Start', left],
    ['End', right],
  ] as const) {
    if (isPeriodText(part)) {
      if (tryParsePeriod(part) === null)
        return `${side} “${part}” is not a period: use one such as P1D, PT6H, P1M or P1Y.`;
    } else {
      const reason = instantReason(part);
      if (reason) return `${side} “${part}” is not a date: ${reason}.`;
    }
  }
  return 'End must be after start.';
}

/** Reads user input: the interval and Druid's canonical form, or an explanation. Whitespace around it is ignored. */
export function readIntervalText(text: string): IntervalReading {
  const trimmed = text.trim();
  const parsed = tryParseInterval(trimmed, { allowEmpty: false });
  if (trimmed !== '' && parsed.ok)
    return { ok: true, interval: parsed.interval, canonical: formatInterval(parsed.interval) };
  return { ok: false, empty: trimmed === '', error: describeIntervalProblem(trimmed) ?? NOT_AN_INTERVAL };
}

export type Zone = 'utc' | 'local';

export interface DateTimeParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millis: number;
}

export function partsOf(ms: number, zone: Zone): DateTimeParts {
  const date = new Date(ms);
  if (zone === 'utc')
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
      millis: date.getUTCMilliseconds(),
    };
  return {
    year: date.getFullYear(),
    month: date.getMonth() + 1,
    day: date.getDate(),
    hour: date.getHours(),
    minute: date.getMinutes(),
    second: date.getSeconds(),
    millis: date.getMilliseconds(),
  };
}

export function msOf(p: DateTimeParts, zone: Zone): number {
  if (zone === 'utc') {
    const date = new Date(0);
    date.setUTCFullYear(p.year, p.month - 1, p.day);
    date.setUTCHours(p.hour, p.minute, p.second, p.millis);
    return date.getTime();
  }
  const date = new Date(0);
  date.setFullYear(p.year, p.month - 1, p.day);
  date.setHours(p.hour, p.minute, p.second, p.millis);
  return date.getTime();
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Minutes east of UTC at `ms` in the browser's zone. */
function localOffsetMinutes(ms: number): number {
  return -new Date(ms).getTimezoneOffset();
}

/**
 * The shortest text Druid reads as exactly this instant: `2015-09-12` at midnight UTC, `2015-09-12T06:30Z`,
 * `2015-09-12T06:30:15.250Z`; in local time with the offset, `2015-09-12T00:00+02:00`.
 */
export function formatInstantShort(ms: number, zone: Zone): string {
  if (isEternityBound(ms) || ms < -62_135_596_800_000 || ms > 253_402_300_799_999) return formatInstant(ms);
  const p = partsOf(ms, zone);
  const date = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
  let offset = 'Z';
  if (zone === 'local') {
    const minutes = localOffsetMinutes(ms);
    const abs = Math.abs(minutes);
    offset = minutes === 0 ? 'Z' : `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  const midnight = p.hour === 0 && p.minute === 0 && p.second === 0 && p.millis === 0;
  if (midnight && offset === 'Z') return date;
  let time = `${pad(p.hour)}:${pad(p.minute)}`;
  if (p.second !== 0 || p.millis !== 0) time += `:${pad(p.second)}`;
  if (p.millis !== 0) time += `.${pad(p.millis, 3)}`;
  return `${date}T${time}${offset}`;
}

export function formatIntervalShort(interval: Interval, zone: Zone): string {
  return `${formatInstantShort(interval.start, zone)}/${formatInstantShort(interval.end, zone)}`;
}

const DAY = 86_400_000;

/** "1 day", "3 h 30 min", "2 years 5 days" — a rough length for the canonical-form line. */
export function describeDuration(ms: number): string {
  if (ms >= 365 * DAY * 1000) return 'thousands of years';
  const units: Array<[number, string, boolean]> = [
    [365 * DAY, 'year', true],
    [DAY, 'day', true],
    [3_600_000, 'h', false],
    [60_000, 'min', false],
    [1000, 's', false],
  ];
  const words: string[] = [];
  let rest = ms;
  for (const [size, name, plural] of units) {
    const count = Math.floor(rest / size);
    if (count > 0 && words.length < 2) {
      words.push(`${count} ${name}${plural && count !== 1 ? 's' : ''}`);
      rest -= count * size;
    }
  }
  return words.length ? words.join(' ') : `${ms} ms`;
}
