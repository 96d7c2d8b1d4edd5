import { describe, expect, it } from 'vitest';
import {
  type AutoKillPlan,
  dataSourceExclusion,
  eligibleAt,
  forecastDataSource,
  forecastSegments,
  nextKillRun,
} from './auto-kill-prediction.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 0, 1);

const plan = (overrides: Partial<AutoKillPlan> = {}): AutoKillPlan => ({
  on: true,
  periodMs: HOUR,
  durationToRetainMs: 90 * DAY,
  ignoreDurationToRetain: false,
  bufferPeriodMs: 30 * DAY,
  maxSegments: 100,
  whitelist: [],
  maxSlots: 1,
  ...overrides,
});

/** A one-day segment `daysAgo` days before NOW, marked unused `unusedDaysAgo` days ago. */
const segment = (daysAgo: number, unusedDaysAgo: number | null) => ({
  start: NOW - daysAgo * DAY,
  end: NOW - daysAgo * DAY + DAY,
  lastUpdated: unusedDaysAgo === null ? null : NOW - unusedDaysAgo * DAY,
});

describe('dataSourceExclusion', () => {
  it('excludes everything when kill is off, nothing when unknown', () => {
    expect(dataSourceExclusion('wiki', plan({ on: false }))).toBe('kill-off');
    expect(dataSourceExclusion('wiki', plan({ on: null, whitelist: null, maxSlots: null }))).toBeNull();
  });

  it('treats an empty whitelist as every datasource and a non-empty one as an allow list', () => {
    expect(dataSourceExclusion('wiki', plan({ whitelist: [] }))).toBeNull();
    expect(dataSourceExclusion('wiki', plan({ whitelist: ['wiki'] }))).toBeNull();
    expect(dataSourceExclusion('koalas', plan({ whitelist: ['wiki'] }))).toBe('not-in-whitelist');
  });

  it('excludes all when kill tasks get no slot', () => {
    expect(dataSourceExclusion('wiki', plan({ maxSlots: 0 }))).toBe('no-task-slots');
  });
});

describe('eligibleAt', () => {
  it('waits for the buffer period after the segment was marked unused', () => {
    const result = eligibleAt(segment(200, 10), plan(), NOW);
    expect(result).toEqual({ at: NOW + 20 * DAY, waitingFor: 'buffer' });
  });

  it('waits for durationToRetain after the interval ends, unless ignored', () => {
    expect(eligibleAt(segment(50, 40), plan(), NOW)).toEqual({ at: NOW + 41 * DAY, waitingFor: 'durationToRetain' });
    expect(eligibleAt(segment(50, 40), plan({ ignoreDurationToRetain: true }), NOW)).toEqual({
      at: NOW - 10 * DAY,
      waitingFor: null,
    });
  });

  it('never picks a segment without usedStatusLastUpdatedDate (Druid compares it in SQL)', () => {
    expect(eligibleAt(segment(200, null), plan(), NOW)).toEqual({ at: null, waitingFor: 'no-last-updated' });
  });
});

describe('forecastSegments', () => {
  it('kills at most maxSegments per run, earliest interval first', () => {
    const segments = [segment(100, 40), segment(300, 40), segment(200, 40)];
    const forecast = forecastSegments(segments, plan({ maxSegments: 2 }), NOW, NOW + HOUR);
    expect(forecast.map((f) => f.killAt)).toEqual([NOW + 2 * HOUR, NOW + HOUR, NOW + HOUR]);
  });

  it('puts a waiting segment in the first run after it becomes eligible', () => {
    const [forecast] = forecastSegments([segment(200, 30 - 0.5 / 24)], plan(), NOW, NOW + 10 * 60_000);
    // Eligible at NOW + 30 min; runs at +10 min, +70 min…
    expect(forecast?.killAt).toBe(NOW + 70 * 60_000);
  });

  it('forecasts nothing when maxSegments is 0', () => {
    expect(forecastSegments([segment(200, 40)], plan({ maxSegments: 0 }), NOW, NOW)[0]?.killAt).toBeNull();
  });
});

describe('forecastDataSource', () => {
  it('counts the next run, the waiting segments and when the last one goes', () => {
    const segments = [segment(300, 40), segment(200, 40), segment(200, 10), segment(30, 40), segment(10, null)];
    const result = forecastDataSource('wiki', segments, plan(), NOW, NOW + HOUR);
    expect(result).toMatchObject({
      exclusion: null,
      eligibleNow: 2,
      nextRunCount: 2,
      nextEligibleAt: NOW + 20 * DAY,
      waiting: { buffer: 1, durationToRetain: 1, 'no-last-updated': 1 },
      lastKillAt: null,
    });
  });

  it('gives the date of the last kill when every segment goes', () => {
    const result = forecastDataSource('wiki', [segment(300, 40), segment(200, 10)], plan(), NOW, NOW + HOUR);
    // Eligible at NOW + 20 days, which is exactly a run (NOW + 1 h + 479 periods).
    expect(result.lastKillAt).toBe(NOW + 20 * DAY);
  });

  it('kills nothing of an excluded datasource but still says what would wait', () => {
    const result = forecastDataSource('wiki', [segment(300, 40)], plan({ whitelist: ['other'] }), NOW, NOW + HOUR);
    expect(result).toMatchObject({ exclusion: 'not-in-whitelist', nextRunCount: 0, eligibleNow: 1, lastKillAt: null });
  });
});

describe('nextKillRun', () => {
  it('is one kill period after the last automatic kill while that is ahead, else the next duty tick', () => {
    expect(nextKillRun(NOW, plan(), 60_000, NOW - 10 * 60_000)).toBe(NOW + 50 * 60_000);
    expect(nextKillRun(NOW, plan(), 60_000, NOW - 2 * HOUR)).toBe(NOW + 60_000);
    expect(nextKillRun(NOW, plan(), 60_000, null)).toBe(NOW + 60_000);
  });
});
