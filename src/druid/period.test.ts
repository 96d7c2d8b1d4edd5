import { describe, expect, it } from 'vitest';
import { DruidFormatError } from './errors.ts';
import { formatInstant, MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import { addPeriod, formatPeriod, isNegativePeriod, isValidPeriod, parsePeriod, ZERO_PERIOD } from './period.ts';
import { at, errorMessage } from './test-helpers.ts';

describe('parsePeriod (Joda ISOPeriodFormat.standard)', () => {
  it.each([
    ['P1M', { months: 1 }],
    ['PT1H', { hours: 1 }],
    ['P1Y2M3DT4H', { years: 1, months: 2, days: 3, hours: 4 }],
    ['P1W', { weeks: 1 }],
    ['P1000Y', { years: 1000 }],
    ['P1Y2M3W4DT5H6M7.008S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7, millis: 8 }],
    ['PT5H6M7S', { hours: 5, minutes: 6, seconds: 7 }],
    ['PT1M', { minutes: 1 }],
    ['PT1.5S', { seconds: 1, millis: 500 }],
    ['PT0,25S', { millis: 250 }],
    ['P0D', {}],
    ['PT0S', {}],
    ['p1d', { days: 1 }],
    ['P-1D', { days: -1 }],
  ])('reads %s', (text, fields) => {
    expect(parsePeriod(text)).toEqual({ ...ZERO_PERIOD, ...fields });
    expect(isValidPeriod(text)).toBe(true);
  });

  it.each([
    ['P1Q', 'Invalid format: "P1Q" is malformed at "1Q"'],
    ['1D', 'Invalid format: "1D"'],
    ['P', 'Invalid format: "P" is too short'],
    ['PT', 'Invalid format: "PT" is too short'],
    ['P1D1Y', 'Invalid format: "P1D1Y" is malformed at "1Y"'],
    ['P1Y2S', 'Invalid format: "P1Y2S" is malformed at "2S"'],
    ['PT1.5H', 'Invalid format: "PT1.5H" is malformed at "1.5H"'],
    ['PS', 'Invalid format: "PS" is malformed at "S"'],
    ['PTS', 'Invalid format: "PTS" is malformed at "S"'],
    ['P1M1M', 'Invalid format: "P1M1M" is malformed at "1M"'],
    ['P99999999999Y', 'Invalid format: "P99999999999Y" is malformed at "99999999999Y"'],
    ['', 'Invalid format: ""'],
  ])('rejects %s', (text, message) => {
    expect(() => parsePeriod(text)).toThrow(DruidFormatError);
    expect(errorMessage(() => parsePeriod(text))).toBe(message);
    expect(isValidPeriod(text)).toBe(false);
  });
});

describe('formatPeriod', () => {
  it.each(['P1M', 'PT1H', 'P1Y2M3DT4H', 'P1W', 'P1000Y', 'P1Y2M3W4DT5H6M7.008S', 'PT0.500S', 'P-1D', 'PT-0.500S'])(
    'prints %s back as Joda does',
    (text) => {
      expect(formatPeriod(parsePeriod(text))).toBe(text);
    },
  );

  it('prints a zero period as PT0S and normalises case', () => {
    expect(formatPeriod(parsePeriod('P0D'))).toBe('PT0S');
    expect(formatPeriod(parsePeriod('p1dt2h'))).toBe('P1DT2H');
  });
});

describe('addPeriod (Joda calendar arithmetic in UTC)', () => {
  const add = (start: string, period: string, times = 1) =>
    formatInstant(addPeriod(at(start), parsePeriod(period), times));

  it('clamps month ends', () => {
    expect(add('2024-03-31', 'P1M', -1)).toBe('2024-02-29T00:00:00.000Z');
    expect(add('2023-03-31', 'P1M', -1)).toBe('2023-02-28T00:00:00.000Z');
    expect(add('2024-01-31', 'P1M')).toBe('2024-02-29T00:00:00.000Z');
    expect(add('2024-05-31T10:15:00Z', 'P1M', -1)).toBe('2024-04-30T10:15:00.000Z');
    expect(add('2024-03-31T10:00:00Z', 'P1M', 2)).toBe('2024-05-31T10:00:00.000Z');
  });

  it('handles leap days', () => {
    expect(add('2024-02-29', 'P1Y')).toBe('2025-02-28T00:00:00.000Z');
    expect(add('2024-02-29', 'P4Y')).toBe('2028-02-29T00:00:00.000Z');
    expect(add('2024-02-29', 'P1Y', -1)).toBe('2023-02-28T00:00:00.000Z');
    expect(add('2100-03-01', 'P1D', -1)).toBe('2100-02-28T00:00:00.000Z');
    expect(add('2000-03-01', 'P1D', -1)).toBe('2000-02-29T00:00:00.000Z');
  });

  it('adds years before months, then the exact fields, as Joda does', () => {
    // Adding P1Y then P1M differs from adding 13 months at once.
    expect(add('2024-02-29', 'P1Y1M')).toBe('2025-03-28T00:00:00.000Z');
    // Subtracting keeps the same field order: months first, then the day.
    expect(add('2024-03-31', 'P1M1D', -1)).toBe('2024-02-28T00:00:00.000Z');
    expect(add('2024-03-10T12:00:00Z', 'P1W', -1)).toBe('2024-03-03T12:00:00.000Z');
    expect(add('2024-01-01', 'PT1H30M', -1)).toBe('2023-12-31T22:30:00.000Z');
    expect(add('2024-01-01', 'PT0.5S')).toBe('2024-01-01T00:00:00.500Z');
    expect(add('2024-06-15', 'P1000Y', -1)).toBe('1024-06-15T00:00:00.000Z');
  });

  it('stays within eternity', () => {
    expect(addPeriod(MIN_INSTANT, parsePeriod('P1M'), -1)).toBe(MIN_INSTANT);
    expect(addPeriod(MAX_INSTANT, parsePeriod('P1D'))).toBe(MAX_INSTANT);
    expect(addPeriod(at('2024-01-01'), parsePeriod('P1000000Y'), -1)).toBe(MIN_INSTANT);
  });

  it('detects periods that move time backwards', () => {
    expect(isNegativePeriod(parsePeriod('P-1D'), 0)).toBe(true);
    expect(isNegativePeriod(parsePeriod('P1MT-1H'), 0)).toBe(false);
    expect(isNegativePeriod(parsePeriod('P1D'), 0)).toBe(false);
  });
});
