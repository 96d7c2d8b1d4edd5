import type { UseQueryResult } from '@tanstack/react-query';
import { useId } from 'react';
import type { KillSubmission } from '../../api/kill-run.ts';
import { type TaskStatusPlus, taskState } from '../../api/tasks.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { tryParseInstant } from '../../druid/instant.ts';
import { formatInterval } from '../../druid/interval.ts';
import { formatDuration } from './format-duration.ts';

interface KillRunStatusProps {
  submission: KillSubmission;
  status: UseQueryResult<TaskStatusPlus | null>;
}

const STATE_TEXT = { RUNNING: 'Running', SUCCESS: 'Succeeded', FAILED: 'Failed', UNKNOWN: 'Waiting for status' };

/** The section's title follows the task: what is happening, then how it ended. */
export function killRunTitle(found: boolean, state: keyof typeof STATE_TEXT): string {
  if (!found) return 'Kill task not found';
  const titles = {
    RUNNING: 'Kill task running',
    SUCCESS: 'Kill task succeeded',
    FAILED: 'Kill task failed: see its error',
    UNKNOWN: 'Kill task: waiting for its status',
  };
  return titles[state];
}

/** The kill task this page started, followed until it ends. */
export function KillRunStatus({ submission, status }: KillRunStatusProps) {
  const id = useId();
  const { task: found, dataSource } = submission;
  const task = status.data ?? found;
  const state = taskState(task);
  const created = task?.createdTime ? tryParseInstant(task.createdTime) : null;
  const elapsed = state === 'RUNNING' && created !== null ? Date.now() - created : (task?.duration ?? null);
  return (
    <section className="card stack kill-run" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{killRunTitle(found !== null, state)}</h2>
      {!found ? (
        <div className="alert warning" role="status">
          <strong>Druid accepted the kill request, but its task could not be found.</strong> Druid does not return the
          task id; no new kill task of {dataSource} for {formatInterval(submission.interval)} appeared in the task list.
          Look for a task whose id starts with <code>api-issued_kill_{dataSource}_</code> in Druid’s web console
          (Ingestion → Tasks) or at <code>/druid/indexer/v1/tasks?datasource=…&amp;type=kill</code>; the list of recent
          kill tasks below refreshes too.
        </div>
      ) : (
        <>
          <dl className="key-values">
            <dt>Task</dt>
            <dd>
              <code>{found.id}</code>
            </dd>
            <dt>Interval</dt>
            <dd>
              <code>{formatInterval(submission.interval)}</code>
            </dd>
            <dt>Status</dt>
            <dd>
              <span role="status" className={`badge kill-state kill-state-${state.toLowerCase()}`}>
                {STATE_TEXT[state]}
                {task?.statusCode ? ` (${task.statusCode})` : ''}
              </span>
              {state === 'RUNNING' && task?.runnerStatusCode && (
                <span className="muted"> runner: {task.runnerStatusCode}</span>
              )}
            </dd>
            <dt>{state === 'RUNNING' ? 'Running for' : 'Duration'}</dt>
            <dd>{formatDuration(elapsed)}</dd>
            {task?.errorMsg && (
              <>
                <dt>Error</dt>
                <dd className="kill-error">{task.errorMsg}</dd>
              </>
            )}
          </dl>
          {state === 'RUNNING' && <progress aria-label="Kill task running" />}
          {state === 'SUCCESS' && (
            <p className="alert info">
              The kill task succeeded. The dry run has been refreshed and shows what is left in the interval.
            </p>
          )}
          {status.isError && (
            <QueryErrorAlert
              error={status.error}
              title="Could not read the task status"
              onRetry={() => status.refetch()}
            />
          )}
        </>
      )}
    </section>
  );
}
