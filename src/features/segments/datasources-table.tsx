import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { DataTable } from '../../components/data-table/data-table.tsx';
import { useListDwellMs } from '../../components/data-table/row-dwell.ts';
import { useVirtualWindow } from '../../components/data-table/use-virtual-window.ts';
import {
  DATASOURCE_LIST_WIDTHS,
  type DataSourceListRow,
  dataSourceListColumns,
  dataSourceListFeatures,
} from './datasource-list-columns.tsx';
import { DataSourceListContext, type DataSourceListShared } from './datasource-list-context.ts';
import './datasources-list.css';

const ROW_HEIGHT = 38;

interface DataSourcesTableProps {
  /** Filtered, in display order. */
  rows: readonly DataSourceListRow[];
  shared: Omit<DataSourceListShared, 'dwellMs'>;
  empty: string;
}

/**
 * The datasources as a virtual ARIA table: only the ~20 rows on screen (plus an overscan of 2) are drawn, so only
 * they ask for their unused segments, whether the cluster has 10 datasources or 10,000.
 */
export function DataSourcesTable({ rows, shared, empty }: DataSourcesTableProps) {
  const { scrollRef, items } = useVirtualWindow(rows.length, ROW_HEIGHT, { overscan: 2 });
  // The rows of the first screen ask at once; once the list scrolls, rows that only flash past never ask.
  const dwellMs = useListDwellMs(scrollRef);
  const withDwell = useMemo(() => ({ ...shared, dwellMs }), [shared, dwellMs]);
  const windowRows = useMemo(() => items.map((item) => rows[item.index] as DataSourceListRow), [items, rows]);
  const table = useTable({
    features: dataSourceListFeatures,
    columns: dataSourceListColumns,
    data: windowRows,
    getRowId: (row) => row.name,
  });
  return (
    <DataSourceListContext.Provider value={withDwell}>
      <div className="datasources-list">
        <DataTable
          table={table}
          caption="Datasources"
          scrollRef={scrollRef}
          totalRows={rows.length}
          rowIndexOffset={items[0]?.index ?? 0}
          rowHeight={ROW_HEIGHT}
          widths={DATASOURCE_LIST_WIDTHS}
          rowHeaderColumn="name"
          empty={empty}
          // As tall as the rows, up to the rest of the screen.
          height={`min(calc(100vh - 270px), ${(rows.length + 1) * ROW_HEIGHT + 8}px)`}
        />
      </div>
    </DataSourceListContext.Provider>
  );
}
