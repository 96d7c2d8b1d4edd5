import { type SortingState, useTable } from '@tanstack/react-table';
import { type RefObject, useEffect, useMemo, useRef } from 'react';
import type { SegmentRecord } from '../../api/segments.ts';
import { DataTable } from '../../components/data-table/data-table.tsx';
import { useVirtualWindow } from '../../components/data-table/use-virtual-window.ts';
import { SEGMENT_COLUMN_WIDTHS, segmentColumns, segmentTableFeatures } from './segment-columns.tsx';
import type { SegmentSort, SortColumn } from './segment-filters.ts';
import { type SegmentRowActions, SegmentRowContext } from './segment-row-context.ts';

const ROW_HEIGHT = 30;
/** One segments table per page: the page's skip link points here. */
export const SEGMENTS_TABLE_ID = 'segments-table';

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
  /** See DataTable's describedBy. */
  describedBy?: string;
  empty: string;
  /** Windowed mode: the wheel turned on past the first or last row (the table is at that edge already). */
  onEdge?: (edge: 'start' | 'end') => void;
  /** Windowed mode: a new window, scrolled to its top ('start') or its bottom ('end', coming back from later). */
  scrollTo?: { key: string; edge: 'start' | 'end' };
}

/** Calls `onEdge` when the wheel pushes on beyond the scroll box's top or bottom. */
function useWheelPastEdge(box: RefObject<HTMLElement | null>, onEdge?: (edge: 'start' | 'end') => void) {
  const latest = useRef(onEdge);
  latest.current = onEdge;
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const onWheel = (event: WheelEvent) => {
      if (!latest.current || event.deltaY === 0) return;
      const atEnd = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
      if (event.deltaY > 0 && atEnd) latest.current('end');
      else if (event.deltaY < 0 && element.scrollTop <= 0) latest.current('start');
    };
    element.addEventListener('wheel', onWheel, { passive: true });
    return () => element.removeEventListener('wheel', onWheel);
  }, [box]);
}

export function SegmentsTable(props: SegmentsTableProps) {
  const { records, order, sort, onSortChange, actions, visibleRange } = props;
  const { scrollRef, virtualizer, items } = useVirtualWindow(order.length, ROW_HEIGHT, { overscan: 2 });
  const windowRecords = useMemo(
    () => items.map((item) => records[order[item.index] as number] as SegmentRecord),
    [items, records, order],
  );
  useWheelPastEdge(scrollRef, props.onEdge);
  const scrollKey = props.scrollTo?.key;
  const scrollEdge = props.scrollTo?.edge;
  // Once per new window, when its rows are in.
  useEffect(() => {
    const element = scrollRef.current;
    if (!element || scrollKey === undefined) return;
    element.scrollTop = scrollEdge === 'end' ? element.scrollHeight : 0;
  }, [scrollKey, scrollEdge, scrollRef]);
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
        id={SEGMENTS_TABLE_ID}
        describedBy={props.describedBy}
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
