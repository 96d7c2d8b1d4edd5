import { describe, expect, it } from 'vitest';
import { previewIntervalMark, previewMarkAll } from './interval-preview.ts';
import { record, WIKI_START, wikipediaHour } from './test-records.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('previewIntervalMark', () => {
  const records = wikipediaHour({ 0: 'unused', 1: 'unused' });

  it('counts only segments fully inside the interval', () => {
    const interval = { start: WIKI_START + 30 * 60_000, end: WIKI_START + 5 * HOUR };
    // Hours 1-4 are inside; hour 1 is already unused; hour 0 (unused) only overlaps.
    expect(previewIntervalMark(records, interval, false)).toEqual({
      willChange: 3,
      overshadowed: 0,
      alreadyInState: 1,
      partlyInside: 0,
    });
    expect(
      previewIntervalMark(records, { start: WIKI_START + 30 * 60_000, end: WIKI_START + 5.5 * HOUR }, false),
    ).toMatchObject({ willChange: 3, partlyInside: 1 });
  });

  it('leaves out unused segments a newer version overshadows when marking used', () => {
    const jan1 = Date.UTC(2024, 0, 1);
    const sales = [
      record('sales_events', jan1, jan1 + DAY, { version: 'v2' }),
      record('sales_events', jan1, jan1 + DAY, { version: 'v1', partition: 1, state: 'unused' }),
      record('sales_events', jan1 + DAY, jan1 + 2 * DAY, { version: 'v1', state: 'unused' }),
    ];
    expect(previewIntervalMark(sales, { start: jan1, end: jan1 + 2 * DAY }, true)).toEqual({
      willChange: 1,
      overshadowed: 1,
      alreadyInState: 1,
      partlyInside: 0,
    });
  });

  it('previews marking everything', () => {
    expect(previewMarkAll(records, false).willChange).toBe(22);
    expect(previewMarkAll(records, true).willChange).toBe(2);
  });
});
