/**
 * Whether one rule of a chain (a datasource's rules, then the defaults) governs every segment of a time range: the
 * range lies inside one elementary range of the chain's rule partition. Then the datasource's totals over that
 * range (`datasources?simple`) give its effective retention exactly, with no interval summaries.
 */
import { buildSlots } from './effective-retention.ts';
import { partitionOf, rangeAt } from './rule-partition.ts';
import type { Rule } from './rule-schemas.ts';

export type RangeGovernor = (range: { start: number; end: number }) => boolean;

export function wholeRangeGovernor(rules: readonly Rule[], defaults: readonly Rule[], now: number): RangeGovernor {
  const { edges } = partitionOf(buildSlots(rules, defaults, now).map((slot) => slot.box));
  return (range) => {
    const k = rangeAt(edges, range.start);
    return (edges[k] as number) <= range.start && range.end <= (edges[k + 1] as number);
  };
}
