import { createColumnHelper, tableFeatures } from '@tanstack/react-table';
import {
  ActionsCell,
  NameCell,
  RulesCell,
  SizeCell,
  TimeRangeCell,
  UnusedCountCell,
  UsedCountCell,
} from './datasource-row.tsx';

/** A row of the list is just its name: everything else is looked up by the cells (see datasource-row.tsx). */
export interface DataSourceListRow {
  name: string;
}

// Filtering happens on the names before the table; the table only renders the rows on screen, unsorted.
export const dataSourceListFeatures = tableFeatures({});

const helper = createColumnHelper<typeof dataSourceListFeatures, DataSourceListRow>();

/** Fitted to 1280 px wide screens (1222 in all): headers, counts, time ranges and the menu whole, no sideways scroll. */
export const DATASOURCE_LIST_WIDTHS: Record<string, number> = {
  name: 184,
  used: 136,
  unused: 156,
  size: 220,
  range: 230,
  rules: 200,
  actions: 96,
};

export const dataSourceListColumns = helper.columns([
  helper.accessor('name', { id: 'name', header: 'Datasource', cell: (c) => <NameCell name={c.getValue()} /> }),
  helper.display({ id: 'used', header: 'Used segments', cell: (c) => <UsedCountCell name={c.row.original.name} /> }),
  helper.display({
    id: 'unused',
    header: 'Unused segments',
    cell: (c) => <UnusedCountCell name={c.row.original.name} />,
  }),
  helper.display({ id: 'size', header: 'Total size', cell: (c) => <SizeCell name={c.row.original.name} /> }),
  helper.display({
    id: 'range',
    header: 'Time range (UTC)',
    cell: (c) => <TimeRangeCell name={c.row.original.name} />,
  }),
  helper.display({ id: 'rules', header: 'Retention rules', cell: (c) => <RulesCell name={c.row.original.name} /> }),
  helper.display({
    id: 'actions',
    header: () => <span className="visually-hidden">Actions</span>,
    cell: (c) => <ActionsCell name={c.row.original.name} />,
  }),
]);
