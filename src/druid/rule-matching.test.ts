import { describe, expect, it } from 'vitest';
import { addPeriod, parsePeriod } from './period.ts';
import {
  describeRule,
  findMatchingRule,
  periodWindow,
  ruleAction,
  ruleAppliesTo,
  totalReplicas,
} from './rule-matching.ts';
import { parseRules } from './rule-parsing.ts';
import type { Rule } from './rule-schemas.ts';
import { at, iv } from './test-helpers.ts';

const DAY = 86_400_000;
const rules = (json: unknown[]): Rule[] => {
  const result = parseRules(json);
  if (!result.ok) throw new Error(result.error);
  return result.rules;
};
const rule = (json: unknown): Rule => {
  const [only] = rules([json]);
  if (!only) throw new Error('no rule');
  return only;
};
const span = (start: number, end: number) => ({ start, end });
const minusMonths = (ms: number, months: number) => addPeriod(ms, parsePeriod(`P${months}M`), -1);

describe('ruleAppliesTo (Druid §5.3)', () => {
  const now = at('2012-12-31T01:00:00');

  it('*Forever rules apply to everything', () => {
    for (const type of ['loadForever', 'dropForever', 'broadcastForever']) {
      expect(ruleAppliesTo(rule({ type }), iv('0500-01-01/2100-01-01'), now)).toBe(true);
    }
  });

  it('load/broadcast by interval use overlap, drop by interval uses containment', () => {
    const load = rule({ type: 'loadByInterval', interval: '2012-01-01/2012-02-01' });
    const broadcast = rule({ type: 'broadcastByInterval', interval: '2012-01-01/2012-02-01' });
    const drop = rule({ type: 'dropByInterval', interval: '2012-01-01/2012-02-01' });
    const straddling = iv('2011-12-31/2012-01-02');
    const inside = iv('2012-01-05/2012-01-06');
    const touching = iv('2012-02-01/2012-02-02');
    expect([load, broadcast, drop].map((r) => ruleAppliesTo(r, straddling, now))).toEqual([true, true, false]);
    expect([load, broadcast, drop].map((r) => ruleAppliesTo(r, inside, now))).toEqual([true, true, true]);
    expect([load, broadcast, drop].map((r) => ruleAppliesTo(r, touching, now))).toEqual([false, false, false]);
    expect(ruleAppliesTo(drop, iv('2012-01-01/2012-02-01'), now)).toBe(true);
  });

  // Ported from Druid's PeriodLoadRuleTest.
  it('loadByPeriod without future overlaps [now - period, now)', () => {
    const all = rule({ type: 'loadByPeriod', period: 'P5000Y', includeFuture: false });
    const at2013 = at('2013-01-01');
    expect(ruleAppliesTo(all, iv('2012-01-01/2012-12-31'), at2013)).toBe(true);
    expect(ruleAppliesTo(all, iv('1000-01-01/2012-12-31'), at2013)).toBe(true);
    expect(ruleAppliesTo(all, iv('0500-01-01/2100-12-31'), at2013)).toBe(true);

    const month = rule({ type: 'loadByPeriod', period: 'P1M', includeFuture: false });
    expect(ruleAppliesTo(month, span(now - 7 * DAY, now), now)).toBe(true);
    expect(ruleAppliesTo(month, span(now - DAY, now + DAY), now)).toBe(true);
    expect(ruleAppliesTo(month, span(now + DAY, now + 2 * DAY), now)).toBe(false);
    expect(ruleAppliesTo(month, span(now - 7 * DAY, now + 7 * DAY), now)).toBe(true);
    expect(ruleAppliesTo(month, span(minusMonths(now, 1) - 7 * DAY, minusMonths(now, 1) + 7 * DAY), now)).toBe(true);
    expect(ruleAppliesTo(month, span(minusMonths(now, 2), minusMonths(now, 1)), now)).toBe(false);
  });

  it('loadByPeriod with future only needs the segment to end after now - period', () => {
    const withFuture = rule({ type: 'loadByPeriod', period: 'P2D', includeFuture: true });
    const without = rule({ type: 'loadByPeriod', period: 'P2D', includeFuture: false });
    expect(ruleAppliesTo(withFuture, span(now + DAY, now + 2 * DAY), now)).toBe(true);
    expect(ruleAppliesTo(without, span(now + DAY, now + 2 * DAY), now)).toBe(false);
    expect(ruleAppliesTo(withFuture, span(now - 3 * DAY, now - 2 * DAY), now)).toBe(false);
    expect(ruleAppliesTo(withFuture, span(now - 3 * DAY, now - 2 * DAY + 1), now)).toBe(true);
    const broadcast = rule({ type: 'broadcastByPeriod', period: 'P2D' });
    expect(ruleAppliesTo(broadcast, span(now + DAY, now + 2 * DAY), now)).toBe(true);
  });

  // Ported from Druid's PeriodDropRuleTest.
  it('dropByPeriod without future needs containment in [now - period, now)', () => {
    const all = rule({ type: 'dropByPeriod', period: 'P5000Y', includeFuture: false });
    expect(ruleAppliesTo(all, span(now - 2 * DAY, now - DAY), now)).toBe(true);
    expect(ruleAppliesTo(all, span(addPeriod(now, parsePeriod('P100Y'), -1), now - DAY), now)).toBe(true);

    const month = rule({ type: 'dropByPeriod', period: 'P1M', includeFuture: false });
    expect(ruleAppliesTo(month, span(now - 7 * DAY, now - DAY), now)).toBe(true);
    expect(ruleAppliesTo(month, span(now - DAY, now), now)).toBe(true);
    expect(ruleAppliesTo(month, span(addPeriod(now, parsePeriod('P1Y'), -1), now - DAY), now)).toBe(false);
    expect(ruleAppliesTo(month, span(minusMonths(now, 2), now - DAY), now)).toBe(false);
    expect(ruleAppliesTo(month, span(now - DAY, now + DAY), now)).toBe(false);
  });

  it('dropByPeriod with future needs the segment to start at or after now - period', () => {
    const withFuture = rule({ type: 'dropByPeriod', period: 'P2D', includeFuture: true });
    const without = rule({ type: 'dropByPeriod', period: 'P2D', includeFuture: false });
    expect(ruleAppliesTo(withFuture, span(now + DAY, now + 2 * DAY), now)).toBe(true);
    expect(ruleAppliesTo(without, span(now + DAY, now + 2 * DAY), now)).toBe(false);
    expect(ruleAppliesTo(withFuture, span(now - 2 * DAY, now - DAY), now)).toBe(true);
    expect(ruleAppliesTo(withFuture, span(now - 2 * DAY - 1, now - DAY), now)).toBe(false);
  });

  // Ported from Druid's PeriodDropBeforeRuleTest.
  it('dropBeforeByPeriod needs the segment to end at or before now - period', () => {
    const before = rule({ type: 'dropBeforeByPeriod', period: 'P1D' });
    expect(ruleAppliesTo(before, span(now - 3 * DAY, now - 2 * DAY), now)).toBe(true);
    expect(ruleAppliesTo(before, span(now - 2 * DAY, now - DAY), now)).toBe(true);
    expect(ruleAppliesTo(before, span(now - DAY, now), now)).toBe(false);
    expect(ruleAppliesTo(before, span(now, now + DAY), now)).toBe(false);
  });

  it('uses Joda’s calendar for the window: now - P1M from 31 March is 29 February in a leap year', () => {
    const march31 = at('2024-03-31T12:00:00Z');
    expect(periodWindow('P1M', march31)).toEqual({ start: at('2024-02-29T12:00:00Z'), end: march31 });
    const drop = rule({ type: 'dropBeforeByPeriod', period: 'P1M' });
    expect(ruleAppliesTo(drop, iv('2024-02-28T12:00:00Z/2024-02-29T12:00:00Z'), march31)).toBe(true);
    expect(ruleAppliesTo(drop, iv('2024-02-28T12:00:00Z/2024-02-29T12:00:00.001Z'), march31)).toBe(false);
  });

  it('never applies a rule whose window Druid could not build (negative period)', () => {
    expect(periodWindow('P-1D', now)).toBeNull();
    expect(ruleAppliesTo(rule({ type: 'loadByPeriod', period: 'P-1D' }), span(now - DAY, now + DAY), now)).toBe(false);
  });

  it('applies to eternity segments as Druid does', () => {
    const eternity = iv('-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z');
    expect(ruleAppliesTo(rule({ type: 'loadByPeriod', period: 'P1M' }), eternity, now)).toBe(true);
    expect(ruleAppliesTo(rule({ type: 'dropBeforeByPeriod', period: 'P1M' }), eternity, now)).toBe(false);
    expect(ruleAppliesTo(rule({ type: 'dropByInterval', interval: '2000/2020' }), eternity, now)).toBe(false);
  });
});

