import { describe, expect, it } from 'vitest';
import { DruidFormatError } from './errors.ts';
import {
  ETERNITY_END_TEXT,
  ETERNITY_START_TEXT,
  formatInstant,
  isEternityBound,
  MAX_INSTANT,
  MIN_INSTANT,
  parseInstant,
  parseStrictInstant,
  tryParseInstant,
} from './instant.ts';
import { errorMessage } from './test-helpers.ts';

const utc = (text: string) => new Date(text).getTime();

describe('parseInstant (Joda dateTimeParser)', () => {
  it.each([
    ['2015-09-12T16:00:00.000Z', '2015-09-12T16:00:00.000Z'],
    ['2015-09-12T16:00:00Z', '2015-09-12T16:00:00.000Z'],
    ['2015-09-12T16:00Z', '2015-09-12T16:00:00.000Z'],
    ['2015-09-12T16', '2015-09-12T16:00:00.000Z'],
    ['2015-09-12', '2015-09-12T00:00:00.000Z'],
    ['2015-09', '2015-09-01T00:00:00.000Z'],
    ['2015', '2015-01-01T00:00:00.000Z'],
    ['2015-9-2', '2015-09-02T00:00:00.000Z'],
    ['+2015-01-01', '2015-01-01T00:00:00.000Z'],
    ['2015-09-12t16:00z', '2015-09-12T16:00:00.000Z'],
    ['2015-09-12T16:00:00.5Z', '2015-09-12T16:00:00.500Z'],
    ['2015-09-12T16:00:00,25Z', '2015-09-12T16:00:00.250Z'],
    ['2015-09-12T16:00:00.123456789Z', '2015-09-12T16:00:00.123Z'],
    ['2015-09-12T10.5', '2015-09-12T10:30:00.000Z'],
    ['2015-09-12T10:20.5', '2015-09-12T10:20:30.000Z'],
    ['2015-09-12T16:00:00+02:00', '2015-09-12T14:00:00.000Z'],
    ['2015-09-12T16:00:00-0530', '2015-09-12T21:30:00.000Z'],
    ['2015-09-12T16:00:00+02', '2015-09-12T14:00:00.000Z'],
    ['0000-01-01T00:00:00.000-05:50:36', '0000-01-01T05:50:36.000Z'],
    ['2015-09-12T+02:00', '2015-09-11T22:00:00.000Z'],
    ['2015-W37-6', '2015-09-12T00:00:00.000Z'],
    ['2015-W37', '2015-09-07T00:00:00.000Z'],
    ['2015-255', '2015-09-12T00:00:00.000Z'],
    ['2016-366', '2016-12-31T00:00:00.000Z'],
    ['T10:20', '1970-01-01T10:20:00.000Z'],
    ['2016-02-29', '2016-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(formatInstant(parseInstant(text))).toBe(expected);
  });

  it('reads years below 100 and before year 0 without Date quirks', () => {
    expect(formatInstant(parseInstant('0099-03-01'))).toBe('0099-03-01T00:00:00.000Z');
    expect(formatInstant(parseInstant('0000-01-01'))).toBe('0000-01-01T00:00:00.000Z');
    expect(formatInstant(parseInstant('-0001-12-31T23:59:59.999Z'))).toBe('-0001-12-31T23:59:59.999Z');
    expect(parseInstant('1000-01-01')).toBe(utc('1000-01-01T00:00:00Z'));
  });

  it('reads the eternity bounds exactly, which Date cannot', () => {
    expect(Number.isNaN(new Date(ETERNITY_START_TEXT).getTime())).toBe(true);
    expect(parseInstant(ETERNITY_START_TEXT)).toBe(MIN_INSTANT);
    expect(parseInstant(ETERNITY_END_TEXT)).toBe(MAX_INSTANT);
    expect(parseInstant('-146136543-09-08T09:23:32.096+01:00')).toBe(MIN_INSTANT);
  });

  it.each([
    ['2015-02-29', 'Cannot parse "2015-02-29": Value 29 for dayOfMonth must be in the range [1,28]'],
    ['1900-02-29', 'Cannot parse "1900-02-29": Value 29 for dayOfMonth must be in the range [1,28]'],
    ['2015-13-01', 'Cannot parse "2015-13-01": Value 13 for monthOfYear must be in the range [1,12]'],
    ['2015-04-31', 'Cannot parse "2015-04-31": Value 31 for dayOfMonth must be in the range [1,30]'],
    ['2015-09-12T24:00', 'Cannot parse "2015-09-12T24:00": Value 24 for hourOfDay must be in the range [0,23]'],
    ['2015-366', 'Cannot parse "2015-366": Value 366 for dayOfYear must be in the range [1,365]'],
    ['2015-W54', 'Cannot parse "2015-W54": Value 54 for weekOfWeekyear must be in the range [1,53]'],
    ['2015-09-12x', 'Invalid format: "2015-09-12x" is malformed at "x"'],
    ['2015-09-12T16:00:00.1234567890Z', 'Invalid format: "2015-09-12T16:00:00.1234567890Z" is malformed at "0Z"'],
    [' 2015-09-12', 'Invalid format: " 2015-09-12"'],
    ['', 'Invalid format: ""'],
    ['2015-09-12T16:00:00+24:00', 'Invalid format: "2015-09-12T16:00:00+24:00" is malformed at "+24:00"'],
  ])('rejects %s with Joda’s message', (text, message) => {
    expect(() => parseInstant(text)).toThrow(DruidFormatError);
    expect(errorMessage(() => parseInstant(text))).toBe(message);
    expect(tryParseInstant(text)).toBeNull();
  });

  it('rejects years it cannot represent exactly instead of rounding them', () => {
    expect(() => parseInstant('300000-01-01')).toThrow(DruidFormatError);
    expect(() => parseInstant('-146136543-09-08T08:23:32.097Z')).toThrow(/too far from 1970/);
    expect(formatInstant(parseInstant('250000-01-01'))).toBe('250000-01-01T00:00:00.000Z');
  });
});

describe('parseStrictInstant (the timestamps inside segment IDs)', () => {
  it('needs date, time with seconds and fraction, and a zone', () => {
    expect(parseStrictInstant('2015-01-02T00:00:00.000Z')).toBe(utc('2015-01-02T00:00:00Z'));
    expect(parseStrictInstant('2015-01-02T01:00:00.000+01:00')).toBe(utc('2015-01-02T00:00:00Z'));
    expect(parseStrictInstant('2015-01-02')).toBeNull();
    expect(parseStrictInstant('2015-01-02T00:00:00Z')).toBeNull();
    expect(parseStrictInstant('2015-01-02T00:00:00.000')).toBeNull();
    expect(parseStrictInstant('2015-01-02T00:00:00,000Z')).toBeNull();
    expect(parseStrictInstant('2015-02-30T00:00:00.000Z')).toBeNull();
    expect(parseStrictInstant(ETERNITY_START_TEXT)).toBe(MIN_INSTANT);
  });
});

describe('formatInstant', () => {
  it('prints Druid’s DateTime.toString in UTC', () => {
    expect(formatInstant(utc('2015-09-12T16:00:00Z'))).toBe('2015-09-12T16:00:00.000Z');
    expect(formatInstant(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(formatInstant(parseInstant('10000-01-01'))).toBe('10000-01-01T00:00:00.000Z');
    expect(formatInstant(parseInstant('-0005-06-01'))).toBe('-0005-06-01T00:00:00.000Z');
  });

  it('prints the eternity bounds as Druid does, clamping anything beyond them', () => {
    expect(formatInstant(MIN_INSTANT)).toBe(ETERNITY_START_TEXT);
    expect(formatInstant(MAX_INSTANT)).toBe(ETERNITY_END_TEXT);
    expect(formatInstant(Number.NEGATIVE_INFINITY)).toBe(ETERNITY_START_TEXT);
    expect(formatInstant(Number.POSITIVE_INFINITY)).toBe(ETERNITY_END_TEXT);
    expect(isEternityBound(MAX_INSTANT)).toBe(true);
    expect(isEternityBound(0)).toBe(false);
  });

  it('refuses NaN', () => {
    expect(() => formatInstant(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips every day of a leap year and instants far from the epoch', () => {
    const start = utc('2024-01-01T00:00:00Z');
    for (let day = 0; day < 366; day++) {
      const ms = start + day * 86_400_000 + day * 1_234;
      expect(parseInstant(formatInstant(ms))).toBe(ms);
    }
    for (const ms of [-8e15, -62_167_219_200_001, 253_402_300_800_000, 8e15]) {
      expect(parseInstant(formatInstant(ms))).toBe(ms);
    }
  });
});
