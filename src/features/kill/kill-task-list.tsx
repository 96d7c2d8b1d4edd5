import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { killTaskIdParts, killTasksQueryOptions, taskState } from '../../api/tasks.ts';
import { formatUtc } from '../../components/format-time.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { tryParseInstant } from '../../druid/instant.ts';
import { formatDuration } from './format-duration.ts';

const SHOWN = 20;

function createdText(createdTime: string | null | undefined): string {
  const ms = createdTime ? tryParseInstant(createdTime) : null;
  return ms === null ? (createdTime ?? '—') : formatUtc(ms, { precision: 'seconds' });
}

/** The datasource's recent kill tasks (Druid lists recently completed ones too), newest first. */
export function KillTaskList({ dataSource }: { dataSource: string }) {
  const id = useId();
  const tasks = useQuery(killTasksQueryOptions(dataSource));
  const list = [...(tasks.data ?? [])]
    .sort((a, b) => ((a.createdTime ?? '') < (b.createdTime ?? '') ? 1 : -1))
    .slice(0, SHOWN);
  return (
    <section className="card stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Recent kill tasks of {dataSource}</h2>
      {tasks.isPending && <p className="muted">Loading tasks…</p>}
      {tasks.isError && (
        <QueryErrorAlert error={tasks.error} title="Could not list kill tasks" onRetry={() => tasks.refetch()} />
      )}
      {tasks.isSuccess && list.length === 0 && (
        <p className="muted">No kill task of {dataSource} is known to the Overlord.</p>
      )}
      {list.length > 0 && (
        <div className="kill-tasks-scroll">
          <table className="kill-table">
            <caption className="visually-hidden">Recent kill tasks, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Created (UTC)</th>
                <th scope="col">Interval</th>
                <th scope="col">Status</th>
                <th scope="col">Duration</th>
                <th scope="col">Task</th>
              </tr>
            </thead>
            <tbody>
              {list.map((task) => {
                const parts = killTaskIdParts(task.id, dataSource);
                const state = taskState(task);
                return (
                  <tr key={task.id}>
                    <td className="mono">{createdText(task.createdTime)}</td>
                    <td className="mono">{parts ? `${parts.start}/${parts.end}` : '—'}</td>
                    <td>
                      <span className={`badge kill-state kill-state-${state.toLowerCase()}`}>
                        {task.statusCode ?? state}
                      </span>
                      {task.errorMsg && <span className="kill-error"> {task.errorMsg}</span>}
                    </td>
                    <td>{state === 'RUNNING' ? 'running' : formatDuration(task.duration)}</td>
                    <td className="mono kill-task-id" title={task.id}>
                      {task.id}
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
