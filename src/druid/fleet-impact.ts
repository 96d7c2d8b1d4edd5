/**
 * What one change of many datasources' own rules does to their served segments. Each datasource's summary row
 * (`datasources?simple`: count, size, time range) is enough when no rule edge of the old or the new chain (own
 * rules, then `_default`) cuts its range: one rule governs all its segments before and after. Only the others need
 * their interval summaries, so a fleet of 10,000 costs a few requests plus one per datasource with a cut.
 */
import { type DefaultsChains, defaultsChains, type TimeRange } from './default-rules-reach.ts';
import {
  computeEffectiveRetention,
  type EffectiveRetention,
  type RetentionSegmentColumns,
  type RetentionSlot,
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

/** A datasource whose segments one rule governs before and one after: indexes into the prepared chains' slots. */
export interface WholeRange {
  name: string;
  before: number;
  after: number;
  chains: DefaultsChains;
}

export interface FleetImpactPlan {
  /** One rule governs each of these datasources' segments before and after: the summary row suffices. */
  whole: WholeRange[];
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
  const chains = new Map<string, DefaultsChains>();
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
    const reach = prepared.reach(range);
    if (reach.kind === 'whole')
      plan.whole.push({ name: target.name, before: reach.before, after: reach.after, chains: prepared });
    else plan.intervals.push(target.name);
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
  /** The change drops segments the current rules keep (Druid marks them unused). */
  losesData: boolean;
}

function summaryOf(retention: EffectiveRetention): OutcomeSummary {
  const { load, drop, broadcast, none } = retention.totals;
  // Only tiers that hold something, as for one rule (summaryOfSlot).
  const tierBytes = Object.fromEntries(
    Object.entries(retention.tiers)
      .filter(([, t]) => t.bytes > 0)
      .map(([tier, t]) => [tier, t.bytes]),
  );
  return { load: load.count, drop: drop.count, broadcast: broadcast.count, none: none.count, tierBytes };
}

/** The summary row as one interval spanning the range: exact wherever the plan put the datasource in `whole`. */
export function wholeRangeRows(served: ServedSummary | undefined): Required<RetentionSegmentColumns> {
  const range = rangeOf(served);
  if (!served || !range) return { start: [], end: [], count: [], size: [] };
  return { start: [range.start], end: [range.end], count: [served.count], size: [served.size] };
}

/** What one rule does to `count` segments of `bytes` (no rule: `none`). */
function summaryOfSlot(slot: RetentionSlot | undefined, count: number, bytes: number): OutcomeSummary {
  const summary: OutcomeSummary = { load: 0, drop: 0, broadcast: 0, none: 0, tierBytes: {} };
  summary[slot?.action ?? 'none'] = count;
  for (const [tier, replicas] of Object.entries(slot?.action === 'load' ? (slot.replicas ?? {}) : {}))
    if (replicas > 0 && bytes > 0) summary.tierBytes[tier] = bytes * replicas;
  return summary;
}

/** The impact on a datasource of the plan's `whole` list: from its summary row and the prepared chains alone. */
export function computeWholeRangeImpact(whole: WholeRange, served: ServedSummary): FleetDataSourceImpact {
  const { chains, before, after } = whole;
  const change = computeRetentionChange(
    { slots: chains.before, rowSlot: Int32Array.of(before) },
    { slots: chains.after, rowSlot: Int32Array.of(after) },
    [served.size],
    [served.count],
  );
  return {
    name: whole.name,
    segments: served.count,
    bytes: served.size,
    before: summaryOfSlot(chains.before[before], served.count, served.size),
    after: summaryOfSlot(chains.after[after], served.count, served.size),
    change,
    losesData: change.newlyDropped.count > 0,
  };
}

/** The impact on a datasource from its interval summaries (or any rows of segments). */
export function computeFleetDataSourceImpact(
  target: FleetTarget,
  rows: Required<RetentionSegmentColumns>,
  defaults: readonly Rule[],
  now: number,
): FleetDataSourceImpact {
  const was = computeEffectiveRetention({ rules: target.before, defaultRules: defaults, segments: rows, now });
  const will = computeEffectiveRetention({ rules: target.after, defaultRules: defaults, segments: rows, now });
  const change = computeRetentionChange(was, will, rows.size, rows.count);
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
    losesData: change.newlyDropped.count > 0,
  };
}

/** The lints of a datasource's new rules over its segments, as the rules editor shows them. */
export function fleetLints(
  target: FleetTarget,
  rows: Required<RetentionSegmentColumns>,
  defaults: readonly Rule[],
  now: number,
  tiers?: readonly string[],
): RuleLint[] {
  return lintRules({ rules: target.after, defaultRules: defaults, now, segments: rows, tiers });
}
