import { describe, expect, it } from 'vitest';
import {
  computeEffectiveRetention,
  NO_MATCH,
  type RetentionSegment,
  ruleTimeline,
  segmentRetention,
} from './effective-retention.ts';
import { MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import { findMatchingRule } from './rule-matching.ts';
import { parseRules } from './rule-parsing.ts';
import type { Rule } from './rule-schemas.ts';
import { at } from './test-helpers.ts';

const DAY = 86_400_000;
const rules = (json: unknown[]): Rule[] => {
  const result = parseRules(json);
  if (!result.ok) throw new Error(result.error);
  return result.rules;
};
const NOW = at('2024-05-01');
const dailySegments = (from: string, days: number, size = 100): RetentionSegment[] =>
  Array.from({ length: days }, (_, i) => ({ start: at(from) + i * DAY, end: at(from) + (i + 1) * DAY, size }));

describe('computeEffectiveRetention', () => {
  const dataSourceRules = rules([
    { type: 'loadByPeriod', period: 'P7D', tieredReplicants: { hot: 2, _default_tier: 1 } },
    { type: 'loadByPeriod', period: 'P1M', tieredReplicants: { _default_tier: 1 } },
    { type: 'dropForever' },
  ]);
  const defaults = rules([{ type: 'loadForever' }]);

  it('finds the rule and outcome of each segment as findMatchingRule does', () => {
    const segments = dailySegments('2024-03-20', 50);
    const retention = computeEffectiveRetention({ rules: dataSourceRules, defaultRules: defaults, segments, now: NOW });
    segments.forEach((segment, i) => {
      const expected = findMatchingRule(dataSourceRules, defaults, segment, NOW);
      const { slot, outcome } = segmentRetention(retention, i);
      expect(slot ? { rule: slot.rule, source: slot.source, index: slot.index } : null).toEqual(expected);
      expect(outcome).toBe(expected ? (expected.rule.type.startsWith('load') ? 'load' : 'drop') : 'none');
    });
  });

  it('counts segments and bytes per rule, per outcome and per tier', () => {
    // 2024-03-20 … 2024-05-08: 7 days hot (from 24 April, plus 8 future days), the month before, the rest dropped.
    const segments = dailySegments('2024-03-20', 50);
    const retention = computeEffectiveRetention({ rules: dataSourceRules, defaultRules: defaults, segments, now: NOW });
    expect(retention.slots.map((slot) => [slot.source, slot.index, slot.count])).toEqual([
      ['datasource', 0, 15],
      ['datasource', 1, 23],
      ['datasource', 2, 12],
      ['default', 0, 0],
    ]);
    expect(retention.totals).toEqual({
      load: { count: 38, bytes: 3800 },
      drop: { count: 12, bytes: 1200 },
      broadcast: { count: 0, bytes: 0 },
      none: { count: 0, bytes: 0 },
    });
    expect(retention.tiers).toEqual({
      hot: { segments: 15, replicas: 30, bytes: 3000 },
      _default_tier: { segments: 38, replicas: 38, bytes: 3800 },
    });
  });

  it('reports segments no rule matches as their own outcome', () => {
    const onlyRecent = rules([{ type: 'loadByPeriod', period: 'P1D' }]);
    const segments = dailySegments('2024-04-28', 4, 10);
    const retention = computeEffectiveRetention({ rules: onlyRecent, defaultRules: [], segments, now: NOW });
    expect(Array.from(retention.rowSlot)).toEqual([NO_MATCH, NO_MATCH, 0, 0]);
    expect(retention.totals.none).toEqual({ count: 2, bytes: 20 });
    expect(segmentRetention(retention, 0)).toEqual({ outcome: 'none', slot: null });
    expect(segmentRetention(retention, 3).slot?.replicas).toEqual({ _default_tier: 2 });
  });

  it('accepts columns and counts a zero-replica load rule on no tier', () => {
    const deepStorage = rules([{ type: 'loadForever', tieredReplicants: {} }]);
    const retention = computeEffectiveRetention({
      rules: deepStorage,
      defaultRules: [],
      segments: { start: new Float64Array([0, DAY]), end: new Float64Array([DAY, 2 * DAY]) },
      now: NOW,
    });
    expect(retention.totals.load.count).toBe(2);
    expect(retention.totals.load.bytes).toBe(0);
    expect(retention.tiers).toEqual({});
  });

  it('splits time into ranges showing which rule takes effect where', () => {
    const segments = dailySegments('2024-03-20', 50);
    const { ranges } = computeEffectiveRetention({
      rules: dataSourceRules,
      defaultRules: defaults,
      segments,
      now: NOW,
    });
    expect(ranges.map(({ start, end, slot, outcome }) => ({ start, end, slot, outcome }))).toEqual([
      { start: MIN_INSTANT, end: at('2024-04-01'), slot: 2, outcome: 'drop' },
      { start: at('2024-04-01'), end: at('2024-04-24'), slot: 1, outcome: 'load' },
      { start: at('2024-04-24'), end: MAX_INSTANT, slot: 0, outcome: 'load' },
    ]);
    expect(ranges.map((range) => range.segmentCount)).toEqual([12, 23, 15]);
    expect(ruleTimeline(dataSourceRules, defaults, NOW).map((range) => range.slot)).toEqual([2, 1, 0]);
    expect(ranges.reduce((sum, range) => sum + range.otherRuleCount, 0)).toBe(0);
  });

  it('flags segments straddling a range edge, which Druid matches by overlap', () => {
    const byInterval = rules([{ type: 'loadByInterval', interval: '2024-01-10/2024-01-20' }, { type: 'dropForever' }]);
    const straddling = { start: at('2024-01-05'), end: at('2024-01-15'), size: 1 };
    const retention = computeEffectiveRetention({
      rules: byInterval,
      defaultRules: [],
      segments: [straddling],
      now: NOW,
    });
    expect(retention.rowSlot[0]).toBe(0);
    const [before, inside, after] = retention.ranges;
    expect(before).toMatchObject({ end: at('2024-01-10'), slot: 1, segmentCount: 1, otherRuleCount: 1 });
    expect(inside).toMatchObject({ start: at('2024-01-10'), end: at('2024-01-20'), slot: 0, segmentCount: 0 });
    expect(after).toMatchObject({ start: at('2024-01-20'), slot: 1 });
  });

  it('gives one "none" range for an empty rule chain', () => {
    const { ranges } = computeEffectiveRetention({ rules: [], defaultRules: [], segments: [], now: NOW });
    expect(ranges).toEqual([
      {
        start: MIN_INSTANT,
        end: MAX_INSTANT,
        slot: NO_MATCH,
        outcome: 'none',
        segmentCount: 0,
        bytes: 0,
        otherRuleCount: 0,
      },
    ]);
  });
});
