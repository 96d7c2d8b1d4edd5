import { type AuditEntry, type AuditRulesResult, parseAuditRules } from '../../api/history.ts';
import { RulesDiffView } from '../../components/rules-diff/rules-diff-view.tsx';
import { formatAuditTime } from './format-time.ts';

interface HistoryEntryDiffProps {
  entry: AuditEntry;
  /** null: this is the first recorded version. */
  previous: AuditEntry | null;
  rules: AuditRulesResult;
}

/** The change against the previous version of the same datasource, in rule terms. */
export function HistoryEntryDiff({ entry, previous, rules }: HistoryEntryDiffProps) {
  if (!rules.ok) return <p className="muted">No comparison: this version cannot be read.</p>;
  const label = `Rule changes to ${entry.key}`;
  if (previous === null)
    return (
      <div className="stack">
        <p>This is the first recorded version of these rules; everything in it was added.</p>
        <RulesDiffView before={[]} after={rules.rules} label={label} />
      </div>
    );
  const before = parseAuditRules(previous.payload);
  return (
    <div className="stack">
      <p>
        Compared with the version of {formatAuditTime(previous.time)} by {previous.author || '(no author)'}
        {previous.comment ? ` (“${previous.comment}”)` : ''}.
      </p>
      {before.ok ? (
        <RulesDiffView before={before.rules} after={rules.rules} label={label} />
      ) : (
        <p className="alert warning">
          The previous version cannot be read ({before.error}), so there is no comparison.
        </p>
      )}
    </div>
  );
}
