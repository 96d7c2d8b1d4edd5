import { Link } from 'wouter';
import type { AsOfRow } from '../../api/rules-as-of.ts';
import { RuleList } from '../../components/rules/rule-summary.tsx';
import { RulesDiffView } from '../../components/rules-diff/rules-diff-view.tsx';
import { formatAuditTime } from './format-time.ts';
import { restoreHref } from './history-entry-detail.tsx';
import { historyHref } from './use-history-url.ts';

interface AsOfRowCardProps {
  row: AsOfRow;
  selected: boolean;
  onSelect: (selected: boolean) => void;
}

function displayName(key: string): string {
  return key === '_default' ? '_default (cluster defaults)' : key;
}

function changesText(row: AsOfRow): string {
  const last = row.changesAfter.at(-1);
  if (!last) return '';
  const count = row.changesAfter.length === 1 ? 'once' : `${row.changesAfter.length} times`;
  return `Changed ${count} since, last ${formatAuditTime(last.time)} by ${last.author || '(no author)'}${
    last.comment ? ` (“${last.comment}”)` : ''
  }.`;
}

/** One datasource whose rules then differ from now (or cannot be known): what changed since, and a way back. */
export function AsOfRowCard({ row, selected, onSelect }: AsOfRowCardProps) {
  const name = displayName(row.key);
  const source = row.key === '_default' ? 'default' : 'datasource';
  const entry = row.thenEntry;
  return (
    <li className="card stack as-of-row" aria-label={name}>
      <div className="row as-of-row-head">
        {row.status === 'changed' && (
          <input
            type="checkbox"
            checked={selected}
            aria-label={`Select ${name} to restore`}
            onChange={(event) => onSelect(event.target.checked)}
          />
        )}
        <h3 className="as-of-row-name">{name}</h3>
        <span className={`badge ${row.status === 'unknown' ? 'unused' : 'used'}`}>
          {row.status === 'unknown' ? 'Unknown then' : 'Changed since'}
        </span>
      </div>
      {entry && (
        <p>
          Then: the version of {formatAuditTime(entry.time)} by {entry.author || '(no author)'}
          {entry.comment ? ` (“${entry.comment}”)` : ''}. {changesText(row)}
        </p>
      )}
      {row.status === 'unknown' && (
        <p className="alert warning">
          {row.reason} {changesText(row)}
        </p>
      )}
      {row.rulesThen && row.now.error === null && (
        <RulesDiffView before={row.rulesThen} after={row.now.rules} label={`Changes to ${row.key} since then`} />
      )}
      {row.now.error !== null && <p className="muted">The rules now cannot be read: {row.now.error}</p>}
      {row.rulesThen && (
        <details>
          <summary>Rules then</summary>
          <RuleList
            rules={row.rulesThen}
            source={source}
            label={`Rules of ${row.key} then`}
            emptyText={source === 'default' ? 'No rules.' : 'No rules of its own: the cluster default rules applied.'}
          />
        </details>
      )}
      <div className="row">
        {entry && row.status === 'changed' && (
          <Link href={restoreHref(entry)} className="button" aria-label={`Open the rules of ${row.key} then as edits`}>
            Open as edits
          </Link>
        )}
        <Link
          href={historyHref({ dataSource: row.key, mode: 'count', interval: null, count: 50, entryId: null })}
          className="button ghost"
        >
          History of {row.key}
        </Link>
      </div>
    </li>
  );
}
