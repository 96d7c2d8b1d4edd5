import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'wouter';
import { dataSourceSummariesQueryOptions } from '../../api/datasources.ts';
import { allRulesQueryOptions } from '../../api/rules.ts';
import { formatCount } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { DataSourceRow } from './datasource-row.tsx';
import './segments.css';

/** Every datasource in the metadata store, all-unused ones included, with counts, range, rules and actions. */
export function DataSourcesPage(_props: { dataSource?: string }) {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const filter = params.get('filter') ?? '';
  const list = useQuery(dataSourceSummariesQueryOptions());
  const rules = useQuery(allRulesQueryOptions());
  const needle = filter.trim().toLowerCase();
  const shown = (list.data ?? []).filter((summary) => summary.name.toLowerCase().includes(needle));

  return (
    <section className="datasources-page stack">
      <h1>Datasources</h1>
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-filter`}>Filter by name</label>
          <input
            id={`${id}-filter`}
            type="search"
            value={filter}
            onChange={(event) => setParams(event.target.value ? { filter: event.target.value } : {}, { replace: true })}
          />
        </div>
      </div>
      {list.isPending && <p aria-busy="true">Loading datasources…</p>}
      {list.isError && <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <>
          <p role="status">
            {needle
              ? `${formatCount(shown.length)} of ${formatCount(list.data.length)} datasources match.`
              : `${formatCount(list.data.length)} datasources.`}
          </p>
          <div className="datasources-table-wrap">
            <table className="datasources-table">
              <caption className="visually-hidden">Datasources</caption>
              <thead>
                <tr>
                  <th scope="col">Datasource</th>
                  <th scope="col">Used segments</th>
                  <th scope="col">Unused segments</th>
                  <th scope="col">Total size</th>
                  <th scope="col">Time range (UTC)</th>
                  <th scope="col">Retention rules</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((summary) => (
                  <DataSourceRow key={summary.name} summary={summary} rules={rules.data} rulesError={rules.isError} />
                ))}
              </tbody>
            </table>
          </div>
          {shown.length === 0 && <p className="muted">No datasource matches “{filter}”.</p>}
        </>
      )}
    </section>
  );
}
