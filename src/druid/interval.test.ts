import { describe, expect, it } from 'vitest';
import { DruidFormatError } from './errors.ts';
import { ETERNITY_END_TEXT, ETERNITY_START_TEXT, MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import {
  compareIntervals,
  contains,
  containsInstant,
  ETERNITY,
  formatInterval,
  intervalFromInstants,
  intervalOfSegment,
  intervalToPath,
  isEmptyInterval,
  isEternity,
  overlaps,
  parseInterval,
  tryParseInterval,
} from './interval.ts';
import { at, errorMessage, iv } from './test-helpers.ts';

const canonical = (text: string) => formatInterval(parseInterval(text));

describe('parseInterval', () => {
  it.each([
    ['2015-09-12/2015-09-13', '2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z'],
    ['2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z', '2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z'],
    ['2015-09-12T16:00:00Z/2015-09-12T17:00:00Z', '2015-09-12T16:00:00.000Z/2015-09-12T17:00:00.000Z'],
    ['2015-09-12T16:00+02:00/2015-09-12T17:00-02:00', '2015-09-12T14:00:00.000Z/2015-09-12T19:00:00.000Z'],
    ['2024-01-01/P3D', '2024-01-01T00:00:00.000Z/2024-01-04T00:00:00.000Z'],
    ['P2D/2013-01-02T00:00:00Z', '2012-12-31T00:00:00.000Z/2013-01-02T00:00:00.000Z'],
    ['2010-01-01/P1M', '2010-01-01T00:00:00.000Z/2010-02-01T00:00:00.000Z'],
    ['2014-10-20T00:00:00Z/P1D', '2014-10-20T00:00:00.000Z/2014-10-21T00:00:00.000Z'],
    ['2015/2016', '2015-01-01T00:00:00.000Z/2016-01-01T00:00:00.000Z'],
    ['1000-01-01/3000-01-01', '1000-01-01T00:00:00.000Z/3000-01-01T00:00:00.000Z'],
    ['0/3000', '0000-01-01T00:00:00.000Z/3000-01-01T00:00:00.000Z'],
    ['P1M/2024-03-31', '2024-02-29T00:00:00.000Z/2024-03-31T00:00:00.000Z'],
    ['2024-01-31/P1M', '2024-01-31T00:00:00.000Z/2024-02-29T00:00:00.000Z'],
  ])('reads %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it('reads Druid’s eternity, which Date cannot', () => {
    expect(parseInterval(`${ETERNITY_START_TEXT}/${ETERNITY_END_TEXT}`)).toEqual({
      start: MIN_INSTANT,
      end: MAX_INSTANT,
    });
    expect(formatInterval(ETERNITY)).toBe(`${ETERNITY_START_TEXT}/${ETERNITY_END_TEXT}`);
  });

  it('reads the path form, replacing every underscore as Druid does', () => {
    expect(parseInterval('2016-06-27_2016-06-28')).toEqual(iv('2016-06-27/2016-06-28'));
    expect(canonical('2024-01-01_P3D')).toBe('2024-01-01T00:00:00.000Z/2024-01-04T00:00:00.000Z');
    expect(parseInterval(intervalToPath(ETERNITY))).toEqual(ETERNITY);
  });

  it.each([
    ['2015/2014', 'Bad interval[2015/2014]: [The end instant must be greater than the start instant]'],
    ['2015-01-02', "Bad interval[2015-01-02]: [Format requires a '/' separator: 2015-01-02]"],
    ['2015-01-02/', 'Bad interval[2015-01-02/]: [Format invalid: 2015-01-02/]'],
    ['/2015-01-02', 'Bad interval[/2015-01-02]: [Format invalid: /2015-01-02]'],
    ['P1D/P2D', 'Bad interval[P1D/P2D]: [Interval composed of two durations: P1D/P2D]'],
    ['2015-01-01/P1Q', 'Bad interval[2015-01-01/P1Q]: [Invalid format: "P1Q" is malformed at "1Q"]'],
    ['???', "Bad interval[???]: [Format requires a '/' separator: ???]"],
    [
      '2015-02-30/2015-03-01',
      'Bad interval[2015-02-30/2015-03-01]: [Cannot parse "2015-02-30": Value 30 for dayOfMonth must be in the range [1,28]]',
    ],
    [
      '2015-01-01/2015-01-02/2015-01-03',
      'Bad interval[2015-01-01/2015-01-02/2015-01-03]: [Invalid format: "2015-01-02/2015-01-03" is malformed at "/2015-01-03"]',
    ],
  ])('rejects %s with Druid’s wording', (text, message) => {
    expect(() => parseInterval(text)).toThrow(DruidFormatError);
    expect(errorMessage(() => parseInterval(text))).toBe(message);
    expect(tryParseInterval(text)).toEqual({ ok: false, error: message });
  });

  it('reads Druid’s canonical form quickly and still validates it', () => {
    const text = '2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z';
    expect(parseInterval(text)).toEqual({ start: at('2015-09-12'), end: at('2015-09-13') });
    expect(parseInterval(text.replace('/', '_'))).toEqual(parseInterval(text));
    expect(tryParseInterval('2015-09-13T00:00:00.000Z/2015-09-12T00:00:00.000Z')).toMatchObject({
      error: expect.stringContaining('The end instant must be greater than the start instant'),
    });
    expect(tryParseInterval('2015-02-29T00:00:00.000Z/2015-09-12T00:00:00.000Z')).toMatchObject({
      error: expect.stringContaining('Value 29 for dayOfMonth must be in the range [1,28]'),
    });
    expect(tryParseInterval('2015-0x-12T00:00:00.000Z/2015-09-12T00:00:00.000Z').ok).toBe(false);
  });

  it('accepts an empty interval as Joda does, and rejects it on request', () => {
    expect(parseInterval('2015-01-01/2015-01-01')).toEqual({ start: at('2015-01-01'), end: at('2015-01-01') });
    expect(tryParseInterval('2015-01-01/2015-01-01', { allowEmpty: false })).toEqual({
      ok: false,
      error: 'Bad interval[2015-01-01/2015-01-01]: [The end instant must be greater than the start instant]',
    });
  });

  it('returns the interval from tryParseInterval', () => {
    expect(tryParseInterval('2015/2016')).toEqual({ ok: true, interval: { start: at('2015'), end: at('2016') } });
  });
});

