import { describe, expect, it } from 'vitest';
import { ETERNITY } from '../../druid/interval.ts';
import { previewIntervalMark } from './interval-preview.ts';
import { record, WIKI_START, wikipediaHour } from './test-records.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('previewIntervalMark', () => {
  const records = wikipediaHour({ 0: 'unused', 1: 'unused' });

  it('counts only segments fully inside the interval', () => {
    const interval = { start: WIKI_START + 30 * 60_000, end: WIKI_START + 5 * HOUR };
    // Hours 1-4 are inside; hour 1 is already unused; hour 0 (unused) only overlaps.
    const preview = previewIntervalMark('wikipedia_hour', records, interval, false);
    expect(preview).toMatchObject({ willChange: 3, overshadowed: 0, alreadyInState: 1, partlyInside: 0 });
    expect(preview.ids).toEqual(records.slice(2, 5).map((r) => r.id));
    expect(preview.effect).toMatchObject({ count: 3, bytes: 1002 + 1003 + 1004, dataSource: 'wikipedia_hour' });
    expect(preview.effect.range).toEqual({ start: WIKI_START + 2 * HOUR, end: WIKI_START + 5 * HOUR });
    expect(
      previewIntervalMark(
        'wikipedia_hour',
        records,
        { start: WIKI_START + 30 * 60_000, end: WIKI_START + 5.5 * HOUR },
        false,
      ),
    ).toMatchObject({ willChange: 3, partlyInside: 1 });
  });

  it('leaves out unused segments a newer version overshadows when marking used', () => {
    const jan1 = Date.UTC(2024, 0, 1);
    const sales = [
      record('sales_events', jan1, jan1 + DAY, { version: 'v2' }),
      record('sales_events', jan1, jan1 + DAY, { version: 'v1', partition: 1, state: 'unused' }),
      record('sales_events', jan1 + DAY, jan1 + 2 * DAY, { version: 'v1', state: 'unused' }),
    ];
    const preview = previewIntervalMark('sales_events', sales, { start: jan1, end: jan1 + 2 * DAY }, true);
    expect(preview).toMatchObject({ willChange: 1, overshadowed: 1, alreadyInState: 1, partlyInside: 0 });
    expect(preview.ids).toEqual([sales[2]?.id]);
    expect(preview.leavesNoUsed).toBe(false);
  });

  it('previews marking everything, and knows when nothing used would be left', () => {
    const unused = previewIntervalMark('wikipedia_hour', records, ETERNITY, false);
    expect(unused).toMatchObject({ willChange: 22, leavesNoUsed: true });
    expect(previewIntervalMark('wikipedia_hour', records, ETERNITY, true).willChange).toBe(2);
    const firstHalf = { start: WIKI_START, end: WIKI_START + 12 * HOUR };
    expect(previewIntervalMark('wikipedia_hour', records, firstHalf, false).leavesNoUsed).toBe(false);
  });
});
