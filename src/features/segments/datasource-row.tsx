/**
 * The cells of one datasource in the list. Used totals and rules come from the list-wide requests (context); the
 * unused ones from the row's own bounded probe, asked for only while the row is on screen (useRowUnused).
 */
import { Link } from 'wouter';
import type { RuleListResult } from '../../api/rules.ts';
import { formatBytes, formatCount } from '../../components/format.ts';
import { describeRule } from '../../druid/rules.ts';
import { DataSourceActions } from './datasource-actions.tsx';
import { useDataSourceListShared } from './datasource-list-context.ts';
import { ExactCountControl } from './datasource-list-exact-count.tsx';
import { useRowUnused } from './datasource-list-unused.ts';
import { dataSourceHref } from './datasource-path.ts';
import { formatShortInstant } from './segment-columns.tsx';

function Busy({ text = '…' }: { text?: string }) {
  return (
    <span className="muted" aria-busy="true">
      {text}
    </span>
  );
}

export function NameCell({ name }: { name: string }) {
  return (
    <Link href={dataSourceHref('segments', name)} className="datasource-name" title={name}>
      {name}
    </Link>
  );
}

export function UsedCountCell({ name }: { name: string }) {
  const { totals, totalsFailed } = useDataSourceListShared();
  if (totals) return formatCount(totals.get(name)?.count ?? 0);
  return totalsFailed ? <span className="muted">—</span> : <Busy />;
}

export function UnusedCountCell({ name }: { name: string }) {
  const { probe, exact, failed, error } = useRowUnused(name);
  if (exact) return formatCount(exact.count);
  if (failed)
    return (
      <span className="field-error" title={error instanceof Error ? error.message : undefined}>
        failed
      </span>
    );
  if (!probe) return <Busy text="counting…" />;
  if (probe.capped) return <ExactCountControl dataSource={name} />;
  return formatCount(probe.count);
}

export function SizeCell({ name }: { name: string }) {
  const { totals, totalsFailed } = useDataSourceListShared();
  const { probe, exact, failed } = useRowUnused(name);
  const unused = exact?.size ?? probe?.size ?? (failed ? 0 : undefined);
  if ((!totals && !totalsFailed) || unused === undefined) return <Busy />;
  const used = totals?.get(name)?.size ?? 0;
  // Past the probe's cap only part of the unused bytes are known: a lower bound until counted exactly.
  const atLeast = !exact && probe?.capped ? '≥ ' : '';
  return (
    <>
      {atLeast}
      {formatBytes(used + unused)}
      {unused > 0 && (
        <span className="muted">
          {' '}
          ({atLeast}
          {formatBytes(unused)} unused)
        </span>
      )}
    </>
  );
}

/** The row's actions menu; Kill is offered only once the row's probe has found unused segments (or is still looking). */
export function ActionsCell({ name }: { name: string }) {
  const { probe, exact } = useRowUnused(name);
  return <DataSourceActions dataSource={name} unusedCount={exact?.count ?? probe?.count ?? null} />;
}

function extreme(values: Array<number | null | undefined>, pick: (a: number, b: number) => number): number | null {
  let result: number | null = null;
  for (const value of values)
    if (value !== null && value !== undefined) result = result === null ? value : pick(result, value);
  return result;
}

export function TimeRangeCell({ name }: { name: string }) {
  const { totals } = useDataSourceListShared();
  const { probe, exact } = useRowUnused(name);
  const used = totals?.get(name);
  const unused = exact ?? probe;
  if (!unused && !used) return <Busy />;
  const start = extreme([used?.minTime, unused?.start], Math.min);
  const end = extreme([used?.maxTime, unused?.end], Math.max);
  if (start === null || end === null) return <span className="muted">—</span>;
  const text = `${formatShortInstant(start, true)} → ${formatShortInstant(end, true)}`;
  // Capped: the end is the latest start's segment's; a longer unused segment starting earlier could end later.
  const approximate = !exact && probe?.capped;
  return <span title={approximate ? 'Count exactly for the exact end of the unused segments' : undefined}>{text}</span>;
}

function describeRules(own: RuleListResult | undefined, defaults: RuleListResult | undefined) {
  if (own?.error) return { muted: true, text: `Unreadable rules: ${own.error}` };
  const rules = own?.rules ?? [];
  if (rules.length > 0) return { muted: false, text: rules.map(describeRule).join(' · ') };
  const fallback = defaults?.rules.map(describeRule).join(' · ');
  return { muted: true, text: `Cluster defaults${fallback ? `: ${fallback}` : ''}` };
}

export function RulesCell({ name }: { name: string }) {
  const { rules, rulesFailed } = useDataSourceListShared();
  if (rulesFailed) return <span className="muted">rules unavailable</span>;
  if (!rules) return <Busy />;
  const { muted, text } = describeRules(rules[name], rules._default);
  return (
    <span className={muted ? 'muted' : undefined} title={text}>
      {text}
    </span>
  );
}
