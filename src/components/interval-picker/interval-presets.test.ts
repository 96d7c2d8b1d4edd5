import { describe, expect, it } from 'vitest';
import { calendarFocus, extentOfPresets, mergePresets, RECENT_SPANS, recentPresets } from './interval-presets.ts';

const NOW = Date.UTC(2024, 2, 15, 10, 30, 20);
const SEP_12 = Date.UTC(2015, 8, 12);
const DAY = 86_400_000;

describe('recentPresets', () => {
  it('goes from the shortest span to the longest, ending now to the minute', () => {
    expect(recentPresets(NOW, 'utc')).toEqual([
      { label: 'Last 24 hours', interval: '2024-03-14T10:30Z/2024-03-15T10:30Z' },
      { label: 'Last 7 days', interval: '2024-03-08T10:30Z/2024-03-15T10:30Z' },
      { label: 'Last 30 days', interval: '2024-02-14T10:30Z/2024-03-15T10:30Z' },
    ]);
  });
  it('rounds up where the current minute must be inside', () => {
    expect(recentPresets(NOW, 'utc', RECENT_SPANS.slice(0, 1), 'up')[0]?.interval).toBe(
      '2024-03-14T10:31Z/2024-03-15T10:31Z',
    );
  });
});

describe('mergePresets', () => {
  it('keeps each interval once, the first label winning', () => {
    const merged = mergePresets(
      [{ label: 'Whole datasource', interval: '2015-09-12/2015-09-13' }],
      [
        { label: 'Unused range', interval: '2015-09-12/2015-09-13' },
        { label: 'All time', interval: '' },
      ],
    );
    expect(merged.map((p) => p.label)).toEqual(['Whole datasource', 'All time']);
  });
});

describe('extentOfPresets', () => {
  it('spans the presets that describe data, ignoring eternity-like bounds', () => {
    expect(
      extentOfPresets([
        { label: 'Whole datasource', interval: '2015-09-12/2015-09-13' },
        { label: 'Unused range', interval: '2015-09-01/2015-09-12T06:00Z' },
        { label: 'Everything older than 24 hours', interval: '1000-01-01/2024-03-14' },
        { label: 'All time', interval: '' },
      ]),
    ).toEqual({ start: Date.UTC(2015, 8, 1), end: SEP_12 + DAY });
    expect(extentOfPresets([])).toBeNull();
  });
});

describe('calendarFocus', () => {
  const data = { start: SEP_12, end: SEP_12 + DAY };
  it('opens on the typed interval', () => {
    expect(calendarFocus({ start: SEP_12 + DAY, end: SEP_12 + 2 * DAY }, data, NOW)).toBe(SEP_12 + DAY);
  });
  it('opens on the data, not today, when nothing is typed', () => {
    expect(calendarFocus(null, data, NOW)).toBe(SEP_12);
    expect(calendarFocus(null, null, NOW)).toBe(NOW);
  });
  it('never opens on the year 1000 or 1970 for an interval from the beginning of time', () => {
    const usualKill = { start: Date.UTC(1000, 0, 1), end: Date.UTC(2024, 2, 14) };
    expect(calendarFocus(usualKill, data, NOW)).toBe(SEP_12);
    expect(new Date(calendarFocus(usualKill, null, NOW)).toISOString()).toBe('2024-03-13T23:59:59.999Z');
    expect(calendarFocus({ start: 0, end: SEP_12 }, data, NOW)).toBe(SEP_12 - 1);
  });
});
