import { type SortingState, useTable } from '@tanstack/react-table';
import { type RefObject, useMemo } from 'react';
import type { SegmentRecord } from '../../api/segments.ts';
import { DataTable } from '../../components/data-table/data-table.tsx';
import { useVirtualWindow } from '../../components/data-table/use-virtual-window.ts';
import { SEGMENT_COLUMN_WIDTHS, segmentColumns, segmentTableFeatures } from './segment-columns.tsx';
import type { SegmentSort, SortColumn } from './segment-filters.ts';
import { type SegmentRowActions, SegmentRowContext } from './segment-row-context.ts';

const ROW_HEIGHT = 34;

interface SegmentsTableProps {
  records: readonly SegmentRecord[];
  /** Indices into `records`, filtered and sorted. */
  order: Uint32Array;
  sort: SegmentSort;
  onSortChange: (sort: SegmentSort) => void;
  actions: SegmentRowActions;
  /** Updated on render with the positions fully on screen, for "select all on screen". */
  visibleRange: RefObject<{ start: number; end: number }>;
  caption: string;
  empty: string;
}

export function SegmentsTable(props: SegmentsTableProps) {
  const { records, order, sort, onSortChange, actions, visibleRange } = props;
  const { scrollRef, virtualizer, items } = useVirtualWindow(order.length, ROW_HEIGHT, { overscan: 2 });
  const windowRecords = useMemo(
    () => items.map((item) => records[order[item.index] as number] as SegmentRecord),
    [items, records, order],
  );
  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.desc }], [sort]);

  const table = useTable({
    features: segmentTableFeatures,
    columns: segmentColumns,
    data: windowRecords,
    getRowId: (record) => record.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSortChange({ column: first.id as SortColumn, desc: first.desc });
    },
  });

  const range = virtualizer.range;
  if (range) visibleRange.current = { start: range.startIndex, end: range.endIndex + 1 };

  return (
    <SegmentRowContext.Provider value={actions}>
      <DataTable
        table={table}
        caption={props.caption}
        scrollRef={scrollRef}
        totalRows={order.length}
        rowIndexOffset={items[0]?.index ?? 0}
        rowHeight={ROW_HEIGHT}
        widths={SEGMENT_COLUMN_WIDTHS}
        rowProps={(row) => (actions.selected.has(row.id) ? { 'data-selected': '' } : {})}
        empty={props.empty}
      />
    </SegmentRowContext.Provider>
  );
}
