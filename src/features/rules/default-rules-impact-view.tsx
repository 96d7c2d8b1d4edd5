import type { ReactNode } from 'react';
import { formatBytes, formatCount, formatCountOf } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import type { Totals } from '../../druid/effective-retention.ts';
import type { DataSourceImpact, OutcomeTotals } from './default-rules-impact.ts';
import { retentionChangeSentences } from './retention-change-summary.tsx';
import { segmentsAndBytes } from './retention-format.ts';
import type { DefaultRulesImpactState } from './use-default-rules-impact.ts';
import './default-rules-impact.css';

/** Rows shown in the table; the total always covers every changed datasource. */
const MAX_ROWS = 50;

function sameTotals(a: Totals, b: Totals): boolean {
  return a.count === b.count && a.bytes === b.bytes;
}

function BeforeAfter({ before, after }: { before: Totals; after: Totals }) {
  if (sameTotals(before, after)) return <span className="muted">{segmentsAndBytes(before.count, before.bytes)}</span>;
  return (
    <>
      {segmentsAndBytes(before.count, before.bytes)} <span aria-hidden="true">→</span>
      <span className="visually-hidden">becomes</span> <strong>{segmentsAndBytes(after.count, after.bytes)}</strong>
    </>
  );
}

/** Bytes per tier counting replicas, only for tiers whose load changes. */
function TierLines({ before, after }: { before: OutcomeTotals; after: OutcomeTotals }) {
  const tiers = [...new Set([...Object.keys(before.tiers), ...Object.keys(after.tiers)])].sort();
  const lines = tiers.flatMap((tier) => {
    const was = before.tiers[tier]?.bytes ?? 0;
    const will = after.tiers[tier]?.bytes ?? 0;
    return was === will ? [] : [{ tier, was, will }];
  });
  if (lines.length === 0) return null;
  return (
    <ul className="impact-tiers">
      {lines.map(({ tier, was, will }) => (
        <li key={tier}>
          on {tier}: {formatBytes(was)} → {formatBytes(will)} with replicas
        </li>
      ))}
    </ul>
  );
}

function ImpactRow({
  name,
  before,
  after,
  header,
}: {
  name: ReactNode;
  before: OutcomeTotals;
  after: OutcomeTotals;
  header?: boolean;
}) {
  return (
    <tr className={header ? 'impact-total' : undefined}>
      <th scope="row" className={header ? undefined : 'ds-name'}>
        {name}
      </th>
      <td>
        <BeforeAfter before={before.load} after={after.load} />
        <TierLines before={before} after={after} />
      </td>
      <td>
        <BeforeAfter before={before.drop} after={after.drop} />
      </td>
      <td>
        <BeforeAfter before={before.broadcast} after={after.broadcast} />
      </td>
    </tr>
  );
}

interface ImpactTableProps {
  changed: DataSourceImpact[];
  before: OutcomeTotals;
  after: OutcomeTotals;
}

function ImpactTable({ changed, before, after }: ImpactTableProps) {
  const shown = changed.slice(0, MAX_ROWS);
  return (
    <>
      <table className="retention-counts impact-table">
        <caption>{`What the new defaults change, per datasource (${formatCountOf(changed.length, 'datasource')})`}</caption>
        <thead>
          <tr>
            <th scope="col">Datasource</th>
            <th scope="col">Loaded</th>
            <th scope="col">Dropped</th>
            <th scope="col">Broadcast</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((impact) => (
            <ImpactRow key={impact.name} name={impact.name} before={impact.before} after={impact.after} />
          ))}
        </tbody>
        <tfoot>
          <ImpactRow
            header
            name={changed.length === 1 ? 'The 1 datasource' : `All ${formatCount(changed.length)} datasources`}
            before={before}
            after={after}
          />
        </tfoot>
      </table>
      {changed.length > shown.length && (
        <p className="field-hint">
          {`The ${formatCount(changed.length - shown.length)} datasources with the smallest changes are left out of the list, not of the total.`}
        </p>
      )}
    </>
  );
}

/** The effect of the edited `_default` rules on every datasource, with progress while it is counted. */
export function DefaultRulesImpactView({ state }: { state: DefaultRulesImpactState }) {
  if (state.status === 'idle') return <p className="muted">No unsaved edits.</p>;
  if (state.status === 'error')
    return (
      <QueryErrorAlert error={state.error} onRetry={state.retry} title="Cannot count what the new defaults change" />
    );
  if (state.status === 'loading') {
    const { progress } = state;
    return (
      <div className="stack" role="status">
        <p className="muted">
          {progress && progress.total > 0
            ? `Counting what the new defaults change: read the segments of ${formatCount(progress.done)} of ${formatCountOf(progress.total, 'datasource')} whose rules cut through their data…`
            : 'Counting what the new defaults change…'}
        </p>
        {progress && progress.total > 0 && (
          <progress aria-label="Datasources read" value={progress.done} max={progress.total} />
        )}
      </div>
    );
  }
  const { impact } = state;
  const reach = `${formatCountOf(impact.reached, 'datasource')} with served segments fall back to the defaults for some or all of them.`;
  const unreadable =
    impact.unreadable.length > 0 ? (
      <p className="alert warning">
        {`Not counted: the rules of ${impact.unreadable.join(', ')} cannot be read here, so what the defaults do to them is unknown.`}
      </p>
    ) : null;
  if (impact.changed.length === 0)
    return (
      <div className="stack">
        <p className="muted">{`Saving this changes nothing for the segments served now. ${reach}`}</p>
        {unreadable}
      </div>
    );
  const sentences = retentionChangeSentences(impact.total.change);
  return (
    <div className="stack">
      <ul className={`retention-change${impact.total.change.newlyDropped.count ? ' alert warning' : ''}`}>
        {sentences.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <p className="field-hint">{reach}</p>
      {unreadable}
      <ImpactTable changed={impact.changed} before={impact.total.before} after={impact.total.after} />
    </div>
  );
}
