import { describe, expect, it } from 'vitest';
import { axisTicks, fitWindow, MIN_SPAN, panWindow, positionOf, revealTime, zoomWindow } from './timeline-scale.ts';

const t = (iso: string) => Date.parse(iso);
const DAY = 86_400_000;
const week = { start: t('2023-07-13T00:00:00Z'), end: t('2023-07-20T00:00:00Z') };

describe('zoomWindow', () => {
  it('keeps the anchor instant in place', () => {
    const zoomed = zoomWindow(week, 0.5, 0.25);
    const pivot = week.start + (week.end - week.start) * 0.25;
    expect(zoomed.end - zoomed.start).toBe(3.5 * DAY);
    expect(zoomed.start + (zoomed.end - zoomed.start) * 0.25).toBe(pivot);
  });

  it('never zooms below a minute', () => {
    expect(zoomWindow(week, 1e-9).end - zoomWindow(week, 1e-9).start).toBe(MIN_SPAN);
  });
});

describe('panWindow and revealTime', () => {
  it('pans by a fraction of the span', () => {
    expect(panWindow(week, -0.5)).toEqual({ start: week.start - 3.5 * DAY, end: week.end - 3.5 * DAY });
  });

  it('moves only as far as needed to show an instant', () => {
    expect(revealTime(week, t('2023-07-15T00:00:00Z'))).toBe(week);
    const moved = revealTime(week, t('2023-07-25T00:00:00Z'));
    expect(moved.end - moved.start).toBe(7 * DAY);
    expect(positionOf(moved, t('2023-07-25T00:00:00Z'))).toBeCloseTo(0.95);
  });
});

describe('fitWindow', () => {
  it('surrounds the times with air and falls back when there are none', () => {
    const fitted = fitWindow([t('2023-07-13T18:05:33Z'), t('2023-07-18T18:49:43Z')], week);
    expect(fitted.start).toBeLessThan(t('2023-07-13T18:05:33Z'));
    expect(fitted.end).toBeGreaterThan(t('2023-07-18T18:49:43Z'));
    expect(fitWindow([], week)).toBe(week);
    const single = fitWindow([week.start], week);
    expect(single.end - single.start).toBe(3_600_000);
  });
});

describe('axisTicks', () => {
  it('uses days across a week', () => {
    expect(axisTicks(week).map((tick) => tick.label)).toEqual([
      '2023-07-13',
      '2023-07-14',
      '2023-07-15',
      '2023-07-16',
      '2023-07-17',
      '2023-07-18',
      '2023-07-19',
      '2023-07-20',
    ]);
  });

  it('uses hours and minutes inside a day', () => {
    const ticks = axisTicks({ start: t('2023-07-18T18:00:00Z'), end: t('2023-07-18T19:00:00Z') });
    expect(ticks[0]?.label).toBe('07-18 18:00');
    expect(ticks.every((tick) => tick.time % (5 * 60_000) === 0)).toBe(true);
  });

  it('uses months and then years on long windows', () => {
    expect(axisTicks({ start: t('2023-01-15T00:00:00Z'), end: t('2023-12-31T00:00:00Z') })[0]?.label).toBe('2023-04');
    const decades = axisTicks({ start: t('1990-06-01T00:00:00Z'), end: t('2030-01-01T00:00:00Z') });
    expect(decades.map((tick) => tick.label)).toEqual(['1995', '2000', '2005', '2010', '2015', '2020', '2025', '2030']);
  });
});
