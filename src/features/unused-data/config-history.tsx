import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { configHistoryQueryOptions } from '../../api/auto-kill-config.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { describeValue, killConfigValues } from './config-changes.ts';
import { ConfigDiffList } from './config-diff-list.tsx';
import { diffConfigs } from './config-history-diff.ts';
import { formatWhen } from './format-when.ts';

const STEP = 20;

/** The earliest entry loaded has no version before it to diff against: its kill fields as saved. */
function KillFieldsOf({ config }: { config: Record<string, unknown> }) {
  const values = killConfigValues(config);
  const fields = Object.keys(values) as Array<keyof typeof values>;
  return (
    <div className="stack">
      <p className="muted">The earliest change loaded; its kill settings:</p>
      <ul className="config-diff">
        {fields.map((field) => (
          <li key={field}>
            <span className="mono">{field}</span>: {describeValue(field, values[field])}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Who changed the Coordinator's dynamic config, when and why, each entry diffed against the one before it. */
export function ConfigHistory() {
  const id = useId();
  const [count, setCount] = useState(STEP);
  const history = useQuery(configHistoryQueryOptions(count));
  const entries = history.data ?? [];
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Config history</h2>
      {history.isPending && <p className="muted">Loading the config history…</p>}
      {history.isError && (
        <QueryErrorAlert title="Config history unavailable" error={history.error} onRetry={() => history.refetch()} />
      )}
      {history.isSuccess && entries.length === 0 && (
        <p className="muted">The dynamic config was never changed (or the audit log keeps no entry of it).</p>
      )}
      {entries.length > 0 && (
        <ol className="config-history stack" aria-label="Config changes, newest first">
          {entries.map((entry, index) => {
            const previous = entries[index + 1]?.config ?? null;
            return (
              <li key={entry.id} className="config-history-entry stack">
                <div>
                  <strong>{formatWhen(entry.time)}</strong> by <strong>{entry.author || '(no author)'}</strong>
                  {entry.identity && entry.identity !== entry.author && (
                    <span className="muted"> (identity {entry.identity})</span>
                  )}
                  {entry.ip && <span className="muted"> from {entry.ip}</span>}
                </div>
                <div>{entry.comment ? `“${entry.comment}”` : <span className="muted">No comment</span>}</div>
                {entry.config === null ? (
                  <p className="muted">The payload is not JSON (Druid may have truncated it).</p>
                ) : previous === null ? (
                  <KillFieldsOf config={entry.config} />
                ) : (
                  <ConfigDiffList
                    changes={diffConfigs(previous, entry.config)}
                    label={`Changes at ${formatWhen(entry.time)}`}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      {entries.length >= count && (
        <div>
          <button type="button" onClick={() => setCount(count + STEP)}>
            Show older changes
          </button>
        </div>
      )}
    </section>
  );
}
