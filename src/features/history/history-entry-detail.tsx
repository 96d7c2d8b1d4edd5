import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { type AuditEntry, parseAuditRules } from '../../api/history.ts';
import { previousEntryQueryOptions } from '../../api/history-previous.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { RuleList } from '../../components/rules/rule-summary.tsx';
import { toast } from '../../components/toast.ts';
import { formatAuditTime } from './format-time.ts';
import { HistoryEntryDiff } from './history-entry-diff.tsx';

interface HistoryEntryDetailProps {
  entry: AuditEntry;
  /** The previous version of the same key when the loaded list holds it; otherwise it is fetched. */
  previousInList: AuditEntry | undefined;
  closeHref: string;
}

export function restoreHref(entry: AuditEntry): string {
  return `/rules/${encodeURIComponent(entry.key)}?restore=${encodeURIComponent(entry.auditTime)}`;
}

function prettyPayload(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

async function copy(text: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success('Rules JSON copied');
  } catch {
    toast.error('Copying failed: the browser did not allow access to the clipboard.');
  }
}

/** Who changed what, when and why; the rules of that version, what changed since the one before, and a way back. */
export function HistoryEntryDetail({ entry, previousInList, closeHref }: HistoryEntryDetailProps) {
  const id = useId();
  const [showRaw, setShowRaw] = useState(false);
  const fetched = useQuery({ ...previousEntryQueryOptions(entry), enabled: previousInList === undefined });
  const previous = previousInList ?? fetched.data;
  const rules = parseAuditRules(entry.payload);
  const pretty = prettyPayload(entry.payload);
  const sectionRef = useRef<HTMLElement>(null);
  // The page keys this panel by entry, so it mounts once per opened change: bring its top into view when the
  // filters and timeline above pushed it off screen (focus stays where it was, e.g. on the timeline's marks).
  useEffect(() => {
    const section = sectionRef.current;
    if (!section?.scrollIntoView) return;
    const top = section.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 160) section.scrollIntoView({ block: 'start' });
  }, []);

  return (
    <section ref={sectionRef} className="card stack history-entry" aria-labelledby={`${id}-title`}>
      <div className="row history-entry-head">
        <h2 id={`${id}-title`}>
          Change to <span className="history-entry-key">{entry.key}</span>
        </h2>
        <Link href={closeHref} className="button ghost" aria-label="Close this change">
          ✕
        </Link>
      </div>
      <dl className="key-values">
        <dt>Time</dt>
        <dd>
          {formatAuditTime(entry.time)} <code className="muted">{entry.auditTime}</code>
        </dd>
        <dt>Author</dt>
        <dd>{entry.author || <span className="muted">(none given)</span>}</dd>
        <dt>Identity</dt>
        <dd>
          {entry.identity || <span className="muted">(not recorded: no authenticated user, or Druid before 29)</span>}
        </dd>
        <dt>Comment</dt>
        <dd className="history-entry-comment">{entry.comment || <span className="muted">(none given)</span>}</dd>
        <dt>IP address</dt>
        <dd>{entry.ip || <span className="muted">(not recorded)</span>}</dd>
      </dl>
      <div className="row">
        {rules.ok && (
          <Link href={restoreHref(entry)} className="button primary">
            Restore this version
          </Link>
        )}
        <button type="button" onClick={() => copy(pretty)}>
          Copy rules JSON
        </button>
        <button
          type="button"
          aria-expanded={showRaw}
          aria-controls={showRaw ? `${id}-raw` : undefined}
          onClick={() => setShowRaw((s) => !s)}
        >
          {showRaw ? 'Hide raw JSON' : 'Show raw JSON'}
        </button>
      </div>
      <h3>What changed</h3>
      {previousInList === undefined && fetched.isPending && <p className="muted">Looking for the previous version…</p>}
      {previousInList === undefined && fetched.isError && (
        <QueryErrorAlert
          error={fetched.error}
          title="Could not load the previous version"
          onRetry={() => fetched.refetch()}
        />
      )}
      {previous !== undefined && <HistoryEntryDiff entry={entry} previous={previous} rules={rules} />}
      <h3>Rules in this version</h3>
      {rules.ok ? (
        <RuleList
          rules={rules.rules}
          source={entry.key === '_default' ? 'default' : 'datasource'}
          label={`Rules of ${entry.key} in this version`}
          emptyText={entry.key === '_default' ? 'No rules.' : 'No rules of its own: the cluster default rules applied.'}
        />
      ) : (
        <p role="alert" className="alert warning">
          These rules cannot be read: {rules.error}
        </p>
      )}
      {showRaw && (
        <div id={`${id}-raw`} className="stack">
          <h3>Raw JSON, as Druid stored it</h3>
          <pre className="history-entry-raw">{pretty}</pre>
        </div>
      )}
    </section>
  );
}
