/**
 * What saving new `_default` rules changes for every datasource that falls back to them: per datasource, what is
 * loaded (per tier), dropped and broadcast before and after, and the total. Datasources are first sorted by what
 * their summary row tells (src/druid/default-rules-reach.ts); only those whose segments straddle a rule edge need
 * their interval summaries, so 10,000 datasources cost two requests plus a few.
 */
import type { RetentionIntervals } from '../../api/rules-segments.ts';
import type { UsedTotals } from '../../api/used-totals.ts';
import { type DefaultsChains, defaultsChains } from '../../druid/default-rules-reach.ts';
import {
  computeEffectiveRetention,
  type EffectiveRetention,
  type RetentionSlot,
  type TierTotals,
  type Totals,
} from '../../druid/effective-retention.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import {
  addRetentionChange,
  computeRetentionChange,
  emptyRetentionChange,
  type RetentionChange,
} from './retention-change.ts';

export interface OutcomeTotals {
  load: Totals;
  drop: Totals;
  broadcast: Totals;
  none: Totals;
  tiers: Record<string, TierTotals>;
}

export interface DataSourceImpact {
  name: string;
  before: OutcomeTotals;
  after: OutcomeTotals;
  change: RetentionChange;
}

export interface DefaultRulesImpactPlan {
  /** Served datasources whose segments each chain governs with one rule: their totals suffice. */
  whole: Array<{ name: string; before: number; after: number }>;
  /** Served datasources whose interval summaries are needed. */
  intervals: string[];
  /** Served datasources whose own rules catch every segment. */
  never: number;
  /** Datasources whose own rules this console cannot read: their fate is unknown. */
  unreadable: string[];
  /** The prepared rule chains of a datasource (shared by every datasource without rules). */
  chainsOf: (name: string) => DefaultsChains;
}

export interface DefaultRulesImpact {
  /** Datasources whose segments change, most data newly dropped first. */
  changed: DataSourceImpact[];
  total: { before: OutcomeTotals; after: OutcomeTotals; change: RetentionChange };
  /** Datasources with served segments the defaults reach at all (before or after). */
  reached: number;
  /**
   * The new defaults summed over every datasource that falls back to them: per default rule, and unmatched
   * segments, which is all the lints read.
   */
  retention: EffectiveRetention;
  unreadable: string[];
}

export interface OwnRules {
  rules: Rule[];
  /** Why the list cannot be read, or null. */
  error: string | null;
}

export function planDefaultRulesImpact(
  served: ReadonlyMap<string, UsedTotals>,
  rulesOf: (name: string) => OwnRules | undefined,
  before: readonly Rule[],
  after: readonly Rule[],
  now: number,
): DefaultRulesImpactPlan {
  const shared = defaultsChains([], before, after, now);
  const chains = new Map<string, DefaultsChains>();
  const byRules = new Map<string, DefaultsChains>();
  const chainsOf = (name: string) => chains.get(name) ?? shared;
  const plan: DefaultRulesImpactPlan = { whole: [], intervals: [], never: 0, unreadable: [], chainsOf };
  for (const [name, totals] of served) {
    if (totals.count === 0 || totals.minTime === null || totals.maxTime === null) continue;
    const own = rulesOf(name);
    if (own?.error) {
      plan.unreadable.push(name);
      continue;
    }
    if (own && own.rules.length > 0) {
      // Many datasources share one rule list: prepare each distinct list once.
      const key = JSON.stringify(own.rules);
      let prepared = byRules.get(key);
      if (!prepared) {
        prepared = defaultsChains(own.rules, before, after, now);
        byRules.set(key, prepared);
      }
      chains.set(name, prepared);
    }
    const reach = chainsOf(name).reach({ start: totals.minTime, end: totals.maxTime });
    if (reach.kind === 'never') plan.never++;
    else if (reach.kind === 'whole') plan.whole.push({ name, before: reach.before, after: reach.after });
    else plan.intervals.push(name);
  }
  return plan;
}

const zero = (): Totals => ({ count: 0, bytes: 0 });
const emptyOutcome = (): OutcomeTotals => ({ load: zero(), drop: zero(), broadcast: zero(), none: zero(), tiers: {} });

function outcomeOf(retention: EffectiveRetention): OutcomeTotals {
  const { load, drop, broadcast, none } = retention.totals;
  return { load, drop, broadcast, none, tiers: retention.tiers };
}

function addTotals(into: Totals, add: Totals): void {
  into.count += add.count;
  into.bytes += add.bytes;
}

