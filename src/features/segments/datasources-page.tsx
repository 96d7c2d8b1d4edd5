import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { dataSourceNamesWithUnusedQueryOptions, mergeNames } from '../../api/datasources.ts';
import { allRulesQueryOptions } from '../../api/rules.ts';
import { usedTotalsQueryOptions } from '../../api/used-totals.ts';
import { formatCount, formatCountOf } from '../../components/format.ts';
import { filterDataSourceNames, NameFilterField, useNameFilterParam } from '../../components/name-filter.tsx';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import type { DataSourceListShared } from './datasource-list-context.ts';
import { DataSourcesTable } from './datasources-table.tsx';
import './segments.css';

/**
 * Every datasource in the metadata store, all-unused ones included. Three requests for the whole list (names, used
 * totals, rules); each row on screen then asks for its own unused segments, bounded (datasource-row.tsx).
 */
export function DataSourcesPage(_props: { dataSource?: string }) {
  const id = useId();
  const [filter, setFilter] = useNameFilterParam();
  // Names first: the list is drawn from them alone, totals and rules fill in when they come.
  const names = useQuery(dataSourceNamesWithUnusedQueryOptions());
  const totals = useQuery(usedTotalsQueryOptions());
  const rules = useQuery(allRulesQueryOptions());
  const all = useMemo(
    () => (names.data && totals.data ? mergeNames(names.data, totals.data) : names.data),
    [names.data, totals.data],
  );
  const shown = useMemo(() => filterDataSourceNames(all ?? [], filter).map((name) => ({ name })), [all, filter]);
  const shared = useMemo<Omit<DataSourceListShared, 'dwellMs'>>(
    () => ({ totals: totals.data, totalsFailed: totals.isError, rules: rules.data, rulesFailed: rules.isError }),
    [totals.data, totals.isError, rules.data, rules.isError],
  );

  // Datasources served only by realtime tasks come with the used totals: until those are in, the count may grow.
  const partial = totals.isPending ? ' so far' : '';

  return (
    <section className="datasources-page stack">
      <h1>Datasources</h1>
      <div className="row">
        <NameFilterField id={`${id}-filter`} value={filter} onChange={setFilter} />
      </div>
      {names.isPending && <p aria-busy="true">Loading datasources…</p>}
      {names.isError && <QueryErrorAlert error={names.error} onRetry={() => void names.refetch()} />}
      {totals.isError && (
        <QueryErrorAlert
          title="Used segment counts unavailable"
          error={totals.error}
          onRetry={() => void totals.refetch()}
        />
      )}
      {all && (
        <>
          <p role="status">
            {filter.trim()
              ? `${formatCount(shown.length)} of ${formatCountOf(all.length, 'datasource')} match${partial}.`
              : `${formatCountOf(all.length, 'datasource')}${partial}.`}
          </p>
          <DataSourcesTable rows={shown} shared={shared} empty={`No datasource matches “${filter}”.`} />
        </>
      )}
    </section>
  );
}
