import { describe, expect, it } from 'vitest';
import { describeDuration, formatInstantShort, formatIntervalShort, readIntervalText } from './interval-text.ts';

const SEP_12 = Date.UTC(2015, 8, 12);
const SEP_13 = Date.UTC(2015, 8, 13);

describe('readIntervalText', () => {
  it.each([
    ['2015-09-12/2015-09-13'],
    ['2015-09-12T00:00Z/P1D'],
    ['P1D/2015-09-13'],
    ['p1d/2015-09-13'],
    ['2015-09-12_2015-09-13'],
    ['2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z'],
    ['2015-09-12T02:00+02:00/2015-09-13T02:00+02:00'],
    ['  2015-09-12/2015-09-13  '],
  ])('reads %s as 12 September 2015', (text) => {
    const reading = readIntervalText(text);
    expect(reading).toEqual({
      ok: true,
      interval: { start: SEP_12, end: SEP_13 },
      canonical: '2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z',
    });
  });

  it('reads months of different lengths through periods', () => {
    const reading = readIntervalText('2024-01-31/P1M');
    expect(reading.ok && reading.canonical).toBe('2024-01-31T00:00:00.000Z/2024-02-29T00:00:00.000Z');
  });

  it.each([
    ['', 'Enter an interval such as 2015-09-12/2015-09-13.'],
    [
      '2015-09-12',
      'Not an interval: use start/end such as 2015-09-12/2015-09-13, start/period such as 2015-09-12/P1D, or period/end.',
    ],
    ['2015-09-13/2015-09-12', 'End must be after start.'],
    ['2015-09-12/2015-09-12', 'End must be after start.'],
    ['2015-09-12/P1X', 'End “P1X” is not a period: use one such as P1D, PT6H, P1M or P1Y.'],
    ['PXD/2015-09-12', 'Start “PXD” is not a period: use one such as P1D, PT6H, P1M or P1Y.'],
    ['P1D/P2D', 'Both sides are periods: give a date on one side, such as 2015-09-12/P1D.'],
    ['2015-13-01/2015-14-01', 'Start “2015-13-01” is not a date: there is no month 13 (1–12).'],
    ['2015-02-30/2015-03-01', 'Start “2015-02-30” is not a date: there is no day 30 (1–28).'],
    ['2015-09-12T25:00/P1D', 'Start “2015-09-12T25:00” is not a date: there is no hour 25 (0–23).'],
    ['2015-09-12/yesterday', 'End “yesterday” is not a date: use a date such as 2015-09-12 or 2015-09-12T06:00Z.'],
    ['/2015-09-12', 'Start is missing before “/”: use start/end such as 2015-09-12/2015-09-13.'],
    ['2015-09-12/', 'End is missing after “/”: use start/end such as 2015-09-12/2015-09-13.'],
  ])('explains %j in plain words', (text, message) => {
    const reading = readIntervalText(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.error).toBe(message);
  });

  it('never shows Druid’s Java wording', () => {
    for (const text of ['2015-13-01/P1D', '2015-09-12T10:61/P1D', '2015-W60/P1D', 'x/y', '2015/2014']) {
      const reading = readIntervalText(text);
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.error).not.toMatch(/Bad interval|OfYear|OfMonth|OfDay|OfHour|Invalid format/);
    }
  });

  it('flags only the empty text as empty', () => {
    expect(readIntervalText('  ')).toMatchObject({ ok: false, empty: true });
    expect(readIntervalText('x')).toMatchObject({ ok: false, empty: false });
  });
});

describe('formatInstantShort', () => {
  it('writes midnight UTC as a bare date and other instants with minutes or more', () => {
    expect(formatInstantShort(SEP_12, 'utc')).toBe('2015-09-12');
    expect(formatInstantShort(SEP_12 + 6.5 * 3_600_000, 'utc')).toBe('2015-09-12T06:30Z');
    expect(formatInstantShort(SEP_12 + 15_250, 'utc')).toBe('2015-09-12T00:00:15.250Z');
  });

  it('writes eternity bounds as Druid prints them', () => {
    expect(formatInstantShort(-(2 ** 62), 'utc')).toBe('-146136543-09-08T08:23:32.096Z');
  });

  it('round-trips through the parser in either zone', () => {
    for (const ms of [SEP_12, SEP_12 + 3_600_000 * 5 + 60_000 * 7, Date.UTC(2024, 1, 29, 23, 59, 59, 999)]) {
      for (const zone of ['utc', 'local'] as const) {
        const text = formatIntervalShort({ start: ms, end: ms + 86_400_000 }, zone);
        const reading = readIntervalText(text);
        expect(reading.ok && reading.interval).toEqual({ start: ms, end: ms + 86_400_000 });
      }
    }
  });
});

describe('describeDuration', () => {
  it('names the two largest units', () => {
    expect(describeDuration(86_400_000)).toBe('1 day');
    expect(describeDuration(3 * 86_400_000 + 2 * 3_600_000 + 5 * 60_000)).toBe('3 days 2 h');
    expect(describeDuration(90 * 60_000)).toBe('1 h 30 min');
    expect(describeDuration(500)).toBe('500 ms');
  });
});
