/**
 * Which rule applies to a segment, exactly as Druid's `Rule.appliesTo` and the Coordinator's RunRules duty decide:
 * the datasource's rules, then the `_default` rules, first match wins.
 *
 * Every rule's `appliesTo` is a box over the segment's start `s` and end `e`:
 * `startMin <= s < startMax && endMin < e <= endMax`. Computing the box once per rule and reference time makes
 * matching four comparisons, which effective-retention relies on.
 */
import type { Interval } from './interval.ts';
import { tryParseInterval } from './interval.ts';
import { addPeriod, type Period, tryParsePeriod } from './period.ts';
import type { BroadcastRule, DropRule, LoadRule, Rule } from './rule-schemas.ts';

export interface RuleBox {
  startMin: number;
  startMax: number;
  endMin: number;
  endMax: number;
}

export type RuleSource = 'datasource' | 'default';

export interface RuleMatch {
  rule: Rule;
  source: RuleSource;
  /** Position in its own list (datasource rules or default rules), 0-based. */
  index: number;
}

export type RuleAction = 'load' | 'drop' | 'broadcast';

const ANY: RuleBox = Object.freeze({
  startMin: Number.NEGATIVE_INFINITY,
  startMax: Number.POSITIVE_INFINITY,
  endMin: Number.NEGATIVE_INFINITY,
  endMax: Number.POSITIVE_INFINITY,
});
/** Matches nothing: rules Druid could not evaluate (a bad period or interval, a window that ends before it starts). */
export const NEVER_BOX: RuleBox = Object.freeze({ ...ANY, startMin: Number.POSITIVE_INFINITY });

const periodCache = new Map<string, Period | null>();
const intervalCache = new Map<string, Interval | null>();

function cached<T>(cache: Map<string, T | null>, key: string, read: (key: string) => T | null): T | null {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size > 1000) cache.clear();
    value = read(key);
    cache.set(key, value);
  }
  return value;
}

function periodOf(text: string): Period | null {
  return cached(periodCache, text, tryParsePeriod);
}

function intervalOf(text: string): Interval | null {
  return cached(intervalCache, text, (key) => {
    const parsed = tryParseInterval(key);
    return parsed.ok ? parsed.interval : null;
  });
}

/** `[now - period, now)` as Druid builds it (`new Interval(period, now)`), or null when Druid would fail to. */
export function periodWindow(periodText: string, now: number): Interval | null {
  const period = periodOf(periodText);
  if (!period) return null;
  const start = addPeriod(now, period, -1);
  return start <= now ? { start, end: now } : null;
}

/** Druid's `appliesTo` of `rule` at reference time `now`, as a box (see the file comment). */
export function ruleBox(rule: Rule, now: number): RuleBox {
  switch (rule.type) {
    case 'loadForever':
    case 'dropForever':
    case 'broadcastForever':
      return ANY;
    case 'loadByInterval':
    case 'broadcastByInterval': {
      // Rules.eligibleForLoad: ruleInterval.overlaps(segment) = s < end && start < e.
      const interval = intervalOf(rule.interval);
      return interval ? { ...ANY, startMax: interval.end, endMin: interval.start } : NEVER_BOX;
    }
    case 'dropByInterval': {
      // ruleInterval.contains(segment) = start <= s && s < end && e <= end.
      const interval = intervalOf(rule.interval);
      return interval ? { ...ANY, startMin: interval.start, startMax: interval.end, endMax: interval.end } : NEVER_BOX;
    }
    case 'loadByPeriod':
    case 'broadcastByPeriod': {
      const window = periodWindow(rule.period, now);
      if (!window) return NEVER_BOX;
      // includeFuture: window.start < e; otherwise window.overlaps(segment).
      return rule.includeFuture ? { ...ANY, endMin: window.start } : { ...ANY, startMax: now, endMin: window.start };
    }
    case 'dropByPeriod': {
      const window = periodWindow(rule.period, now);
      if (!window) return NEVER_BOX;
      // includeFuture: window.start <= s; otherwise window.contains(segment).
      return rule.includeFuture
        ? { ...ANY, startMin: window.start }
        : { ...ANY, startMin: window.start, startMax: now, endMax: now };
    }
    case 'dropBeforeByPeriod': {
      // e <= now - period
      const window = periodWindow(rule.period, now);
      return window ? { ...ANY, endMax: window.start } : NEVER_BOX;
    }
  }
}

export function boxContains(box: RuleBox, start: number, end: number): boolean {
  return start >= box.startMin && start < box.startMax && end > box.endMin && end <= box.endMax;
}

/** Druid's `rule.appliesTo(segmentInterval, now)`. */
export function ruleAppliesTo(rule: Rule, segment: Interval, now: number): boolean {
  return boxContains(ruleBox(rule, now), segment.start, segment.end);
}

/** The rule the Coordinator runs for a segment: the first that applies, datasource rules before `_default`. */
export function findMatchingRule(
  rules: readonly Rule[],
  defaultRules: readonly Rule[],
  segment: Interval,
  now: number,
): RuleMatch | null {
  for (const [index, rule] of rules.entries()) {
    if (ruleAppliesTo(rule, segment, now)) return { rule, source: 'datasource', index };
  }
  for (const [index, rule] of defaultRules.entries()) {
    if (ruleAppliesTo(rule, segment, now)) return { rule, source: 'default', index };
  }
  return null;
}

export function isLoadRule(rule: Rule): rule is LoadRule {
  return rule.type.startsWith('load');
}

export function isDropRule(rule: Rule): rule is DropRule {
  return rule.type.startsWith('drop');
}

export function isBroadcastRule(rule: Rule): rule is BroadcastRule {
  return rule.type.startsWith('broadcast');
}

export function ruleAction(rule: Rule): RuleAction {
  if (isLoadRule(rule)) return 'load';
  return isDropRule(rule) ? 'drop' : 'broadcast';
}

export function isForeverRule(rule: Rule): boolean {
  return rule.type.endsWith('Forever');
}

/** Sum of a load rule's replicas over all tiers; 0 means "used, but served from deep storage only". */
export function totalReplicas(rule: LoadRule): number {
  let total = 0;
  for (const count of Object.values(rule.tieredReplicants)) total += count;
  return total;
}

/** A short human description, e.g. `loadByPeriod P1M (including future)`. */
export function describeRule(rule: Rule): string {
  switch (rule.type) {
    case 'loadByInterval':
    case 'dropByInterval':
    case 'broadcastByInterval':
      return `${rule.type} ${rule.interval}`;
    case 'loadByPeriod':
    case 'dropByPeriod':
    case 'broadcastByPeriod':
      return `${rule.type} ${rule.period}${rule.includeFuture ? '' : ' (excluding future)'}`;
    case 'dropBeforeByPeriod':
      return `${rule.type} ${rule.period}`;
    default:
      return rule.type;
  }
}