describe('formatting', () => {
  it('prints the canonical and the path forms', () => {
    const interval = iv('2015-09-12/2015-09-13');
    expect(formatInterval(interval)).toBe('2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z');
    expect(intervalToPath(interval)).toBe('2015-09-12T00:00:00.000Z_2015-09-13T00:00:00.000Z');
  });
});

describe('overlaps and contains (Joda semantics)', () => {
  const day = iv('2015-01-02/2015-01-03');

  it('treats intervals as half-open', () => {
    expect(overlaps(day, iv('2015-01-01/2015-01-02'))).toBe(false);
    expect(overlaps(day, iv('2015-01-03/2015-01-04'))).toBe(false);
    expect(overlaps(day, iv('2015-01-01/2015-01-02T00:00:00.001Z'))).toBe(true);
    expect(overlaps(day, iv('2015-01-02T23:59:59.999Z/2015-01-04'))).toBe(true);
    expect(overlaps(day, ETERNITY)).toBe(true);
    expect(containsInstant(day, at('2015-01-02'))).toBe(true);
    expect(containsInstant(day, at('2015-01-03'))).toBe(false);
  });

  it('contains needs both ends inside', () => {
    expect(contains(iv('2015-01-01/2015-01-04'), day)).toBe(true);
    expect(contains(day, day)).toBe(true);
    expect(contains(iv('2015-01-02/2015-01-02T12:00:00Z'), day)).toBe(false);
    expect(contains(iv('2015-01-02T00:00:00.001Z/2015-01-04'), day)).toBe(false);
    expect(contains(ETERNITY, day)).toBe(true);
  });

  it('follows Joda for empty intervals', () => {
    const empty = iv('2015-01-02T12:00:00Z/2015-01-02T12:00:00Z');
    expect(overlaps(empty, day)).toBe(true);
    expect(contains(empty, empty)).toBe(false);
    expect(contains(day, iv('2015-01-03/2015-01-03'))).toBe(false);
    expect(isEmptyInterval(empty)).toBe(true);
  });
});

describe('helpers', () => {
  it('recognises eternity and orders intervals by start then end', () => {
    expect(isEternity(ETERNITY)).toBe(true);
    expect(isEternity(iv('2015/2016'))).toBe(false);
    const sorted = [iv('2015-02/2015-03'), iv('2015-01/2015-03'), iv('2015-01/2015-02')].sort(compareIntervals);
    expect(sorted.map(formatInterval)).toEqual([
      '2015-01-01T00:00:00.000Z/2015-02-01T00:00:00.000Z',
      '2015-01-01T00:00:00.000Z/2015-03-01T00:00:00.000Z',
      '2015-02-01T00:00:00.000Z/2015-03-01T00:00:00.000Z',
    ]);
    expect(intervalFromInstants('2015', '2016')).toEqual(iv('2015/2016'));
    expect(intervalFromInstants('2016', '2015')).toBeNull();
    expect(intervalFromInstants('x', '2015')).toBeNull();
    expect(intervalOfSegment({ interval: '2015/2016' })).toEqual(iv('2015/2016'));
    expect(intervalOfSegment({ start: 1, end: 2 })).toEqual({ start: 1, end: 2 });
  });
});
