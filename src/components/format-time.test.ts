import { describe, expect, it } from 'vitest';
import { MAX_INSTANT, MIN_INSTANT } from '../druid/instant.ts';
import { formatIso, formatUtc, formatUtcRange } from './format-time.ts';

const at = (iso: string) => Date.parse(iso);

describe('formatUtc', () => {
  it('writes 24-hour UTC with minutes, never AM/PM', () => {
    expect(formatUtc(at('2015-09-12T14:05:00Z'))).toBe('2015-09-12 14:05');
    expect(formatUtc(at('2015-09-12T02:00:00Z'))).toBe('2015-09-12 02:00');
  });
  it('adds seconds and milliseconds only when the instant has them, or when asked', () => {
    expect(formatUtc(at('2015-09-12T02:00:15Z'))).toBe('2015-09-12 02:00:15');
    expect(formatUtc(at('2015-09-12T02:00:15.250Z'))).toBe('2015-09-12 02:00:15.250');
    expect(formatUtc(at('2015-09-12T02:00:00Z'), { precision: 'seconds' })).toBe('2015-09-12 02:00:00');
    expect(formatUtc(at('2015-09-12T02:00:15.250Z'), { precision: 'minutes' })).toBe('2015-09-12 02:00');
    expect(formatUtc(at('2015-09-12T02:00:15.250Z'), { precision: 'seconds' })).toBe('2015-09-12 02:00:15');
  });
  it('writes a bare date at midnight when asked, and the zone when asked', () => {
    expect(formatUtc(at('2015-09-12T00:00:00Z'), { dateAtMidnight: true })).toBe('2015-09-12');
    expect(formatUtc(at('2015-09-12T00:00:00Z'))).toBe('2015-09-12 00:00');
    expect(formatUtc(at('2015-09-12T18:49:43Z'), { precision: 'seconds', zone: true })).toBe('2015-09-12 18:49:43 UTC');
  });
  it('names eternity and unknown times in words', () => {
    expect(formatUtc(MIN_INSTANT)).toBe('the beginning of time');
    expect(formatUtc(MAX_INSTANT)).toBe('the end of time');
    expect(formatUtc(Number.NaN)).toBe('unknown time');
  });
});

describe('formatUtcRange', () => {
  it('writes the date once within one day', () => {
    expect(formatUtcRange(at('2015-09-12T02:00Z'), at('2015-09-12T08:00Z'))).toBe('2015-09-12 02:00–08:00');
  });
  it('writes whole days as dates', () => {
    expect(formatUtcRange(at('2015-09-12T00:00Z'), at('2015-09-14T00:00Z'), { dateAtMidnight: true })).toBe(
      '2015-09-12–2015-09-14',
    );
  });
  it('writes times on both ends when only one is at midnight', () => {
    expect(formatUtcRange(at('2015-09-12T00:00Z'), at('2015-09-12T01:00Z'), { dateAtMidnight: true })).toBe(
      '2015-09-12 00:00–01:00',
    );
  });
  it('writes both dates across days, the zone once', () => {
    expect(formatUtcRange(at('2015-09-12T02:00Z'), at('2015-09-13T04:00Z'), { zone: true })).toBe(
      '2015-09-12 02:00 – 2015-09-13 04:00 UTC',
    );
  });
});

describe('formatIso', () => {
  it('is Druid’s exact text', () => {
    expect(formatIso(at('2015-09-12T02:00Z'))).toBe('2015-09-12T02:00:00.000Z');
  });
});
