/**
 * A re-implementation of the two Joda-Time parsers Druid uses for instants:
 * - `lenient`: ISODateTimeFormat.dateTimeParser(), behind `Intervals.of` (interval strings everywhere in the API);
 * - `strict`: ISODateTimeFormat.dateTime(), behind segment-ID parsing (`yyyy-MM-ddTHH:mm:ss.SSS` plus a zone).
 * Joda reads digit counts leniently (`2015-1-2`), `T`/`Z` in either case, `,` as a decimal mark (lenient only),
 * fractions of hours and minutes, week dates (`2015-W37-6`), ordinal dates (`2015-255`) and zone offsets.
 * The result is epoch milliseconds, or a string holding Joda's error message.
 */
import { canonicalMillis, type Fields, toMillis } from './instant-fields.ts';

export type InstantSyntax = 'lenient' | 'strict';

class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  at(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  /** Consumes `char` (ASCII letters case-insensitively, as Joda's literals do). */
  accept(char: string): boolean {
    const c = this.at();
    if (c === char || c.toUpperCase() === char) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Joda's NumberFormatter: an optional sign (signed fields only), then 1 to `maxDigits` digits. */
  number(maxDigits: number, signed = false): number | null {
    let p = this.pos;
    let negative = false;
    if (signed && (this.at() === '-' || this.at() === '+') && isDigit(this.text.charCodeAt(p + 1))) {
      negative = this.at() === '-';
      p++;
    }
    const digitsStart = p;
    while (p - digitsStart < maxDigits && isDigit(this.text.charCodeAt(p))) p++;
    if (p === digitsStart) return null;
    this.pos = p;
    const value = Number(this.text.slice(digitsStart, p));
    return negative ? -value : value;
  }

  /** Joda's Fraction parser: up to 9 digits, truncated to whole milliseconds of `unitMillis`. */
  fraction(unitMillis: number): number | null {
    let n = unitMillis * 10;
    let value = 0;
    let length = 0;
    while (length < 9 && isDigit(this.text.charCodeAt(this.pos + length))) {
      n = Math.floor(n / 10);
      value += (this.text.charCodeAt(this.pos + length) - 48) * n;
      length++;
    }
    if (length === 0) return null;
    this.pos += length;
    return Math.floor(value / 10);
  }
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function newFields(): Fields {
  return {
    kind: 'calendar',
    year: 1970,
    major: 1,
    minor: 1,
    hour: 0,
    minute: 0,
    second: 0,
    fractionMillis: 0,
    offsetMillis: 0,
  };
}

/** yyyy['-'MM['-'dd]] | xxxx'-W'ww['-'e] | yyyy'-'DDD — the alternative that reads furthest wins (Joda's MatchingParser). */
function dateElement(cursor: Cursor, fields: Fields): boolean {
  const start = cursor.pos;
  let best = -1;
  let bestFields: Fields | null = null;
  for (const alternative of DATE_ALTERNATIVES) {
    cursor.pos = start;
    const candidate = { ...fields };
    if (alternative(cursor, candidate) && cursor.pos > best) {
      best = cursor.pos;
      bestFields = candidate;
    }
  }
  if (bestFields === null) {
    cursor.pos = start;
    return false;
  }
  cursor.pos = best;
  Object.assign(fields, bestFields);
  return true;
}

function calendarDate(cursor: Cursor, fields: Fields): boolean {
  const year = cursor.number(9, true);
  if (year === null) return false;
  fields.kind = 'calendar';
  fields.year = year;
  const afterYear = cursor.pos;
  const month = cursor.accept('-') ? cursor.number(2) : null;
  if (month === null) {
    cursor.pos = afterYear;
    return true;
  }
  fields.major = month;
  const afterMonth = cursor.pos;
  const day = cursor.accept('-') ? cursor.number(2) : null;
  if (day === null) cursor.pos = afterMonth;
  else fields.minor = day;
  return true;
}

function weekDate(cursor: Cursor, fields: Fields): boolean {
  const year = cursor.number(9, true);
  if (year === null || !cursor.accept('-') || !cursor.accept('W')) return false;
  const week = cursor.number(2);
  if (week === null) return false;
  Object.assign(fields, { kind: 'week', year, major: week, minor: 1 });
  const afterWeek = cursor.pos;
  const dayOfWeek = cursor.accept('-') ? cursor.number(1) : null;
  if (dayOfWeek === null) cursor.pos = afterWeek;
  else fields.minor = dayOfWeek;
  return true;
}

function ordinalDate(cursor: Cursor, fields: Fields): boolean {
  const year = cursor.number(9, true);
  if (year === null || !cursor.accept('-')) return false;
  const dayOfYear = cursor.number(3);
  if (dayOfYear === null) return false;
  Object.assign(fields, { kind: 'ordinal', year, major: dayOfYear, minor: 1 });
  return true;
}

const DATE_ALTERNATIVES = [calendarDate, weekDate, ordinalDate];

/** HH[':'mm[':'ss[fraction] | fraction] | fraction]; a fraction may follow the last field given. */
function timeElement(cursor: Cursor, fields: Fields, decimalMarks: string): boolean {
  const hour = cursor.number(2);
  if (hour === null) return false;
  fields.hour = hour;
  const fractionOf = (unitMillis: number) => {
    const before = cursor.pos;
    const mark = cursor.at();
    if (mark === '' || !decimalMarks.includes(mark)) return;
    cursor.pos++;
    const fraction = cursor.fraction(unitMillis);
    if (fraction === null) cursor.pos = before;
    else fields.fractionMillis = fraction;
  };
  const afterHour = cursor.pos;
  if (!cursor.accept(':')) {
    fractionOf(3_600_000);
    return true;
  }
  const minute = cursor.number(2);
  if (minute === null) {
    cursor.pos = afterHour;
    return true;
  }
  fields.minute = minute;
  const afterMinute = cursor.pos;
  if (!cursor.accept(':')) {
    fractionOf(60_000);
    return true;
  }
  const second = cursor.number(2);
  if (second === null) {
    cursor.pos = afterMinute;
    return true;
  }
  fields.second = second;
  fractionOf(1000);
  return true;
}

/** Joda's TimeZoneOffset parser: 'Z' | ('+'|'-') hh [[':'] mm [[':'] ss [('.'|',') SSS]]], separators all or none. */
function offsetElement(cursor: Cursor, fields: Fields): boolean {
  const start = cursor.pos;
  if (readOffset(cursor, fields)) return true;
  cursor.pos = start;
  return false;
}

function readOffset(cursor: Cursor, fields: Fields): boolean {
  if (cursor.accept('Z')) {
    fields.offsetMillis = 0;
    return true;
  }
  const sign = cursor.at();
  if (sign !== '+' && sign !== '-') return false;
  cursor.pos++;
  const digitCount = (max: number) => {
    let count = 0;
    while (count < max && isDigit(cursor.text.charCodeAt(cursor.pos + count))) count++;
    return count;
  };
  const take = (count: number) => {
    const value = Number(cursor.text.slice(cursor.pos, cursor.pos + count));
    cursor.pos += count;
    return value;
  };
  if (digitCount(2) < 2) return false;
  const hours = take(2);
  if (hours > 23) return false;
  let offset = hours * 3_600_000;
  const separated = cursor.at() === ':';
  const units = [60_000, 1000];
  let complete = true;
  for (const unit of units) {
    if (separated) {
      if (cursor.at() !== ':') break;
      cursor.pos++;
    }
    const count = digitCount(2);
    if (count === 0 && !separated) break;
    if (count < 2) return false;
    const value = take(2);
    if (value > 59) return false;
    offset += value * unit;
    complete = unit === 1000;
  }
  if (complete && cursor.pos < cursor.text.length) {
    const before = cursor.pos;
    const mark = separated ? cursor.at() === '.' || cursor.at() === ',' : true;
    if (separated && mark) cursor.pos++;
    const count = mark ? digitCount(3) : 0;
    if (count === 0) {
      if (separated && mark) return false;
      cursor.pos = before;
    } else {
      offset += Number(cursor.text.slice(cursor.pos, cursor.pos + count).padEnd(3, '0'));
      cursor.pos += count;
    }
  }
  fields.offsetMillis = sign === '-' ? -offset : offset;
  return true;
}

/** Joda's `FormatUtils.createErrorMessage`. */
export function jodaFormatErrorMessage(text: string, errorPos: number): string {
  const sampleText = text.length <= errorPos + 35 ? text : `${text.slice(0, errorPos + 32)}...`;
  if (errorPos <= 0) return `Invalid format: "${sampleText}"`;
  if (errorPos >= text.length) return `Invalid format: "${sampleText}" is too short`;
  return `Invalid format: "${sampleText}" is malformed at "${sampleText.slice(errorPos)}"`;
}

/** datetime = 'T' time-element [offset] | date-element ['T' [time-element] [offset]]. False when incomplete. */
function readLenient(cursor: Cursor, fields: Fields): boolean {
  if (cursor.accept('T')) {
    if (!timeElement(cursor, fields, '.,')) return false;
    offsetElement(cursor, fields);
    return true;
  }
  if (!dateElement(cursor, fields)) return false;
  if (cursor.accept('T')) {
    timeElement(cursor, fields, '.,');
    offsetElement(cursor, fields);
  }
  return true;
}

/** yyyy-MM-dd'T'HH:mm:ss.SSS followed by a zone, every part required. False when incomplete. */
function readStrict(cursor: Cursor, fields: Fields): boolean {
  const year = cursor.number(9, true);
  if (year === null || !cursor.accept('-')) return false;
  const month = cursor.number(2);
  if (month === null || !cursor.accept('-')) return false;
  const day = cursor.number(2);
  if (day === null || !cursor.accept('T')) return false;
  const hour = cursor.number(2);
  if (hour === null || !cursor.accept(':')) return false;
  const minute = cursor.number(2);
  if (minute === null || !cursor.accept(':')) return false;
  const second = cursor.number(2);
  if (second === null || !cursor.accept('.')) return false;
  const fraction = cursor.fraction(1000);
  if (fraction === null) return false;
  Object.assign(fields, { year, major: month, minor: day, hour, minute, second, fractionMillis: fraction });
  return offsetElement(cursor, fields);
}

/** Epoch milliseconds of `text`, or Joda's error message. */
export function readInstant(text: string, syntax: InstantSyntax): number | string {
  if (text.length === 24) {
    const fast = canonicalMillis(text);
    if (!Number.isNaN(fast)) return fast;
  }
  const cursor = new Cursor(text);
  const fields = newFields();
  const complete = syntax === 'strict' ? readStrict(cursor, fields) : readLenient(cursor, fields);
  if (!complete || cursor.pos < text.length) return jodaFormatErrorMessage(text, cursor.pos);
  return toMillis(text, fields);
}
