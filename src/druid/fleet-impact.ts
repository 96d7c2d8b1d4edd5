/**
 * What one change of many datasources' own rules does to their served segments. Each datasource's summary row
 * (`datasources?simple`: count, size, time range) is enough when no rule edge of the old or the new chain (own
 * rules, then `_default`) cuts its range: one rule governs all its segments before and after. Only the others need
 * their interval summaries, so a fleet of 10,000 costs a few requests plus one per datasource with a cut.
 */
import { defaultsChains, type TimeRange } from './default-rules-reach.ts';
import {
  computeEffectiveRetention,
  type EffectiveRetention,
  type RetentionSegmentColumns,
} from './effective-retention.ts';
import { computeRetentionChange, type RetentionChange } from './retention-change.ts';
import { lintRules, type RuleLint } from './rule-lints.ts';
import type { Rule } from './rule-schemas.ts';

export interface FleetTarget {
  name: string;
  /** The datasource's own rules as read. */
  before: readonly Rule[];
  /** Its own rules after the change. */
  after: readonly Rule[];
}

export interface ServedSummary {
  count: number;
  size: number;
  minTime: number | null;
  maxTime: number | null;
}

export interface FleetImpactPlan {
  /** One rule governs each of these datasources' segments before and after: the summary row suffices. */
  whole: string[];
  /** Datasources whose interval summaries are needed. */
  intervals: string[];
  /** Datasources without served segments: nothing to count. */
  empty: string[];
}

const rangeOf = (served: ServedSummary | undefined): TimeRange | null =>
  served && served.count > 0 && served.minTime !== null && served.maxTime !== null
    ? { start: served.minTime, end: served.maxTime }
    : null;

export function planFleetImpact(
  targets: readonly FleetTarget[],
  served: ReadonlyMap<string, ServedSummary>,
  defaults: readonly Rule[],
  now: number,
): FleetImpactPlan {
  const plan: FleetImpactPlan = { whole: [], intervals: [], empty: [] };
  // Many datasources share a rule list: prepare each distinct pair of chains once.
  const chains = new Map<string, ReturnType<typeof defaultsChains>>();
  for (const target of targets) {
    const range = rangeOf(served.get(target.name));
    if (!range) {
      plan.empty.push(target.name);
      continue;
    }
    const key = `${JSON.stringify(target.before)}\n${JSON.stringify(target.after)}`;
    let prepared = chains.get(key);
    if (!prepared) {
      // Both whole chains as "defaults" of an empty list: reach() then tells whether a rule edge cuts the range.
      prepared = defaultsChains([], [...target.before, ...defaults], [...target.after, ...defaults], now);
      chains.set(key, prepared);
    }
    (prepared.reach(range).kind === 'whole' ? plan.whole : plan.intervals).push(target.name);
  }
  return plan;
}

export interface OutcomeSummary {
  load: number;
  drop: number;
  broadcast: number;
  none: number;
  /** Bytes per tier, every replica counted. */
  tierBytes: Record<string, number>;
}

export interface FleetDataSourceImpact {
  name: string;
  segments: number;
  bytes: number;
  before: OutcomeSummary;
  after: OutcomeSummary;
  change: RetentionChange;
  lints: RuleLint[];
  /** The change drops segments the current rules keep (Druid marks them unused). */
  losesData: boolean;
}

function summaryOf(retention: EffectiveRetention): OutcomeSummary {
  const { load, drop, broadcast, none } = retention.totals;
  const tierBytes = Object.fromEntries(Object.entries(retention.tiers).map(([tier, t]) => [tier, t.bytes]));
  return { load: load.count, drop: drop.count, broadcast: broadcast.count, none: none.count, tierBytes };
}

/** The summary row as one interval spanning the range: exact wherever the plan put the datasource in `whole`. */
export function wholeRangeRows(served: ServedSummary | undefined): Required<RetentionSegmentColumns> {
  const range = rangeOf(served);
  if (!served || !range) return { start: [], end: [], count: [], size: [] };
  return { start: [range.start], end: [range.end], count: [served.count], size: [served.size] };
}

export function computeFleetDataSourceImpact(
  target: FleetTarget,
  rows: Required<RetentionSegmentColumns>,
  defaults: readonly Rule[],
  now: number,
  tiers?: readonly string[],
): FleetDataSourceImpact {
  const was = computeEffectiveRetention({ rules: target.before, defaultRules: defaults, segments: rows, now });
  const will = computeEffectiveRetention({ rules: target.after, defaultRules: defaults, segments: rows, now });
  const change = computeRetentionChange(was, will, rows.size, rows.count);
  const lints = lintRules({ rules: target.after, defaultRules: defaults, now, segments: rows, retention: will, tiers });
  let segments = 0;
  let bytes = 0;
  for (let i = 0; i < rows.count.length; i++) {
    segments += rows.count[i] as number;
    bytes += rows.size[i] as number;
  }
  return {
    name: target.name,
    segments,
    bytes,
    before: summaryOf(was),
    after: summaryOf(will),
    change,
    lints,
    losesData: change.newlyDropped.count > 0,
  };
}
