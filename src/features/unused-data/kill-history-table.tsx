import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'wouter';
import { type KillTaskEntry, segmentsKilledQueryOptions } from '../../api/kill-history.ts';
import { taskState } from '../../api/tasks.ts';
import { formatCount } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatSpan } from './format-when.ts';
import type { AutoKillState } from './use-auto-kill-state.ts';

const ISSUER_TEXT = { manual: 'Manual (API)', automatic: 'Auto-kill', unknown: 'Other' } as const;

function SegmentsKilled({ entry }: { entry: KillTaskEntry }) {
  const done = taskState(entry.task) === 'SUCCESS';
  const report = useQuery({ ...segmentsKilledQueryOptions(entry.task.id), enabled: done });
  if (!done) return <span className="muted">—</span>;
  if (report.isPending) return <span className="muted">…</span>;
  if (report.isError) return <span className="muted">report unavailable</span>;
  return report.data === null ? <span className="muted">not reported</span> : formatCount(report.data);
}

function dryRunHref(entry: KillTaskEntry): string | null {
  if (!entry.task.dataSource || !entry.intervalText) return null;
  return `/kill/${encodeURIComponent(entry.task.dataSource)}?interval=${encodeURIComponent(entry.intervalText)}`;
}

/** Every kill task the Overlord lists, manual and automatic, newest first, each with its report's count. */
export function KillHistoryTable({ state }: { state: AutoKillState }) {
  const id = useId();
  const { history } = state;
  const entries = history.data ?? [];
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Kill history</h2>
      {history.isPending && <p className="muted">Loading kill tasks…</p>}
      {history.isError && (
        <QueryErrorAlert title="Kill tasks unavailable" error={history.error} onRetry={() => history.refetch()} />
      )}
      {history.isSuccess && entries.length === 0 && <p className="muted">The Overlord knows of no kill task.</p>}
      {entries.length > 0 && (
        <div className="unused-table-scroll">
          <table className="unused-kill-table">
            <caption className="visually-hidden">Kill tasks, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Created (UTC)</th>
                <th scope="col">Datasource</th>
                <th scope="col">Issued by</th>
                <th scope="col">Interval</th>
                <th scope="col">Status</th>
                <th scope="col">Duration</th>
                <th scope="col">Segments killed</th>
                <th scope="col">Dry run</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const state = taskState(entry.task);
                const href = dryRunHref(entry);
                return (
                  <tr key={entry.task.id} title={entry.task.id}>
                    <td className="mono">{entry.task.createdTime?.replace('T', ' ').slice(0, 19) ?? '—'}</td>
                    <td>{entry.task.dataSource ?? '—'}</td>
                    <td>{ISSUER_TEXT[entry.issuer]}</td>
                    <td className="mono">{entry.intervalText ?? '—'}</td>
                    <td>
                      <span className={`badge kill-state-${state.toLowerCase()}`}>
                        {entry.task.statusCode ?? state}
                      </span>
                      {entry.task.errorMsg && <div className="field-error">{entry.task.errorMsg}</div>}
                    </td>
                    <td>{state === 'RUNNING' ? 'running' : formatSpan(entry.task.duration)}</td>
                    <td>
                      <SegmentsKilled entry={entry} />
                    </td>
                    <td>
                      {href ? (
                        <Link href={href} aria-label={`Dry run of ${entry.intervalText} in ${entry.task.dataSource}`}>
                          Dry run
                        </Link>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