describe('findMatchingRule', () => {
  const now = at('2024-05-01');
  const dataSourceRules = rules([
    { type: 'loadByPeriod', period: 'P1M', tieredReplicants: { hot: 1 } },
    { type: 'dropByInterval', interval: '2020/2021' },
  ]);
  const defaults = rules([{ type: 'loadForever' }]);

  it('returns the first matching rule, datasource rules before the defaults', () => {
    expect(findMatchingRule(dataSourceRules, defaults, iv('2024-04-20/2024-04-21'), now)).toEqual({
      rule: dataSourceRules[0],
      source: 'datasource',
      index: 0,
    });
    expect(findMatchingRule(dataSourceRules, defaults, iv('2020-06-01/2020-06-02'), now)).toEqual({
      rule: dataSourceRules[1],
      source: 'datasource',
      index: 1,
    });
    expect(findMatchingRule(dataSourceRules, defaults, iv('2022-01-01/2022-01-02'), now)).toEqual({
      rule: defaults[0],
      source: 'default',
      index: 0,
    });
  });

  it('reports "no matching rule" as null', () => {
    expect(findMatchingRule(dataSourceRules, [], iv('2022-01-01/2022-01-02'), now)).toBeNull();
    expect(findMatchingRule([], [], iv('2022-01-01/2022-01-02'), now)).toBeNull();
  });

  it('treats dropBeforeByPeriod + loadForever like loadByPeriod(includeFuture) + dropForever (Druid docs)', () => {
    const a = rules([{ type: 'dropBeforeByPeriod', period: 'P1M' }, { type: 'loadForever' }]);
    const b = rules([{ type: 'loadByPeriod', period: 'P1M', includeFuture: true }, { type: 'dropForever' }]);
    const start = at('2024-03-01');
    for (let i = 0; i < 80; i++) {
      const segment = span(start + i * DAY, start + (i + 1) * DAY);
      const actionA = ruleAction(findMatchingRule(a, [], segment, now)?.rule ?? rule({ type: 'broadcastForever' }));
      const actionB = ruleAction(findMatchingRule(b, [], segment, now)?.rule ?? rule({ type: 'broadcastForever' }));
      expect(actionA).toBe(actionB);
    }
  });
});

describe('rule helpers', () => {
  it('classify, count replicas and describe rules', () => {
    const load = rule({
      type: 'loadByPeriod',
      period: 'P1M',
      includeFuture: false,
      tieredReplicants: { hot: 2, cold: 1 },
    });
    expect(ruleAction(load)).toBe('load');
    expect(ruleAction(rule({ type: 'dropForever' }))).toBe('drop');
    expect(ruleAction(rule({ type: 'broadcastForever' }))).toBe('broadcast');
    expect(load.type === 'loadByPeriod' && totalReplicas(load)).toBe(3);
    expect(describeRule(load)).toBe('loadByPeriod P1M (excluding future)');
    expect(describeRule(rule({ type: 'dropByInterval', interval: '2020/2021' }))).toBe('dropByInterval 2020/2021');
    expect(describeRule(rule({ type: 'dropForever' }))).toBe('dropForever');
  });
});
