/**
 * Effective retention: for every segment, the rule the Coordinator would run (datasource rules, then `_default`,
 * first match wins) and what it does, aggregated per rule, per outcome, per tier and over time ranges.
 *
 * Rules only look at a segment's interval, so the input may be interval summaries (`intervals?simple`: one row of
 * `count` segments and `size` bytes per distinct interval) instead of one row per segment: the result is the same,
 * and the cost grows with the number of distinct intervals, not of segments. Each row is matched through the rule
 * partition (rule-partition.ts), with no allocation per row.
 */
import { type RuleAction, type RuleBox, type RuleSource, ruleAction, ruleBox } from './rule-matching.ts';
import { firstBox, partitionOf, rangeAt } from './rule-partition.ts';
import type { Rule, TieredReplicants } from './rule-schemas.ts';

export type RetentionOutcome = RuleAction | 'none';
export const RETENTION_OUTCOMES: readonly RetentionOutcome[] = ['load', 'drop', 'broadcast', 'none'];
/** `rowSlot` value of a row no rule matches (Druid alerts "Unable to find matching rules!"). */
export const NO_MATCH = -1;

/** One segment, or `count` segments of the same interval. */
export interface RetentionSegment {
  start: number;
  end: number;
  /** Bytes (of all `count` segments); 0 when absent. */
  size?: number;
  /** Segments in this row; 1 when absent. */
  count?: number;
}

/** Rows as columns, the fastest input for large inputs. */
export interface RetentionSegmentColumns {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  size?: ArrayLike<number>;
  count?: ArrayLike<number>;
}

export interface EffectiveRetentionInput {
  /** The datasource's own rules. */
  rules: readonly Rule[];
  /** The cluster's `_default` rules, consulted after the datasource's. */
  defaultRules: readonly Rule[];
  /** One row per segment, or per distinct interval with its segment count (interval summaries). */
  segments: readonly RetentionSegment[] | RetentionSegmentColumns;
  /** Reference time (epoch ms) that period rules count back from. */
  now: number;
}

export interface Totals {
  count: number;
  bytes: number;
}

/** One rule of the combined chain (datasource rules, then default rules) and the segments it governs. */
export interface RetentionSlot extends Totals {
  rule: Rule;
  source: RuleSource;
  /** Position in its own list, 0-based. */
  index: number;
  action: RuleAction;
  /** Replicas per tier for load rules, null for drop and broadcast rules. */
  replicas: TieredReplicants | null;
  box: RuleBox;
}

export interface TierTotals {
  /** Segments with at least one replica on this tier. */
  segments: number;
  /** Replicas to load on this tier, summed over segments. */
  replicas: number;
  /** Bytes on this tier counting every replica. */
  bytes: number;
}

/** A stretch of time where any segment lying wholly inside is governed by the same rule. */
export interface RetentionRange {
  start: number;
  end: number;
  /** Index into `slots`, or NO_MATCH. */
  slot: number;
  outcome: RetentionOutcome;
  /** Segments that start in this range (whatever rule they match). */
  segmentCount: number;
  bytes: number;
  /** Of those, segments that cross into a neighbouring range and so match another rule. */
  otherRuleCount: number;
}

export interface EffectiveRetention {
  now: number;
  slots: RetentionSlot[];
  /** Per input row, in input order: index into `slots`, or NO_MATCH. */
  rowSlot: Int32Array;
  totals: Record<RetentionOutcome, Totals>;
  tiers: Record<string, TierTotals>;
  ranges: RetentionRange[];
}

function toColumns(segments: EffectiveRetentionInput['segments']): Required<RetentionSegmentColumns> {
  if (!Array.isArray(segments)) {
    const columns = segments as RetentionSegmentColumns;
    const rows = columns.start.length;
    return {
      start: columns.start,
      end: columns.end,
      size: columns.size ?? new Float64Array(rows),
      count: columns.count ?? new Float64Array(rows).fill(1),
    };
  }
  const list = segments as readonly RetentionSegment[];
  const start = new Float64Array(list.length);
  const end = new Float64Array(list.length);
  const size = new Float64Array(list.length);
  const count = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const segment = list[i] as RetentionSegment;
    start[i] = segment.start;
    end[i] = segment.end;
    size[i] = segment.size ?? 0;
    count[i] = segment.count ?? 1;
  }
  return { start, end, size, count };
}

export function buildSlots(rules: readonly Rule[], defaultRules: readonly Rule[], now: number): RetentionSlot[] {
  const slot = (rule: Rule, source: RuleSource, index: number): RetentionSlot => ({
    rule,
    source,
    index,
    action: ruleAction(rule),
    replicas: 'tieredReplicants' in rule ? rule.tieredReplicants : null,
    box: ruleBox(rule, now),
    count: 0,
    bytes: 0,
  });
  return [
    ...rules.map((rule, index) => slot(rule, 'datasource', index)),
    ...defaultRules.map((rule, index) => slot(rule, 'default', index)),
  ];
}

