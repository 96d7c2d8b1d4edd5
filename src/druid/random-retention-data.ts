/**
 * Random segments and rule chains for the property-style tests of effective retention (test-only, like
 * test-helpers.ts): seeded, so a failure names a seed that reproduces it.
 */
import type { RetentionSegment } from './effective-retention.ts';
import { MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import { formatInterval } from './interval.ts';
import { parseRules } from './rule-parsing.ts';
import { RULE_TYPES, type Rule } from './rule-schemas.ts';
import { at } from './test-helpers.ts';

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** mulberry32: a small seeded generator, so a failure names a seed that reproduces it. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)] as T;
  return { next, int, pick };
}
export type Random = ReturnType<typeof randomSource>;

export const BASE = at('2024-01-01');

/** Mostly hour- or day-aligned instants around BASE, sometimes any millisecond. */
function instant(random: Random): number {
  const unit = random.pick([HOUR, DAY, DAY, 1]);
  return BASE + (random.int(60) - 30) * (unit === 1 ? 997_331 : unit);
}

function interval(random: Random): { start: number; end: number } {
  const kind = random.int(20);
  if (kind === 0) return { start: MIN_INSTANT, end: MAX_INSTANT };
  if (kind === 1) return { start: MIN_INSTANT, end: instant(random) };
  const start = instant(random);
  if (kind === 2) return { start, end: MAX_INSTANT };
  return { start, end: start + random.pick([HOUR, HOUR, DAY, 7 * DAY, 30 * DAY, 1, 0]) };
}

const PERIODS = ['PT1H', 'P1D', 'P7D', 'P1M', 'P3M', 'P1Y', 'P10Y', 'PT0S', 'P1DT6H'];

function randomRule(random: Random): unknown {
  const type = random.pick(RULE_TYPES);
  const rule: Record<string, unknown> = { type };
  if (type.endsWith('ByInterval')) {
    const { start, end } = interval(random);
    rule.interval = formatInterval({ start, end: Math.max(start, end) });
  }
  if (type.endsWith('Period')) rule.period = random.pick(PERIODS);
  if (type === 'loadByPeriod' || type === 'dropByPeriod' || type === 'broadcastByPeriod')
    rule.includeFuture = random.int(2) === 0;
  if (type.startsWith('load'))
    rule.tieredReplicants = Object.fromEntries(
      ['hot', '_default_tier', 'cold'].filter(() => random.int(2) === 0).map((tier) => [tier, random.int(3)]),
    );
  return rule;
}

export function randomRules(random: Random, max: number): Rule[] {
  const parsed = parseRules(Array.from({ length: random.int(max + 1) }, () => randomRule(random)));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.rules;
}

/** Segments drawn from a few distinct intervals, so summaries have rows of several segments. */
export function randomSegments(random: Random): RetentionSegment[] {
  const intervals = Array.from({ length: 1 + random.int(40) }, () => interval(random));
  return Array.from({ length: random.int(300) }, () => ({ ...random.pick(intervals), size: 1 + random.int(5000) }));
}

/** What intervals?simple gives for these segments: one row per distinct interval, newest first as Druid sends it. */
export function summarise(segments: readonly RetentionSegment[]): RetentionSegment[] {
  const rows = new Map<string, { start: number; end: number; count: number; size: number }>();
  for (const { start, end, size = 0 } of segments) {
    const key = `${start}/${end}`;
    const row = rows.get(key) ?? { start, end, count: 0, size: 0 };
    row.count++;
    row.size += size;
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => b.start - a.start || b.end - a.end);
}
