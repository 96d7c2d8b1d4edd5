import { describe, expect, it } from 'vitest';
import { readIntervalText } from '../../components/interval-picker/interval-text.ts';
import { killPresets, usualKillRange } from './kill-interval-field.tsx';

const NOW = Date.UTC(2024, 2, 15, 10, 30, 20);
const DAY = 86_400_000;

describe('kill presets', () => {
  it('offers Druid’s usual range once, as plain interval text ending 24 hours ago', () => {
    expect(usualKillRange(NOW)).toBe('1000-01-01/2024-03-14T10:30Z');
    const reading = readIntervalText(usualKillRange(NOW));
    expect(reading.ok && reading.interval.end).toBeLessThanOrEqual(NOW - DAY);
    expect(killPresets('wiki', null, NOW)).toEqual([
      { label: 'Everything older than 24 hours', interval: '1000-01-01/2024-03-14T10:30Z' },
    ]);
  });

  it('adds the unused range only when it ends before the last 24 hours, where the dry run warns', () => {
    const old = { start: Date.UTC(2015, 8, 12), end: Date.UTC(2015, 8, 13) };
    expect(killPresets('wiki', old, NOW).map((p) => p.interval)).toEqual([
      '1000-01-01/2024-03-14T10:30Z',
      '2015-09-12/2015-09-13',
    ]);
    const recent = { start: Date.UTC(2015, 8, 12), end: NOW - DAY / 2 };
    expect(killPresets('wiki', recent, NOW).map((p) => p.label)).toEqual(['Everything older than 24 hours']);
  });
});
