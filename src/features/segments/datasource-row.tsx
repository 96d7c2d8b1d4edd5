import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { type DataSourceSummary, unusedSummaryQueryOptions } from '../../api/datasources.ts';
import type { RuleListResult } from '../../api/rules.ts';
import { formatBytes, formatCount } from '../../components/format.ts';
import { describeRule } from '../../druid/rules.ts';
import { DataSourceActions } from './datasource-actions.tsx';
import { dataSourceHref } from './datasource-path.ts';
import { formatShortInstant } from './segment-columns.tsx';

function timeRange(start: number | null, end: number | null): string {
  if (start === null || end === null) return '—';
  return `${formatShortInstant(start, true)} → ${formatShortInstant(end, true)}`;
}

function RulesSummary({ own, defaults }: { own: RuleListResult | undefined; defaults: RuleListResult | undefined }) {
  if (own?.error) return <span className="muted">Unreadable rules: {own.error}</span>;
  const rules = own?.rules ?? [];
  if (rules.length === 0) {
    const fallback = defaults?.rules.map(describeRule).join(' · ');
    return <span className="muted">Cluster defaults{fallback ? `: ${fallback}` : ''}</span>;
  }
  return <span>{rules.map(describeRule).join(' · ')}</span>;
}

interface DataSourceRowProps {
  summary: DataSourceSummary;
  rules: Record<string, RuleListResult> | undefined;
  rulesError: boolean;
}

/** One datasource: used totals from the Coordinator, unused ones counted by paging, rules, actions. */
export function DataSourceRow({ summary, rules, rulesError }: DataSourceRowProps) {
  const unused = useQuery(unusedSummaryQueryOptions(summary.name));
  const start = [summary.minTime, unused.data?.start ?? null].filter((v) => v !== null) as number[];
  const end = [summary.maxTime, unused.data?.end ?? null].filter((v) => v !== null) as number[];
  const counting = (
    <span className="muted" aria-busy="true">
      counting…
    </span>
  );
  return (
    <tr>
      <th scope="row">
        <Link href={dataSourceHref('segments', summary.name)} className="datasource-name">
          {summary.name}
        </Link>
      </th>
      <td className="numeric">{formatCount(summary.usedCount)}</td>
      <td className="numeric">
        {unused.isError ? (
          <span className="field-error">failed</span>
        ) : unused.data ? (
          formatCount(unused.data.count)
        ) : (
          counting
        )}
      </td>
      <td className="numeric">
        {formatBytes(summary.usedSize + (unused.data?.size ?? 0))}
        {unused.data && unused.data.size > 0 && (
          <span className="muted"> ({formatBytes(unused.data.size)} unused)</span>
        )}
      </td>
      <td>{timeRange(start.length ? Math.min(...start) : null, end.length ? Math.max(...end) : null)}</td>
      <td className="datasource-rules">
        {rulesError ? (
          <span className="muted">rules unavailable</span>
        ) : rules ? (
          <RulesSummary own={rules[summary.name]} defaults={rules._default} />
        ) : (
          <span className="muted">…</span>
        )}
      </td>
      <td>
        <DataSourceActions dataSource={summary.name} />
      </td>
    </tr>
  );
}
