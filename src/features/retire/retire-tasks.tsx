import { useQueries } from '@tanstack/react-query';
import { useId } from 'react';
import { taskState, taskStatusQueryOptions } from '../../api/tasks.ts';

const STATE_TEXT = { RUNNING: 'running', SUCCESS: 'succeeded', FAILED: 'failed', UNKNOWN: 'waiting for its status' };

/** The kill tasks this retirement submitted, each followed to SUCCESS or FAILED (statuses from the Overlord). */
export function RetireTasks({ dataSource, taskIds }: { dataSource: string; taskIds: readonly string[] }) {
  const id = useId();
  const statuses = useQueries({ queries: taskIds.map((taskId) => taskStatusQueryOptions(taskId)) });
  return (
    <section aria-labelledby={`${id}-title`} className="stack">
      <h3 id={`${id}-title`}>Kill tasks of this retirement of {dataSource}</h3>
      <ul className="plain-list">
        {taskIds.map((taskId, index) => {
          const query = statuses[index];
          const task = query?.data;
          const state = taskState(task);
          return (
            <li key={taskId}>
              <code>{taskId}</code>:{' '}
              <span className={`badge kill-state-${state.toLowerCase()}`}>
                {query?.isError ? 'status unavailable' : STATE_TEXT[state]}
              </span>
              {task?.errorMsg && <span className="retire-task-error"> {task.errorMsg}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
