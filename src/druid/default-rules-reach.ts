/**
 * Which datasources a change of the `_default` rules can touch, from each datasource's own rules and the time range
 * of its served segments alone (`datasources?simple`: count, size, minTime, maxTime), so that only datasources whose
 * segments straddle a rule edge need their per-interval summaries fetched. Druid appends `_default` after a
 * datasource's own rules (first match wins), so datasources with rules are reached too wherever none of theirs
 * matches.
 *
 * Segments are assumed non-empty (start < end), as Druid's are.
 */
import { buildSlots, NO_MATCH, type RetentionSlot } from './effective-retention.ts';
import type { RuleBox } from './rule-matching.ts';
import { partitionOf, rangeAt } from './rule-partition.ts';
import type { Rule } from './rule-schemas.ts';

export interface TimeRange {
  start: number;
  end: number;
}

export type DefaultsReach =
  /** One of the datasource's own rules matches every segment in its range: the defaults are never consulted. */
  | { kind: 'never' }
  /**
   * The range lies inside one elementary range of both chains, so each chain governs all of its segments with one
   * rule (`before`, `after`: indexes into the chains' slots, or NO_MATCH): the datasource's totals are exact.
   */
  | { kind: 'whole'; before: number; after: number }
  /** Its segments may fall under different rules: only its interval summaries tell. */
  | { kind: 'intervals' };

/** True when every segment [s, e) with range.start <= s < e <= range.end lies in `box`. */
export function boxHoldsRange(box: RuleBox, range: TimeRange): boolean {
  return (
    box.startMin <= range.start && box.startMax >= range.end && box.endMin <= range.start && box.endMax >= range.end
  );
}

interface Chain {
  slots: RetentionSlot[];
  edges: Float64Array;
  slot: Int32Array;
}

function chainOf(ownRules: readonly Rule[], defaults: readonly Rule[], now: number): Chain {
  const slots = buildSlots(ownRules, defaults, now);
  const { edges, slot } = partitionOf(slots.map((s) => s.box));
  return { slots, edges, slot };
}

/** The slot governing every segment of `range`, or null when a rule edge cuts it. */
function slotOfRange(chain: Chain, range: TimeRange): number | null {
  const k = rangeAt(chain.edges, range.start);
  const inside = (chain.edges[k] as number) <= range.start && range.end <= (chain.edges[k + 1] as number);
  return inside ? (chain.slot[k] ?? NO_MATCH) : null;
}

/** One datasource's rules followed by the old and by the new defaults, prepared once for any number of ranges. */
export interface DefaultsChains {
  before: RetentionSlot[];
  after: RetentionSlot[];
  reach(range: TimeRange): DefaultsReach;
}

export function defaultsChains(
  ownRules: readonly Rule[],
  before: readonly Rule[],
  after: readonly Rule[],
  now: number,
): DefaultsChains {
  const chainBefore = chainOf(ownRules, before, now);
  const chainAfter = chainOf(ownRules, after, now);
  const own = chainBefore.slots.slice(0, ownRules.length).map((slot) => slot.box);
  return {
    before: chainBefore.slots,
    after: chainAfter.slots,
    reach(range) {
      if (own.some((box) => boxHoldsRange(box, range))) return { kind: 'never' };
      const slotBefore = slotOfRange(chainBefore, range);
      const slotAfter = slotOfRange(chainAfter, range);
      return slotBefore === null || slotAfter === null
        ? { kind: 'intervals' }
        : { kind: 'whole', before: slotBefore, after: slotAfter };
    },
  };
}

export function defaultsReach(
  ownRules: readonly Rule[],
  before: readonly Rule[],
  after: readonly Rule[],
  range: TimeRange,
  now: number,
): DefaultsReach {
  return defaultsChains(ownRules, before, after, now).reach(range);
}
