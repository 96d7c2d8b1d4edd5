/**
 * Property-style: over random segments and random rule chains, effective retention computed from interval summaries
 * (one row per distinct interval with its count and bytes) equals the one computed segment by segment, and both
 * equal Druid's first-match scan (findMatchingRule) applied to each segment.
 */
import { describe, expect, it } from 'vitest';
import { computeEffectiveRetention } from './effective-retention.ts';
import { BASE, DAY, randomRules, randomSegments, randomSource, summarise } from './random-retention-data.ts';
import { findMatchingRule } from './rule-matching.ts';

const comparable = (retention: ReturnType<typeof computeEffectiveRetention>) => ({
  slots: retention.slots.map(({ count, bytes }) => ({ count, bytes })),
  totals: retention.totals,
  tiers: retention.tiers,
  ranges: retention.ranges,
});

describe('effective retention from interval summaries', () => {
  it('equals the per-segment evaluation and Druid’s first-match scan, over 400 random cases', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = randomSource(seed);
      const rules = randomRules(random, 8);
      const defaultRules = randomRules(random, 3);
      const now = BASE + (random.int(400) - 200) * DAY + random.int(DAY);
      const segments = randomSegments(random);
      const perSegment = computeEffectiveRetention({ rules, defaultRules, segments, now });
      const fromSummaries = computeEffectiveRetention({ rules, defaultRules, segments: summarise(segments), now });
      expect(comparable(fromSummaries), `seed ${seed}`).toEqual(comparable(perSegment));

      // The oracle: Druid's scan, one segment at a time.
      const expected = new Array(perSegment.slots.length + 1).fill(0);
      for (const segment of segments) {
        const match = findMatchingRule(rules, defaultRules, segment, now);
        const slot = match ? (match.source === 'datasource' ? match.index : rules.length + match.index) : -1;
        expected[slot + 1] += 1;
      }
      expect([perSegment.totals.none.count, ...perSegment.slots.map((slot) => slot.count)], `seed ${seed}`).toEqual(
        expected,
      );
    }
  });

  it('counts each range’s segments by start and flags those another rule governs, as per segment', () => {
    for (let seed = 1000; seed < 1200; seed++) {
      const random = randomSource(seed);
      const rules = randomRules(random, 6);
      const now = BASE + random.int(DAY * 30);
      const segments = randomSegments(random);
      const { ranges } = computeEffectiveRetention({ rules, defaultRules: [], segments: summarise(segments), now });
      for (const range of ranges) {
        const inRange = segments.filter((segment) => segment.start >= range.start && segment.start < range.end);
        const governedElsewhere = inRange.filter((segment) => {
          const match = findMatchingRule(rules, [], segment, now);
          return (match?.index ?? -1) !== range.slot;
        });
        expect([range.segmentCount, range.otherRuleCount], `seed ${seed}`).toEqual([
          inRange.length,
          governedElsewhere.length,
        ]);
      }
    }
  });
});
