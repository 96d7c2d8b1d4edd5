import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { DataTable } from '../../components/data-table/data-table.tsx';
import { useListDwellMs } from '../../components/data-table/row-dwell.ts';
import { useVirtualWindow } from '../../components/data-table/use-virtual-window.ts';
import { ActionsCell, AgeCell, AutoKillCell, SizeCell, UnusedCell } from './forecast-cells.tsx';
import { ForecastContext, type ForecastShared } from './forecast-context.ts';

interface Row {
  name: string;
}

const features = tableFeatures({});
const helper = createColumnHelper<typeof features, Row>();
const ROW_HEIGHT = 44;

const WIDTHS: Record<string, number> = { name: 200, unused: 150, size: 110, age: 90, autoKill: 420, actions: 170 };

const columns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Datasource',
    cell: (c) => (
      <Link href={`/segments/${encodeURIComponent(c.getValue())}`} className="datasource-name" title={c.getValue()}>
        {c.getValue()}
      </Link>
    ),
  }),
  helper.display({ id: 'unused', header: 'Unused segments', cell: (c) => <UnusedCell name={c.row.original.name} /> }),
  helper.display({ id: 'size', header: 'Unused size', cell: (c) => <SizeCell name={c.row.original.name} /> }),
  helper.display({ id: 'age', header: 'Unused for', cell: (c) => <AgeCell name={c.row.original.name} /> }),
  helper.display({
    id: 'autoKill',
    header: 'Auto-kill (UTC)',
    cell: (c) => <AutoKillCell name={c.row.original.name} />,
  }),
  helper.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    cell: (c) => <ActionsCell name={c.row.original.name} />,
  }),
]);

/** The datasources as a virtual table: only rows on screen ask for their unused segments. */
export function ForecastTable({
  names,
  shared,
}: {
  names: readonly string[];
  shared: Omit<ForecastShared, 'dwellMs'>;
}) {
  const { scrollRef, items } = useVirtualWindow(names.length, ROW_HEIGHT, { overscan: 2 });
  const dwellMs = useListDwellMs(scrollRef);
  const withDwell = useMemo(() => ({ ...shared, dwellMs }), [shared, dwellMs]);
  const data = useMemo(() => items.map((item) => ({ name: names[item.index] as string })), [items, names]);
  const table = useTable({ features, columns, data, getRowId: (row) => row.name });
  return (
    <ForecastContext.Provider value={withDwell}>
      <DataTable
        table={table}
        caption="Unused segments and auto-kill per datasource"
        scrollRef={scrollRef}
        totalRows={names.length}
        rowIndexOffset={items[0]?.index ?? 0}
        rowHeight={ROW_HEIGHT}
        widths={WIDTHS}
        rowHeaderColumn="name"
        empty="No datasource matches."
        height={`min(calc(100vh - 200px), ${(names.length + 1) * ROW_HEIGHT + 8}px)`}
      />
    </ForecastContext.Provider>
  );
}
