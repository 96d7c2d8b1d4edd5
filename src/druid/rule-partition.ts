/**
 * Time cut into elementary ranges at every edge of every rule box (rule-matching.ts). No edge lies strictly inside a
 * range, so each of the four comparisons of every box comes out the same for all intervals lying wholly inside one:
 * such an interval is matched by the range's rule, found with a binary search over ~4 edges per rule instead of a
 * scan of the rules. Only intervals that cross an edge (few: segments are aligned, rule edges mostly too) need the
 * scan.
 */
import { MAX_INSTANT, MIN_INSTANT } from './instant.ts';
import type { RuleBox } from './rule-matching.ts';

export interface RulePartition {
  /** Ascending, from MIN_INSTANT to MAX_INSTANT; range k is [edges[k], edges[k + 1]). */
  edges: Float64Array;
  /** Per range: the first box containing it, or -1. */
  slot: Int32Array;
  /** The boxes as [startMin, startMax, endMin, endMax] quadruples, in rule order, for the scan. */
  boxes: Float64Array;
}

/** The first box (in order) whose `appliesTo` holds for [start, end), or -1; Druid's first-match scan. */
export function firstBox(boxes: Float64Array, start: number, end: number): number {
  for (let k = 0, o = 0; o < boxes.length; k++, o += 4) {
    if (
      start >= (boxes[o] as number) &&
      start < (boxes[o + 1] as number) &&
      end > (boxes[o + 2] as number) &&
      end <= (boxes[o + 3] as number)
    )
      return k;
  }
  return -1;
}

export function partitionOf(ruleBoxes: readonly RuleBox[]): RulePartition {
  const boxes = new Float64Array(ruleBoxes.length * 4);
  const cuts = new Set<number>([MIN_INSTANT, MAX_INSTANT]);
  ruleBoxes.forEach((box, k) => {
    boxes.set([box.startMin, box.startMax, box.endMin, box.endMax], k * 4);
    for (const edge of [box.startMin, box.startMax, box.endMin, box.endMax]) {
      if (edge > MIN_INSTANT && edge < MAX_INSTANT) cuts.add(edge);
    }
  });
  const edges = Float64Array.from(cuts).sort();
  const slot = new Int32Array(edges.length - 1);
  for (let k = 0; k < slot.length; k++) slot[k] = firstBox(boxes, edges[k] as number, edges[k + 1] as number);
  return { edges, slot, boxes };
}

/** Index of the range holding `instant` (clamped to the first and last range). */
export function rangeAt(edges: Float64Array, instant: number): number {
  let low = 0;
  let high = edges.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((edges[middle] as number) <= instant) low = middle;
    else high = middle - 1;
  }
  return low;
}
