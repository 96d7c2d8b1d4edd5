/**
 * "All segments matching the filters" as one Druid predicate, `{interval, versions}`, when that is exactly the
 * selection. Druid's semantics decide when it is:
 * - markUnused `{interval, versions}` marks the USED segments (overshadowed ones included) FULLY INSIDE the interval;
 * - markUsed `{interval, versions}` marks the UNUSED segments fully inside that no newer version overshadows, which
 *   is also all that marking them by ID would do.
 * So the state filter must include every state the action changes, the interval filter must be "fully inside" (or
 * absent: all time), and the version filter is one version or none; an ID text has no predicate at all.
 */
import { readIntervalText } from '../../components/interval-picker/interval-text.ts';
import { ETERNITY, type Interval } from '../../druid/interval.ts';
import type { BulkAction } from './bulk-runner.ts';
import type { SegmentFilters } from './segment-filters.ts';

export interface SegmentPredicate {
  action: BulkAction;
  interval: Interval;
  /** null: every version. */
  versions: string[] | null;
}

export type PredicatePlan = { ok: true; predicate: SegmentPredicate } | { ok: false; reason: string };

export function planPredicate(action: BulkAction, filters: SegmentFilters): PredicatePlan {
  const fail = (reason: string): PredicatePlan => ({ ok: false, reason });
  if (filters.idText.trim() !== '') return fail('Druid has no predicate for a segment ID text.');
  const states = new Set(filters.states);
  const all = states.size === 0;
  if (action === 'markUnused') {
    if (!all && !states.has('used') && !states.has('overshadowed'))
      return fail('The filters select unused segments only: nothing to mark unused.');
    if (!all && (!states.has('used') || !states.has('overshadowed')))
      return fail('Druid marks used and overshadowed segments unused together; select both states or neither.');
  } else if (!all && !states.has('unused')) {
    return fail('The filters select used segments only: nothing to mark used.');
  }
  let interval: Interval = ETERNITY;
  if (filters.interval.trim() !== '') {
    const reading = readIntervalText(filters.interval);
    if (!reading.ok) return fail(`The interval filter does not parse: ${reading.error}`);
    if (filters.match !== 'contained')
      return fail('Druid marks segments fully inside an interval; set the interval filter to "fully inside".');
    interval = reading.interval;
  }
  return { ok: true, predicate: { action, interval, versions: filters.version ? [filters.version] : null } };
}