function addOutcome(into: OutcomeTotals, add: OutcomeTotals): void {
  for (const key of ['load', 'drop', 'broadcast', 'none'] as const) addTotals(into[key], add[key]);
  for (const [tier, totals] of Object.entries(add.tiers)) {
    const sum = into.tiers[tier] ?? { segments: 0, replicas: 0, bytes: 0 };
    into.tiers[tier] = sum;
    sum.segments += totals.segments;
    sum.replicas += totals.replicas;
    sum.bytes += totals.bytes;
  }
}

/** What one rule does to `count` segments of `bytes`: the totals computeEffectiveRetention gives for them. */
function outcomeOfSlot(slot: RetentionSlot | undefined, count: number, bytes: number): OutcomeTotals {
  const outcome = emptyOutcome();
  addTotals(outcome[slot?.action ?? 'none'], { count, bytes });
  for (const [tier, replicas] of Object.entries(slot?.replicas ?? {}))
    outcome.tiers[tier] = { segments: replicas > 0 ? count : 0, replicas: count * replicas, bytes: bytes * replicas };
  return outcome;
}

export interface ImpactInput {
  plan: DefaultRulesImpactPlan;
  served: ReadonlyMap<string, UsedTotals>;
  /** Interval summaries of every name in `plan.intervals`. */
  intervalsOf: (name: string) => RetentionIntervals;
  after: readonly Rule[];
  now: number;
}

/** Segments the new chain gives to one rule (undefined: to none). */
type AfterSlot = { slot: RetentionSlot | undefined } & Totals;

export function computeDefaultRulesImpact({ plan, served, intervalsOf, after, now }: ImpactInput): DefaultRulesImpact {
  const retention = computeEffectiveRetention({ rules: [], defaultRules: after, segments: [], now });
  const total = { before: emptyOutcome(), after: emptyOutcome(), change: emptyRetentionChange() };
  const changed: DataSourceImpact[] = [];
  const add = (impact: DataSourceImpact, afterSlots: AfterSlot[]) => {
    for (const { slot, count, bytes } of afterSlots) {
      const summed = slot?.source === 'default' ? retention.slots[slot.index] : undefined;
      if (summed) addTotals(summed, { count, bytes });
      else if (!slot) addTotals(retention.totals.none, { count, bytes });
    }
    if (impact.change.changed.count === 0) return;
    changed.push(impact);
    addOutcome(total.before, impact.before);
    addOutcome(total.after, impact.after);
    addRetentionChange(total.change, impact.change);
  };
  for (const { name, before: slotBefore, after: slotAfter } of plan.whole) {
    const totals = served.get(name);
    if (!totals) continue;
    const chains = plan.chainsOf(name);
    const change = computeRetentionChange(
      { slots: chains.before, rowSlot: Int32Array.of(slotBefore) },
      { slots: chains.after, rowSlot: Int32Array.of(slotAfter) },
      [totals.size],
      [totals.count],
    );
    const was = chains.before[slotBefore];
    const will = chains.after[slotAfter];
    add(
      {
        name,
        before: outcomeOfSlot(was, totals.count, totals.size),
        after: outcomeOfSlot(will, totals.count, totals.size),
        change,
      },
      [{ slot: will, count: totals.count, bytes: totals.size }],
    );
  }
  for (const name of plan.intervals) {
    const rows = intervalsOf(name);
    const chains = plan.chainsOf(name);
    const rules = chains.before.filter((slot) => slot.source === 'datasource').map((slot) => slot.rule);
    const beforeDefaults = chains.before.filter((slot) => slot.source === 'default').map((slot) => slot.rule);
    const was = computeEffectiveRetention({ rules, defaultRules: beforeDefaults, segments: rows, now });
    const will = computeEffectiveRetention({ rules, defaultRules: after, segments: rows, now });
    const change = computeRetentionChange(was, will, rows.size, rows.count);
    const afterSlots: AfterSlot[] = will.slots.map((slot) => ({ slot, count: slot.count, bytes: slot.bytes }));
    afterSlots.push({ slot: undefined, ...will.totals.none });
    add({ name, before: outcomeOf(was), after: outcomeOf(will), change }, afterSlots);
  }
  changed.sort(
    (a, b) =>
      b.change.newlyDropped.bytes - a.change.newlyDropped.bytes ||
      b.change.changed.bytes - a.change.changed.bytes ||
      a.name.localeCompare(b.name),
  );
  return {
    changed,
    total,
    reached: plan.whole.length + plan.intervals.length,
    retention,
    unreadable: plan.unreadable,
  };
}
