/**
 * Filtering and sorting 200k compact records without building a row object per segment: the result is an index
 * array into the records, so the table renders only the rows on screen.
 */
import type { SegmentRecord } from '../../api/segments.ts';
import { readIntervalText } from '../../components/interval-picker/interval-text.ts';
import { contains, type Interval, overlaps } from '../../druid/interval.ts';
import type { SegmentFilters, SegmentSort, SortColumn } from './segment-filters.ts';

export interface CompiledFilters {
  states: ReadonlySet<string> | null;
  interval: Interval | null;
  contained: boolean;
  version: string | null;
  /** Case-insensitive ID substring, as a regular expression (no per-row lowercase copies). */
  idText: RegExp | null;
  /** Why the interval filter is not applied, if it does not parse. */
  intervalError: string | null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function compileFilters(filters: SegmentFilters): CompiledFilters {
  const reading = filters.interval.trim() === '' ? null : readIntervalText(filters.interval);
  return {
    states: filters.states.length > 0 ? new Set(filters.states) : null,
    interval: reading?.ok ? reading.interval : null,
    contained: filters.match === 'contained',
    version: filters.version || null,
    idText: filters.idText.trim() ? new RegExp(escapeRegExp(filters.idText.trim()), 'i') : null,
    intervalError: reading && !reading.ok ? reading.error : null,
  };
}

/**
 * Why the filters on screen are not the ones applied, or null. While an interval filter does not parse the rows are
 * filtered without it, so nothing may act on "all matching" or on a selection made under another filter.
 */
export function filtersNotApplied(filters: SegmentFilters): string | null {
  if (filters.interval.trim() === '') return null;
  const reading = readIntervalText(filters.interval);
  return reading.ok ? null : `Interval filter not applied: ${reading.error}`;
}

export function matchesFilters(record: SegmentRecord, f: CompiledFilters, ignoreInterval = false): boolean {
  if (f.states && !f.states.has(record.state)) return false;
  if (f.version !== null && record.version !== f.version) return false;
  if (!ignoreInterval && f.interval) {
    if (f.contained ? !contains(f.interval, record) : !overlaps(f.interval, record)) return false;
  }
  if (f.idText !== null && !f.idText.test(record.id)) return false;
  return true;
}

const STATE_ORDER: Record<string, number> = { used: 0, overshadowed: 1, unused: 2 };

/** Ranks of the distinct strings in code-unit order, so version comparisons become number comparisons. */
function rankStrings(values: Iterable<string>): Map<string, number> {
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(distinct.map((value, rank) => [value, rank]));
}

/** One number per record for the column; unknown values sort after known ones in either direction. */
function sortKeys(records: readonly SegmentRecord[], indices: Uint32Array, column: SortColumn, desc: boolean) {
  const keys = new Float64Array(records.length);
  const missing = desc ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  const ranks = column === 'version' ? rankStrings(Array.from(indices, (i) => records[i]?.version ?? '')) : null;
  for (const i of indices) {
    const r = records[i] as SegmentRecord;
    let key: number | null;
    if (column === 'state') key = STATE_ORDER[r.state] ?? 3;
    else if (column === 'version') key = ranks?.get(r.version) ?? 0;
    else if (column === 'replication') key = r.replication;
    else if (column === 'lastUpdated') key = r.lastUpdated;
    else key = r[column];
    keys[i] = key ?? missing;
  }
  return keys;
}

/**
 * Index order of `records` under `sort`, ties broken by interval, version, partition and finally segment ID
 * (stable across refetches). Keys are precomputed numbers: sorting 200k rows compares numbers, not records.
 */
export function sortIndices(records: readonly SegmentRecord[], indices: Uint32Array, sort: SegmentSort): Uint32Array {
  const keys = sortKeys(records, indices, sort.column, sort.desc);
  const direction = sort.desc ? -1 : 1;
  return indices.slice().sort((a, b) => {
    const ka = keys[a] as number;
    const kb = keys[b] as number;
    if (ka !== kb) return (ka < kb ? -1 : 1) * direction;
    const ra = records[a] as SegmentRecord;
    const rb = records[b] as SegmentRecord;
    return (
      ra.start - rb.start ||
      ra.end - rb.end ||
      (ra.version < rb.version ? -1 : ra.version > rb.version ? 1 : 0) ||
      ra.partition - rb.partition ||
      (ra.id < rb.id ? -1 : ra.id > rb.id ? 1 : 0)
    );
  });
}

/** Every record's index, sorted: computed once per listing and sort, then filtered as filters change. */
export function sortAll(records: readonly SegmentRecord[], sort: SegmentSort): Uint32Array {
  const all = new Uint32Array(records.length);
  for (let i = 0; i < all.length; i++) all[i] = i;
  return sortIndices(records, all, sort);
}

/** The sorted indices whose records pass the filters, order kept. */
export function filterSorted(
  records: readonly SegmentRecord[],
  sorted: Uint32Array,
  filters: CompiledFilters,
): Uint32Array {
  const matching = new Uint32Array(sorted.length);
  let count = 0;
  for (const index of sorted) {
    if (matchesFilters(records[index] as SegmentRecord, filters)) matching[count++] = index;
  }
  return matching.slice(0, count);
}

/** The indices of the records that pass the filters, sorted. */
export function filterAndSort(
  records: readonly SegmentRecord[],
  filters: CompiledFilters,
  sort: SegmentSort,
): Uint32Array {
  return filterSorted(records, sortAll(records, sort), filters);
}
