/**
 * Effective retention: for every segment, the rule the Coordinator would run (datasource rules, then `_default`,
 * first match wins) and what it does, aggregated per rule, per outcome, per tier and over time ranges.
 *
 * Each rule becomes a box once per reference time (see rule-matching.ts); matching a segment is then a few
 * comparisons on typed arrays, with no allocation per segment.
 */
import { MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import { boxContains, type RuleAction, type RuleBox, type RuleSource, ruleAction, ruleBox } from './rule-matching.ts';
import type { Rule, TieredReplicants } from './rule-schemas.ts';

export type RetentionOutcome = RuleAction | 'none';
export const RETENTION_OUTCOMES: readonly RetentionOutcome[] = ['load', 'drop', 'broadcast', 'none'];
/** `segmentSlot` value of a segment no rule matches (Druid alerts "Unable to find matching rules!"). */
export const NO_MATCH = -1;

export interface RetentionSegment {
  start: number;
  end: number;
  /** Bytes; 0 when absent. */
  size?: number;
}

/** Segments as columns, the fastest input for large listings. */
export interface RetentionSegmentColumns {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  size?: ArrayLike<number>;
}

export interface EffectiveRetentionInput {
  /** The datasource's own rules. */
  rules: readonly Rule[];
  /** The cluster's `_default` rules, consulted after the datasource's. */
  defaultRules: readonly Rule[];
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
  /** Per segment, in input order: index into `slots`, or NO_MATCH. */
  segmentSlot: Int32Array;
  totals: Record<RetentionOutcome, Totals>;
  tiers: Record<string, TierTotals>;
  ranges: RetentionRange[];
}

function toColumns(segments: EffectiveRetentionInput['segments']): Required<RetentionSegmentColumns> {
  if (!Array.isArray(segments)) {
    const columns = segments as RetentionSegmentColumns;
    return { start: columns.start, end: columns.end, size: columns.size ?? new Float64Array(columns.start.length) };
  }
  const list = segments as readonly RetentionSegment[];
  const start = new Float64Array(list.length);
  const end = new Float64Array(list.length);
  const size = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const segment = list[i] as RetentionSegment;
    start[i] = segment.start;
    end[i] = segment.end;
    size[i] = segment.size ?? 0;
  }
  return { start, end, size };
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

function firstSlot(slots: readonly RetentionSlot[], start: number, end: number): number {
  return slots.findIndex((slot) => boxContains(slot.box, start, end));
}

/**
 * Which rule takes effect where: consecutive ranges covering eternity, each governing every segment that lies
 * wholly inside it. Range edges are the rules' interval bounds and period windows at `now`.
 */
export function ruleTimeline(rules: readonly Rule[], defaultRules: readonly Rule[], now: number): RetentionRange[] {
  return timelineOfSlots(buildSlots(rules, defaultRules, now));
}

function timelineOfSlots(slots: readonly RetentionSlot[]): RetentionRange[] {
  const edges = new Set<number>([MIN_INSTANT, MAX_INSTANT]);
  for (const { box } of slots) {
    for (const edge of [box.startMin, box.startMax, box.endMin, box.endMax]) {
      if (edge > MIN_INSTANT && edge < MAX_INSTANT) edges.add(edge);
    }
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const ranges: RetentionRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    const slot = firstSlot(slots, start, end);
    const previous = ranges[ranges.length - 1];
    if (previous && previous.slot === slot) {
      previous.end = end;
      continue;
    }
    const outcome: RetentionOutcome = slot === NO_MATCH ? 'none' : (slots[slot]?.action ?? 'none');
    ranges.push({ start, end, slot, outcome, segmentCount: 0, bytes: 0, otherRuleCount: 0 });
  }
  return ranges;
}

function rangeIndexOf(ranges: readonly RetentionRange[], instant: number): number {
  let low = 0;
  let high = ranges.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((ranges[middle] as RetentionRange).start <= instant) low = middle;
    else high = middle - 1;
  }
  return low;
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

/** Matches every segment against the rule chain; see the file comment. */
export function computeEffectiveRetention(input: EffectiveRetentionInput): EffectiveRetention {
  const slots = buildSlots(input.rules, input.defaultRules, input.now);
  const { start, end, size } = toColumns(input.segments);
  const slotCount = slots.length;
  const boxes = new Float64Array(slotCount * 4);
  for (const [k, { box }] of slots.entries()) boxes.set([box.startMin, box.startMax, box.endMin, box.endMax], k * 4);

  const segmentCount = start.length;
  const segmentSlot = new Int32Array(segmentCount);
  // Index 0 collects unmatched segments, index k + 1 slot k.
  const counts = new Float64Array(slotCount + 1);
  const bytes = new Float64Array(slotCount + 1);
  for (let i = 0; i < segmentCount; i++) {
    const s = start[i] as number;
    const e = end[i] as number;
    let match = NO_MATCH;
    for (let k = 0, o = 0; k < slotCount; k++, o += 4) {
      if (
        s >= (boxes[o] as number) &&
        s < (boxes[o + 1] as number) &&
        e > (boxes[o + 2] as number) &&
        e <= (boxes[o + 3] as number)
      ) {
        match = k;
        break;
      }
    }
    segmentSlot[i] = match;
    counts[match + 1] = (counts[match + 1] as number) + 1;
    bytes[match + 1] = (bytes[match + 1] as number) + (size[i] as number);
  }

  const totals = Object.fromEntries(RETENTION_OUTCOMES.map((outcome) => [outcome, { count: 0, bytes: 0 }])) as Record<
    RetentionOutcome,
    Totals
  >;
  totals.none = { count: counts[0] as number, bytes: bytes[0] as number };
  slots.forEach((slot, k) => {
    slot.count = counts[k + 1] as number;
    slot.bytes = bytes[k + 1] as number;
    totals[slot.action].count += slot.count;
    totals[slot.action].bytes += slot.bytes;
  });

  const ranges = timelineOfSlots(slots);
  for (let i = 0; i < segmentCount; i++) {
    const range = ranges[rangeIndexOf(ranges, start[i] as number)] as RetentionRange;
    range.segmentCount++;
    range.bytes += size[i] as number;
    if (range.slot !== segmentSlot[i]) range.otherRuleCount++;
  }

  return { now: input.now, slots, segmentSlot, totals, tiers: tierTotals(slots), ranges };
}

/** What happens to segment `i`: the matching rule (or none) and its outcome. */
export function segmentRetention(
  retention: EffectiveRetention,
  i: number,
): { outcome: RetentionOutcome; slot: RetentionSlot | null } {
  const slot = retention.slots[retention.segmentSlot[i] ?? NO_MATCH] ?? null;
  return { outcome: slot ? slot.action : 'none', slot };
}
