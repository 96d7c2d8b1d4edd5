import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SegmentRecord } from '../../api/segments.ts';
import { type CompiledFilters, matchesFilters } from './filter-segments.ts';
import {
  deselectIds,
  EMPTY_SELECTION,
  idsInRange,
  type RowOrder,
  type Selection,
  selectIds,
  summarizeSelection,
  toggleOne,
  toggleRange,
} from './selection.ts';

/** The table's current order as the selection logic reads it. */
function rowOrderOf(records: readonly SegmentRecord[], order: Uint32Array): RowOrder {
  return {
    length: order.length,
    idAt: (position) => (records[order[position] as number] as SegmentRecord).id,
    // A linear scan: only Shift-clicks ask, and 200k comparisons take a couple of milliseconds.
    positionOf: (id) => order.findIndex((index) => records[index]?.id === id),
  };
}

export function useSegmentSelection(
  dataSource: string,
  records: readonly SegmentRecord[],
  byId: ReadonlyMap<string, SegmentRecord>,
  order: Uint32Array,
  compiled: CompiledFilters,
) {
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another datasource starts with nothing selected.
  useEffect(() => setSelection(EMPTY_SELECTION), [dataSource]);

  const rows = useMemo(() => rowOrderOf(records, order), [records, order]);

  const onCheck = useCallback(
    (id: string, checked: boolean, shift: boolean) =>
      setSelection((current) => (shift ? toggleRange(current, rows, id, checked) : toggleOne(current, id, checked))),
    [rows],
  );
  const selectWindow = useCallback(
    (from: number, to: number) => setSelection((current) => selectIds(current, idsInRange(rows, from, to))),
    [rows],
  );
  const selectAllMatching = useCallback(
    () => setSelection((current) => selectIds(current, idsInRange(rows, 0, rows.length))),
    [rows],
  );
  const deselectAllMatching = useCallback(
    () => setSelection((current) => deselectIds(current, idsInRange(rows, 0, rows.length))),
    [rows],
  );
  const clear = useCallback(() => setSelection(EMPTY_SELECTION), []);

  const summary = useMemo(
    () => summarizeSelection(selection, byId, (record) => matchesFilters(record, compiled)),
    [selection, byId, compiled],
  );
  const allMatchingSelected = useMemo(() => {
    if (order.length === 0 || selection.ids.size < order.length) return false;
    for (let i = 0; i < rows.length; i++) if (!selection.ids.has(rows.idAt(i))) return false;
    return true;
  }, [rows, order, selection]);

  return {
    selection,
    summary,
    onCheck,
    selectWindow,
    selectAllMatching,
    deselectAllMatching,
    clear,
    allMatchingSelected,
  };
}
