import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { submitKill } from '../../api/kill-run.ts';
import { druidKeys } from '../../api/query-keys.ts';
import { isTaskComplete, taskStatusQueryOptions } from '../../api/tasks.ts';
import type { Interval } from '../../druid/interval.ts';

interface KillVariables {
  interval: Interval;
  onAccepted: () => void;
}

/**
 * Submits a kill, finds the task Druid started, and follows it to SUCCESS or FAILED; then everything that shows
 * the datasource's segments is refreshed. `kill` resolves as soon as Druid has accepted the request.
 */
export function useKillRun(dataSource: string) {
  const queryClient = useQueryClient();
  const [accepted, setAccepted] = useState<Interval | null>(null);
  const submission = useMutation({
    // One kill at a time per datasource, even from two quick confirmations.
    scope: { id: `kill:${dataSource}` },
    mutationFn: ({ interval, onAccepted }: KillVariables) => submitKill(dataSource, interval, { onAccepted }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: druidKeys.tasks(dataSource) }),
  });
  const { mutate } = submission;
  const kill = useCallback(
    (interval: Interval) =>
      new Promise<void>((resolve, reject) => {
        setAccepted(null);
        mutate(
          {
            interval,
            onAccepted: () => {
              setAccepted(interval);
              resolve();
            },
          },
          { onError: reject },
        );
      }),
    [mutate],
  );

  const taskId = submission.data?.task?.id ?? null;
  const status = useQuery({ ...taskStatusQueryOptions(taskId ?? ''), enabled: taskId !== null });
  const complete = taskId !== null && isTaskComplete(status.data);

  useEffect(() => {
    if (!complete) return;
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: druidKeys.segments(dataSource) }),
      queryClient.invalidateQueries({ queryKey: druidKeys.datasources() }),
      queryClient.invalidateQueries({ queryKey: druidKeys.tasks(dataSource) }),
    ]);
  }, [complete, dataSource, queryClient]);

  return { kill, submission, accepted, status, complete };
}
