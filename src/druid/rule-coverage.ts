/**
 * Which rules of a list can ever match. A rule's `appliesTo` is a box over (segment start s, segment end e)
 * (rule-matching.ts); a rule is reachable if some possible segment (s < e) lies in its box and in no earlier box.
 * The boxes' bounds cut the plane into cells that each box either holds entirely or not at all, so checking one
 * point per cell is exact.
 */
import type { RuleBox } from './rule-matching.ts';

export type Reachability =
  | { kind: 'reachable' }
  /** No segment at all lies in the rule's box. */
  | { kind: 'empty' }
  /** Every segment in the box is taken by earlier rules (0-based indexes, in order). */
  | { kind: 'covered'; by: number[] };

function coordinates(values: number[]): number[] {
  return [...new Set([Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, ...values])].sort((a, b) => a - b);
}

/** Starts fall in cells [S[i], S[i+1]); ends in cells (E[j], E[j+1]]. */
function holdsCell(box: RuleBox, s: number[], e: number[], i: number, j: number): boolean {
  return (
    (s[i] as number) >= box.startMin &&
    (s[i + 1] as number) <= box.startMax &&
    (e[j] as number) >= box.endMin &&
    (e[j + 1] as number) <= box.endMax
  );
}

/** Reachability of `boxes[k]` given the boxes before it. */
export function reachability(boxes: readonly RuleBox[], k: number): Reachability {
  const relevant = boxes.slice(0, k + 1);
  const s = coordinates(relevant.flatMap((box) => [box.startMin, box.startMax]));
  const e = coordinates(relevant.flatMap((box) => [box.endMin, box.endMax]));
  const target = boxes[k] as RuleBox;
  const coveringRules = new Set<number>();
  let holdsAnySegment = false;
  for (let i = 0; i + 1 < s.length; i++) {
    for (let j = 0; j + 1 < e.length; j++) {
      // A segment fits the cell if its smallest start is before its largest end.
      if (!((s[i] as number) < (e[j + 1] as number))) continue;
      if (!holdsCell(target, s, e, i, j)) continue;
      holdsAnySegment = true;
      const earlier = relevant.findIndex((box, index) => index < k && holdsCell(box, s, e, i, j));
      if (earlier < 0) return { kind: 'reachable' };
      coveringRules.add(earlier);
    }
  }
  if (!holdsAnySegment) return { kind: 'empty' };
  return { kind: 'covered', by: [...coveringRules].sort((a, b) => a - b) };
}
