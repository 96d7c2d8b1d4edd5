/**
 * What the preview shows besides the totals (the "if you save" change and the timeline histogram) is the same
 * whether computed from interval summaries or segment by segment, over random segments and rule chains.
 */
import { describe, expect, it } from 'vitest';
import { computeEffectiveRetention, type RetentionSegment } from '../../druid/effective-retention.ts';
import { BASE, DAY, randomRules, randomSegments, randomSource, summarise } from '../../druid/random-retention-data.ts';
import { computeRetentionChange } from './retention-change.ts';
import { segmentHistogram, timelineWindow } from './retention-timeline-model.ts';

const column = (rows: readonly RetentionSegment[], key: 'start' | 'size' | 'count') =>
  Float64Array.from(rows, (row) => row[key] ?? 1);

describe('the preview from interval summaries', () => {
  it('gives the same change on save and the same histogram as per segment, over 300 random cases', () => {
    for (let seed = 5000; seed < 5300; seed++) {
      const random = randomSource(seed);
      const saved = randomRules(random, 6);
      const edited = randomRules(random, 6);
      const defaultRules = randomRules(random, 2);
      const now = BASE + (random.int(400) - 200) * DAY + random.int(DAY);
      const segments = randomSegments(random);
      const summaries = summarise(segments);
      const of = (rows: readonly RetentionSegment[]) => {
        const before = computeEffectiveRetention({ rules: saved, defaultRules, segments: rows, now });
        const after = computeEffectiveRetention({ rules: edited, defaultRules, segments: rows, now });
        const window = timelineWindow({ start: BASE - 40 * DAY, end: BASE + 40 * DAY }, now);
        const starts = { start: column(rows, 'start'), count: column(rows, 'count') };
        const histogram = segmentHistogram(after, starts, window, 50);
        return {
          change: computeRetentionChange(before, after, column(rows, 'size'), column(rows, 'count')),
          histogram: [...histogram.counts],
          max: histogram.max,
        };
      };
      expect(of(summaries), `seed ${seed}`).toEqual(of(segments));
    }
  });
});