/** Elementary ranges with the same rule merged; `merged[k]` is the merged range holding elementary range k. */
function timelineOf(slots: readonly RetentionSlot[], edges: Float64Array, slotOf: Int32Array) {
  const ranges: RetentionRange[] = [];
  const merged = new Int32Array(slotOf.length);
  for (let k = 0; k < slotOf.length; k++) {
    const slot = slotOf[k] as number;
    const end = edges[k + 1] as number;
    const previous = ranges[ranges.length - 1];
    if (previous && previous.slot === slot) previous.end = end;
    else {
      const outcome: RetentionOutcome = slot === NO_MATCH ? 'none' : (slots[slot]?.action ?? 'none');
      ranges.push({ start: edges[k] as number, end, slot, outcome, segmentCount: 0, bytes: 0, otherRuleCount: 0 });
    }
    merged[k] = ranges.length - 1;
  }
  return { ranges, merged };
}

/**
 * Which rule takes effect where: consecutive ranges covering eternity, each governing every segment that lies
 * wholly inside it. Range edges are the rules' interval bounds and period windows at `now`.
 */
export function ruleTimeline(rules: readonly Rule[], defaultRules: readonly Rule[], now: number): RetentionRange[] {
  const slots = buildSlots(rules, defaultRules, now);
  const { edges, slot } = partitionOf(slots.map((s) => s.box));
  return timelineOf(slots, edges, slot).ranges;
}

function tierTotals(slots: readonly RetentionSlot[]): Record<string, TierTotals> {
  const tiers: Record<string, TierTotals> = {};
  for (const slot of slots) {
    if (!slot.replicas) continue;
    for (const [tier, replicas] of Object.entries(slot.replicas)) {
      const totals = tiers[tier] ?? { segments: 0, replicas: 0, bytes: 0 };
      if (replicas > 0) totals.segments += slot.count;
      totals.replicas += slot.count * replicas;
      totals.bytes += slot.bytes * replicas;
      tiers[tier] = totals;
    }
  }
  return tiers;
}

/** Matches every row against the rule chain; see the file comment. */
export function computeEffectiveRetention(input: EffectiveRetentionInput): EffectiveRetention {
  const slots = buildSlots(input.rules, input.defaultRules, input.now);
  const { edges, slot: slotOfRange, boxes } = partitionOf(slots.map((slot) => slot.box));
  const { ranges, merged } = timelineOf(slots, edges, slotOfRange);
  const { start, end, size, count } = toColumns(input.segments);

  const rows = start.length;
  const rowSlot = new Int32Array(rows);
  // Index 0 collects unmatched rows, index k + 1 slot k.
  const counts = new Float64Array(slots.length + 1);
  const bytes = new Float64Array(slots.length + 1);
  const rangeCounts = new Float64Array(ranges.length);
  const rangeBytes = new Float64Array(ranges.length);
  const rangeOthers = new Float64Array(ranges.length);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    // Rows usually come sorted, so the range of the previous row is checked before searching.
    if (!(s >= (edges[k] as number) && s < (edges[k + 1] as number))) k = rangeAt(edges, s);
    const inside = s >= (edges[k] as number) && s < e && e <= (edges[k + 1] as number);
    const match = inside ? (slotOfRange[k] as number) : firstBox(boxes, s, e);
    rowSlot[i] = match;
    const n = count[i] as number;
    const b = size[i] as number;
    counts[match + 1] = (counts[match + 1] as number) + n;
    bytes[match + 1] = (bytes[match + 1] as number) + b;
    // Ranges count the segments that start in them, noting those another rule governs.
    const r = merged[k] as number;
    rangeCounts[r] = (rangeCounts[r] as number) + n;
    rangeBytes[r] = (rangeBytes[r] as number) + b;
    if ((ranges[r] as RetentionRange).slot !== match) rangeOthers[r] = (rangeOthers[r] as number) + n;
  }

  const totals = Object.fromEntries(RETENTION_OUTCOMES.map((outcome) => [outcome, { count: 0, bytes: 0 }])) as Record<
    RetentionOutcome,
    Totals
  >;
  totals.none = { count: counts[0] as number, bytes: bytes[0] as number };
  slots.forEach((slot, j) => {
    slot.count = counts[j + 1] as number;
    slot.bytes = bytes[j + 1] as number;
    totals[slot.action].count += slot.count;
    totals[slot.action].bytes += slot.bytes;
  });
  ranges.forEach((range, r) => {
    range.segmentCount = rangeCounts[r] as number;
    range.bytes = rangeBytes[r] as number;
    range.otherRuleCount = rangeOthers[r] as number;
  });
  return { now: input.now, slots, rowSlot, totals, tiers: tierTotals(slots), ranges };
}

/** What happens to the segments of row `i`: the matching rule (or none) and its outcome. */
export function segmentRetention(
  retention: EffectiveRetention,
  i: number,
): { outcome: RetentionOutcome; slot: RetentionSlot | null } {
  const slot = retention.slots[retention.rowSlot[i] ?? NO_MATCH] ?? null;
  return { outcome: slot ? slot.action : 'none', slot };
}
