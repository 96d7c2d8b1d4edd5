import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link, useSearchParams } from 'wouter';
import type { RuleListResult } from '../../api/rules.ts';
import { type RulesIndexEntry, rulesIndexQueryOptions } from '../../api/rules-index.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { RuleList } from '../../components/rules/rule-summary.tsx';
import { DEFAULT_RULES_KEY } from '../../druid/rules.ts';
import { rulesEditorPath } from './route-param.ts';
import './rules-index.css';

function OwnRules({ rules }: { rules: RuleListResult | null }) {
  if (rules?.error) return <span className="field-error">Cannot read these rules: {rules.error}</span>;
  return <RuleList rules={rules?.rules ?? []} emptyText="No rules of its own: the cluster defaults apply." />;
}

function DataSourceRow({ entry }: { entry: RulesIndexEntry }) {
  return (
    <tr>
      <th scope="row">
        <Link href={rulesEditorPath(entry.name)} className="ds-link">
          {entry.name}
        </Link>
        {!entry.hasSegments && <span className="badge unused">no segments</span>}
      </th>
      <td>
        <OwnRules rules={entry.rules} />
      </td>
    </tr>
  );
}

/** `/rules`: the cluster defaults and every datasource with its own rules, each linking to its editor. */
export function RulesIndexPage() {
  const filterId = useId();
  const index = useQuery(rulesIndexQueryOptions());
  const [searchParams, setSearchParams] = useSearchParams();
  const filter = searchParams.get('q') ?? '';
  const needle = filter.trim().toLowerCase();
  const shown = index.data?.dataSources.filter((entry) => entry.name.toLowerCase().includes(needle)) ?? [];

  return (
    <section className="stack rules-index">
      <h1>Retention rules</h1>
      <p className="muted">
        For each segment Druid runs the first matching rule: the datasource’s own rules in order, then the cluster
        defaults. Open a datasource to edit its rules and see their effect on its segments.
      </p>
      <p>
        <Link href="/rules-as-code">Export or import all rules as a file</Link>
      </p>
      {index.error && <QueryErrorAlert error={index.error} onRetry={() => index.refetch()} />}
      {index.isPending && (
        <p className="muted" aria-busy="true">
          Loading rules…
        </p>
      )}
      {index.data && (
        <>
          <section className="card stack" aria-labelledby="cluster-defaults-heading">
            <div className="row rules-index-defaults-header">
              <h2 id="cluster-defaults-heading">Cluster defaults</h2>
              <Link href={rulesEditorPath(DEFAULT_RULES_KEY)}>Edit default rules</Link>
            </div>
            {index.data.defaultRules?.error ? (
              <span className="field-error">Cannot read the default rules: {index.data.defaultRules.error}</span>
            ) : (
              <RuleList
                rules={index.data.defaultRules?.rules ?? []}
                source="default"
                label="Default rules"
                emptyText="No default rules."
              />
            )}
          </section>
          <p>
            <Link href="/rules-fleet">Change the rules of many datasources at once…</Link>
          </p>
          <div className="field rules-index-filter">
            <label htmlFor={filterId}>Filter datasources</label>
            <input
              id={filterId}
              type="search"
              value={filter}
              onChange={(event) =>
                setSearchParams(
                  (params) => {
                    if (event.target.value) params.set('q', event.target.value);
                    else params.delete('q');
                    return params;
                  },
                  { replace: true },
                )
              }
            />
          </div>
          <table className="rules-index-table">
            <caption className="visually-hidden">Datasources and their own retention rules</caption>
            <thead>
              <tr>
                <th scope="col">Datasource</th>
                <th scope="col">Own rules (before the defaults)</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((entry) => (
                <DataSourceRow key={entry.name} entry={entry} />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && (
            <p className="muted">{needle ? `No datasource matches “${filter}”.` : 'The cluster has no datasources.'}</p>
          )}
        </>
      )}
    </section>
  );
}
