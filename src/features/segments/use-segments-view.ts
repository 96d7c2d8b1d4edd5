import { useDeferredValue, useMemo } from 'react';
import type { SegmentRecord } from '../../api/segments.ts';
import type { IntervalPreset } from '../../components/interval-picker/interval-picker.tsx';
import { formatIntervalShort } from '../../components/interval-picker/interval-text.ts';
import { compileFilters, filterSorted, filtersNotApplied, matchesFilters, sortAll } from './filter-segments.ts';
import type { SegmentFilters } from './segment-filters.ts';

function span(records: readonly SegmentRecord[]) {
  if (records.length === 0) return null;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const record of records) {
    start = Math.min(start, record.start);
    end = Math.max(end, record.end);
  }
  return { start, end };
}

/**
 * The table's row order and the timeline's records for the current filters. Filters are deferred, so typing in
 * the ID box stays responsive while 200k rows are refiltered in the background render.
 */
export function useSegmentsView(records: readonly SegmentRecord[], filters: SegmentFilters) {
  const deferred = useDeferredValue(filters);
  const compiled = useMemo(() => compileFilters(deferred), [deferred]);
  // Sorting 200k rows costs far more than filtering them: sort once per listing and sort order, filter after.
  const sorted = useMemo(() => sortAll(records, deferred.sort), [records, deferred.sort]);
  const order = useMemo(() => filterSorted(records, sorted, compiled), [records, sorted, compiled]);
  const timelineRecords = useMemo(
    () => records.filter((record) => matchesFilters(record, compiled, true)),
    [records, compiled],
  );
  const versions = useMemo(() => [...new Set(records.map((r) => r.version))].sort().reverse(), [records]);
  const presets = useMemo<IntervalPreset[]>(() => {
    const list: IntervalPreset[] = [];
    const all = span(records);
    const unused = span(records.filter((r) => r.state === 'unused'));
    if (all) list.push({ label: 'Whole datasource', interval: formatIntervalShort(all, 'utc') });
    if (unused) list.push({ label: 'Unused range', interval: formatIntervalShort(unused, 'utc') });
    return list;
  }, [records]);
  // From the filters as typed, not the deferred ones: actions are blocked from the very keystroke that breaks them.
  const notApplied = useMemo(() => filtersNotApplied(filters), [filters]);
  return { compiled, order, timelineRecords, versions, presets, notApplied, stale: deferred !== filters };
}
