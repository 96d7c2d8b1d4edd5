import type { IntervalSummary } from '../../api/interval-summaries.ts';
import { ETERNITY, type Interval } from '../../druid/interval.ts';

/** Used segment IDs per request when counting what "mark all unused" changes (~100 bytes of JSON each). */
export const IDS_PER_PART = 20_000;

/**
 * Cuts all time into parts of at most about `max` served segments each, at interval starts, so counting the used
 * IDs never asks for one huge response. The parts cover all time: used segments not served are counted too.
 */
export function markParts(intervals: readonly IntervalSummary[], max = IDS_PER_PART): Interval[] {
  const cuts: number[] = [];
  let inPart = 0;
  for (const interval of intervals) {
    if (inPart > 0 && inPart + interval.count > max && cuts.at(-1) !== interval.start) {
      cuts.push(interval.start);
      inPart = 0;
    }
    inPart += interval.count;
  }
  const bounds = [ETERNITY.start, ...cuts, ETERNITY.end];
  return bounds.slice(1).map((end, index) => ({ start: bounds[index] ?? ETERNITY.start, end }));
}
