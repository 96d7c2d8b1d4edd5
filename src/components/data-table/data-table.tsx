/**
 * A virtualised table of TanStack Table v9 rows: sticky header with sort buttons (aria-sort), the rows on screen
 * only, padding rows above and below so the scrollbar shows the full length. `table` holds just the window
 * (see useVirtualWindow); `rowIndexOffset` and `totalRows` keep aria-rowindex/aria-rowcount true to the full list.
 */
import type { Header, ReactTable, Row, RowData, TableFeatures } from '@tanstack/react-table';
import { type HTMLAttributes, memo, type ReactNode, type RefObject } from 'react';
import './data-table.css';
import { PaddingRow } from './padding-row.tsx';

export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | undefined };

interface DataTableProps<TFeatures extends TableFeatures, TData extends RowData> {
  // biome-ignore lint/suspicious/noExplicitAny: the selected-state generic is irrelevant to rendering.
  table: ReactTable<TFeatures, TData, any>;
  caption: ReactNode;
  scrollRef: RefObject<HTMLDivElement | null>;
  totalRows: number;
  /** Position of the first row of `table` in the full list. */
  rowIndexOffset: number;
  paddingTop: number;
  paddingBottom: number;
  rowHeight: number;
  /** Fixed column widths in px, by column id (the table uses table-layout: fixed). */
  widths: Record<string, number>;
  rowProps?: (row: Row<TFeatures, TData>) => RowAttributes;
  empty?: ReactNode;
  height?: number | string;
}

function ariaSort(sorted: false | 'asc' | 'desc') {
  if (sorted === 'asc') return 'ascending';
  if (sorted === 'desc') return 'descending';
  return undefined;
}

function HeaderCell<TFeatures extends TableFeatures, TData extends RowData>(props: {
  // biome-ignore lint/suspicious/noExplicitAny: see DataTableProps.table
  table: ReactTable<TFeatures, TData, any>;
  header: Header<TFeatures, TData, unknown>;
}) {
  const { table, header } = props;
  const column = header.column;
  const canSort = 'getCanSort' in column && typeof column.getCanSort === 'function' && column.getCanSort();
  const sorted = canSort ? (column.getIsSorted() as false | 'asc' | 'desc') : false;
  const content = header.isPlaceholder ? null : <table.FlexRender header={header} />;
  return (
    <th scope="col" aria-sort={ariaSort(sorted)}>
      {canSort ? (
        <button
          type="button"
          className="data-table-sort"
          // Ascending first on every column, then flip: predictable, unlike the library's type-based default.
          onClick={() => column.toggleSorting(sorted === 'asc')}
        >
          {content}
          <span aria-hidden="true" className="data-table-sort-mark">
            {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
          </span>
        </button>
      ) : (
        content
      )}
    </th>
  );
}

interface BodyRowProps<TFeatures extends TableFeatures, TData extends RowData> {
  // biome-ignore lint/suspicious/noExplicitAny: see DataTableProps.table
  table: ReactTable<TFeatures, TData, any>;
  row: Row<TFeatures, TData>;
  rowIndex: number;
  height: number;
  attributes: RowAttributes | undefined;
}

function sameAttributes(a: RowAttributes | undefined, b: RowAttributes | undefined): boolean {
  const keysA = Object.keys(a ?? {});
  const keysB = Object.keys(b ?? {});
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)?.[key])
  );
}

/**
 * One body row, re-rendered only when its data, position or attributes change: while scrolling, the rows that stay
 * on screen keep their DOM and cost nothing. Cells that read a context still update when it changes.
 */
const BodyRow = memo(
  function BodyRow<TFeatures extends TableFeatures, TData extends RowData>(props: BodyRowProps<TFeatures, TData>) {
    const { table, row } = props;
    return (
      <tr aria-rowindex={props.rowIndex} style={{ height: props.height }} {...props.attributes}>
        {row.getAllCells().map((cell) => (
          <td key={cell.id}>
            <table.FlexRender cell={cell} />
          </td>
        ))}
      </tr>
    );
  },
  (before, after) =>
    before.row.original === after.row.original &&
    before.rowIndex === after.rowIndex &&
    before.height === after.height &&
    before.table === after.table &&
    sameAttributes(before.attributes, after.attributes),
) as <TFeatures extends TableFeatures, TData extends RowData>(props: BodyRowProps<TFeatures, TData>) => ReactNode;

export function DataTable<TFeatures extends TableFeatures, TData extends RowData>(
  props: DataTableProps<TFeatures, TData>,
) {
  const { table, caption, scrollRef, totalRows, rowIndexOffset, paddingTop, paddingBottom, rowHeight } = props;
  const columns = table.getAllLeafColumns();
  const rows = table.getRowModel().rows;
  return (
    <div ref={scrollRef} className="data-table-scroll" style={{ height: props.height ?? '60vh' }}>
      <table className="data-table" aria-rowcount={totalRows + 1}>
        <caption className="visually-hidden">{caption}</caption>
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: props.widths[column.id] }} />
          ))}
        </colgroup>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} table={table} header={header} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          <PaddingRow height={paddingTop} columns={columns.length} />
          {rows.map((row, i) => (
            <BodyRow
              key={row.id}
              table={table}
              row={row}
              rowIndex={rowIndexOffset + i + 2}
              height={rowHeight}
              attributes={props.rowProps?.(row)}
            />
          ))}
          <PaddingRow height={paddingBottom} columns={columns.length} />
        </tbody>
      </table>
      {totalRows === 0 && props.empty && <div className="data-table-empty">{props.empty}</div>}
    </div>
  );
}
