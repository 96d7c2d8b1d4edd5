/** The fields Joda's ISO parsers read, and how Joda turns them into an instant (validation, zone, eternity). */
import {
  daysFromCivil,
  daysInMonth,
  firstMondayOfWeekyear,
  isLeapYear,
  MILLIS_PER_DAY,
  weeksInWeekyear,
} from './calendar.ts';

/** Druid's eternity bounds as exact BigInts: Long.MIN_VALUE / 2 and Long.MAX_VALUE / 2. */
const MIN_INSTANT_EXACT = -(2n ** 62n);
const MAX_INSTANT_EXACT = 2n ** 62n - 1n;
/** Within this many years of 1970 every millisecond count fits a double exactly, so plain arithmetic is safe. */
const SAFE_YEAR_LIMIT = 200_000;
const MAX_SAFE_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
const JODA_MIN_YEAR = -292_275_054;
const JODA_MAX_YEAR = 292_278_993;

export interface Fields {
  kind: 'calendar' | 'week' | 'ordinal';
  year: number;
  /** month, week of weekyear or day of year, depending on `kind` */
  major: number;
  /** day of month or day of week */
  minor: number;
  hour: number;
  minute: number;
  second: number;
  /** the fraction of the smallest time field given, in milliseconds */
  fractionMillis: number;
  offsetMillis: number;
}

function rangeError(value: number, field: string, min: number, max: number): string {
  return `Value ${value} for ${field} must be in the range [${min},${max}]`;
}

/** Joda validates fields largest first once the text has been read. */
function validate(f: Fields): string | null {
  if (f.year < JODA_MIN_YEAR || f.year > JODA_MAX_YEAR) return rangeError(f.year, 'year', JODA_MIN_YEAR, JODA_MAX_YEAR);
  if (f.kind === 'calendar') {
    if (f.major < 1 || f.major > 12) return rangeError(f.major, 'monthOfYear', 1, 12);
    const maxDay = daysInMonth(f.year, f.major);
    if (f.minor < 1 || f.minor > maxDay) return rangeError(f.minor, 'dayOfMonth', 1, maxDay);
  } else if (f.kind === 'week') {
    const maxWeek = weeksInWeekyear(f.year);
    if (f.major < 1 || f.major > maxWeek) return rangeError(f.major, 'weekOfWeekyear', 1, maxWeek);
    if (f.minor < 1 || f.minor > 7) return rangeError(f.minor, 'dayOfWeek', 1, 7);
  } else {
    const maxDay = isLeapYear(f.year) ? 366 : 365;
    if (f.major < 1 || f.major > maxDay) return rangeError(f.major, 'dayOfYear', 1, maxDay);
  }
  if (f.hour > 23) return rangeError(f.hour, 'hourOfDay', 0, 23);
  if (f.minute > 59) return rangeError(f.minute, 'minuteOfHour', 0, 59);
  if (f.second > 59) return rangeError(f.second, 'secondOfMinute', 0, 59);
  return null;
}

function dayNumber(f: Fields): number {
  if (f.kind === 'calendar') return daysFromCivil(f.year, f.major, f.minor);
  if (f.kind === 'week') return firstMondayOfWeekyear(f.year) + (f.major - 1) * 7 + f.minor - 1;
  return daysFromCivil(f.year, 1, 1) + f.major - 1;
}

export function toMillis(text: string, f: Fields): number | string {
  const invalid = validate(f);
  if (invalid) return `Cannot parse "${text}": ${invalid}`;
  const timeOfDay = f.hour * 3_600_000 + f.minute * 60_000 + f.second * 1000 + f.fractionMillis - f.offsetMillis;
  const days = dayNumber(f);
  if (Math.abs(f.year) <= SAFE_YEAR_LIMIT) return days * MILLIS_PER_DAY + timeOfDay;
  // Far from 1970 only Druid's eternity bounds and instants a double holds exactly are meaningful; use exact maths.
  const exact = BigInt(days) * BigInt(MILLIS_PER_DAY) + BigInt(timeOfDay);
  if (exact === MIN_INSTANT_EXACT) return -(2 ** 62);
  if (exact === MAX_INSTANT_EXACT) return 2 ** 62;
  if (exact >= -MAX_SAFE_EXACT && exact <= MAX_SAFE_EXACT) return Number(exact);
  return `Cannot parse "${text}": the instant is too far from 1970 to be represented exactly (only Druid's eternity bounds are)`;
}

function digitAt(text: string, at: number): number {
  const digit = text.charCodeAt(at) - 48;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

function twoDigits(text: string, at: number): number {
  return digitAt(text, at) * 10 + digitAt(text, at + 1);
}

/**
 * The canonical `2015-09-12T16:00:00.000Z` form occupying `text[offset, offset + 24)`, read without the general
 * parser (the hot path for large segment listings); NaN when it is not exactly that form.
 */
export function canonicalMillis(text: string, offset = 0): number {
  if (
    text.charCodeAt(offset + 4) !== 45 || // '-'
    text.charCodeAt(offset + 7) !== 45 ||
    text.charCodeAt(offset + 10) !== 84 || // 'T'
    text.charCodeAt(offset + 13) !== 58 || // ':'
    text.charCodeAt(offset + 16) !== 58 ||
    text.charCodeAt(offset + 19) !== 46 || // '.'
    text.charCodeAt(offset + 23) !== 90 // 'Z'
  )
    return Number.NaN;
  const year = twoDigits(text, offset) * 100 + twoDigits(text, offset + 2);
  const month = twoDigits(text, offset + 5);
  const day = twoDigits(text, offset + 8);
  const hour = twoDigits(text, offset + 11);
  const minute = twoDigits(text, offset + 14);
  const second = twoDigits(text, offset + 17);
  const millis = digitAt(text, offset + 20) * 100 + twoDigits(text, offset + 21);
  // NaN (a non-digit) fails every comparison, so anything unusual goes to the general parser and its messages.
  if (!(year >= 0 && month >= 1 && month <= 12 && hour <= 23 && minute <= 59 && second <= 59 && millis >= 0))
    return Number.NaN;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  return daysFromCivil(year, month, day) * MILLIS_PER_DAY + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis;
}
