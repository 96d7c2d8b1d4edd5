/**
 * ISO-8601 periods as Druid reads them (Joda's ISOPeriodFormat.standard: `PnYnMnWnDTnHnMnS`, fields in that order,
 * each optionally signed, a fraction only on seconds, letters in either case) and Joda's calendar arithmetic.
 */
import { utc } from '@date-fns/utc';
import { addMonths, addYears } from 'date-fns';
import { DruidFormatError } from './errors.ts';
import { MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import { jodaFormatErrorMessage } from './instant-parser.ts';

export interface Period {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  millis: number;
}

type PeriodField = Exclude<keyof Period, 'millis'>;

const DATE_FIELDS: ReadonlyArray<readonly [string, PeriodField]> = [
  ['Y', 'years'],
  ['M', 'months'],
  ['W', 'weeks'],
  ['D', 'days'],
];
const TIME_FIELDS: ReadonlyArray<readonly [string, PeriodField]> = [
  ['H', 'hours'],
  ['M', 'minutes'],
  ['S', 'seconds'],
];
const INT_MAX = 2_147_483_647;
/** JavaScript's Date covers ±8.64e15 ms; calendar fields cannot be added beyond it. */
const DATE_LIMIT = 8.64e15;

export const ZERO_PERIOD: Readonly<Period> = Object.freeze({
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
  millis: 0,
});

function malformed(text: string, pos: number): DruidFormatError {
  return new DruidFormatError(jodaFormatErrorMessage(text, pos), text);
}

/** Reads `[sign]digits[(.|,)digits]` then a designator letter; null when there is no number here. */
function readComponent(text: string, pos: number) {
  const match = /^([+-]?)(\d{1,10})(?:[.,](\d*))?([A-Za-z])?/.exec(text.slice(pos));
  if (!match) return null;
  const [all, sign = '', digits = '', fraction, letter] = match;
  return { length: all.length, negative: sign === '-', whole: Number(digits), fraction, letter: letter?.toUpperCase() };
}

/** Parses a Joda ISO period; throws DruidFormatError with Joda's "Invalid format" message. */
export function parsePeriod(text: string): Period {
  if (text.charAt(0).toUpperCase() !== 'P') throw malformed(text, 0);
  const period: Period = { ...ZERO_PERIOD };
  let pos = 1;
  let fields = DATE_FIELDS;
  let next = 0;
  let inTime = false;
  let seen = 0;
  while (pos < text.length) {
    if (!inTime && text.charAt(pos).toUpperCase() === 'T') {
      inTime = true;
      fields = TIME_FIELDS;
      next = 0;
      pos++;
      if (pos >= text.length) throw malformed(text, pos);
      continue;
    }
    const component = readComponent(text, pos);
    if (!component?.letter) throw malformed(text, pos);
    const index = fields.findIndex(([letter], i) => i >= next && letter === component.letter);
    const field = fields[index]?.[1];
    if (field === undefined) throw malformed(text, pos);
    if (component.fraction !== undefined && field !== 'seconds') throw malformed(text, pos);
    if (component.whole > INT_MAX) throw malformed(text, pos);
    const sign = component.negative ? -1 : 1;
    period[field] = sign * component.whole;
    if (component.fraction) period.millis = sign * Number(component.fraction.slice(0, 3).padEnd(3, '0'));
    next = index + 1;
    pos += component.length;
    seen++;
  }
  if (seen === 0) throw malformed(text, pos);
  return period;
}

export function tryParsePeriod(text: string): Period | null {
  try {
    return parsePeriod(text);
  } catch {
    return null;
  }
}

export function isValidPeriod(text: string): boolean {
  return tryParsePeriod(text) !== null;
}

/** Joda's ISO print: `P1Y2M3W4DT5H6M7.008S`, `PT0S` for a zero period. */
export function formatPeriod(period: Period): string {
  const date = DATE_FIELDS.map(([letter, field]) => (period[field] ? `${period[field]}${letter}` : '')).join('');
  let time = TIME_FIELDS.slice(0, 2)
    .map(([letter, field]) => (period[field] ? `${period[field]}${letter}` : ''))
    .join('');
  const totalMillis = period.seconds * 1000 + period.millis;
  if (totalMillis !== 0) {
    const whole = Math.trunc(totalMillis / 1000);
    const fraction = Math.abs(totalMillis % 1000);
    const sign = totalMillis < 0 && whole === 0 ? '-' : '';
    time += `${sign}${whole}${fraction ? `.${String(fraction).padStart(3, '0')}` : ''}S`;
  }
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/**
 * Joda's `chronology.add(period, instant, times)` in UTC: years, then months (each clamping the day of month, so
 * 31 March − P1M = 28/29 February), then weeks, days and time fields as exact durations. `times = -1` subtracts.
 * Results are clamped to Druid's eternity; calendar fields cannot move an instant beyond JavaScript's Date range.
 */
export function addPeriod(ms: number, period: Period, times = 1): number {
  let result = ms;
  const years = period.years * times;
  const months = period.months * times;
  if ((years !== 0 || months !== 0) && Math.abs(result) <= DATE_LIMIT) {
    if (years !== 0) result = addYears(result, years, { in: utc }).getTime();
    if (months !== 0 && !Number.isNaN(result)) result = addMonths(result, months, { in: utc }).getTime();
    if (Number.isNaN(result)) return years + months < 0 ? MIN_INSTANT : MAX_INSTANT;
  }
  const days = (period.weeks * 7 + period.days) * times;
  const fixedMillis =
    (period.hours * 3_600_000 + period.minutes * 60_000 + period.seconds * 1000 + period.millis) * times;
  result += days * 86_400_000 + fixedMillis;
  return Math.min(MAX_INSTANT, Math.max(MIN_INSTANT, result));
}

/** True when adding the period moves time backwards (Druid then fails building `[now - period, now)`). */
export function isNegativePeriod(period: Period, at: number): boolean {
  return addPeriod(at, period) < at;
}
