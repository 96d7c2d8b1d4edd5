import { describe, expect, it } from 'vitest';
import { record, WIKI_START, wikipediaHour } from './test-records.ts';
import { bucketize, bucketTotal } from './timeline-buckets.ts';

describe('bucketize', () => {
  it('uses hours for a day of hourly segments, split by state', () => {
    const { buckets, granularity } = bucketize(wikipediaHour({ 2: 'unused', 3: 'overshadowed' }), 'count');
    expect(granularity?.name).toBe('hour');
    expect(buckets).toHaveLength(24);
    expect(buckets[0]).toEqual({
      start: WIKI_START,
      end: WIKI_START + 3_600_000,
      values: { used: 1, overshadowed: 0, unused: 0 },
    });
    expect(buckets[2]?.values).toEqual({ used: 0, overshadowed: 0, unused: 1 });
    expect(buckets[3]?.values).toEqual({ used: 0, overshadowed: 1, unused: 0 });
  });

  it('switches to calendar months over years, and sums sizes', () => {
    const DAY = 86_400_000;
    const start = Date.UTC(2019, 5, 1);
    const records = Array.from({ length: 36 }, (_, i) =>
      record('social_media', Date.UTC(2019, 5 + i, 1), Date.UTC(2019, 6 + i, 1), { size: 10 }),
    );
    records.push(record('social_media', start + 3 * DAY, start + 4 * DAY, { size: 5, state: 'unused' }));
    const { buckets, granularity } = bucketize(records, 'size');
    expect(granularity?.name).toBe('month');
    expect(buckets).toHaveLength(36);
    expect(buckets[0]?.values).toEqual({ used: 10, overshadowed: 0, unused: 5 });
    expect(buckets[1]?.start).toBe(Date.UTC(2019, 6, 1));
    expect(buckets.reduce((sum, b) => sum + bucketTotal(b), 0)).toBe(365);
  });

  it('draws nothing for no records', () => {
    expect(bucketize([], 'count').buckets).toEqual([]);
  });
});
