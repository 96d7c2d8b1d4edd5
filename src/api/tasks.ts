/** The Overlord's task APIs, as far as following a kill needs them, and finding the task a kill request started. */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { formatInstant, tryParseInstant } from '../druid/instant.ts';
import type { Interval } from '../druid/interval.ts';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';

/** `TaskStatusPlus`; most fields are optional or null in one Druid version or another. */
export const taskStatusPlusSchema = z.looseObject({
  id: z.string(),
  type: z.string().nullish(),
  createdTime: z.string().nullish(),
  statusCode: z.string().nullish(),
  status: z.string().nullish(),
  runnerStatusCode: z.string().nullish(),
  duration: z.number().nullish(),
  dataSource: z.string().nullish(),
  errorMsg: z.string().nullish(),
});
export type TaskStatusPlus = z.infer<typeof taskStatusPlusSchema>;

const taskStatusResponseSchema = z.looseObject({ task: z.string(), status: taskStatusPlusSchema.nullish() });

export type TaskState = 'RUNNING' | 'SUCCESS' | 'FAILED' | 'UNKNOWN';

export function taskState(task: TaskStatusPlus | null | undefined): TaskState {
  const code = (task?.statusCode ?? task?.status ?? '').toUpperCase();
  return code === 'RUNNING' || code === 'SUCCESS' || code === 'FAILED' ? code : 'UNKNOWN';
}

export function isTaskComplete(task: TaskStatusPlus | null | undefined): boolean {
  const state = taskState(task);
  return state === 'SUCCESS' || state === 'FAILED';
}

export async function fetchKillTasks(dataSource: string, signal?: AbortSignal): Promise<TaskStatusPlus[]> {
  return druidJson('/druid/indexer/v1/tasks', z.array(taskStatusPlusSchema), {
    query: { datasource: dataSource, type: 'kill' },
    signal,
  });
}

/** Recent kill tasks of a datasource, refreshed every 2 s while one of them runs. */
export const killTasksQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.tasks(dataSource),
    queryFn: ({ signal }) => fetchKillTasks(dataSource, signal),
    refetchInterval: (query) => (query.state.data?.some((task) => !isTaskComplete(task)) ? 2000 : false),
  });

export async function fetchTaskStatus(taskId: string, signal?: AbortSignal): Promise<TaskStatusPlus | null> {
  const response = await druidJson(
    `/druid/indexer/v1/task/${encodeURIComponent(taskId)}/status`,
    taskStatusResponseSchema,
    {
      signal,
    },
  );
  return response.status ?? null;
}

/** One task's status, polled every second until it succeeds or fails. */
export const taskStatusQueryOptions = (taskId: string) =>
  queryOptions({
    queryKey: druidKeys.task(taskId),
    queryFn: ({ signal }) => fetchTaskStatus(taskId, signal),
    refetchInterval: (query) => (isTaskComplete(query.state.data) ? false : 1000),
    refetchIntervalInBackground: true,
  });

/** How far the browser's and the Overlord's clocks may disagree when comparing a task's createdTime. */
export const CLOCK_SKEW_MS = 2 * 60_000;

export interface KillTaskSearch {
  dataSource: string;
  interval: Interval;
  /** The browser's clock just before the kill request was sent. */
  requestedAt: number;
  /** Kill task ids that existed before the request (null when they could not be listed). */
  knownIds: ReadonlySet<string> | null;
  skewMs?: number;
}

/** Druid's id of a kill issued through the API: `api-issued_kill_<ds>_<8 letters a-p>_<start>_<end>_<created>`. */
export function killTaskIdParts(taskId: string, dataSource: string): { start: string; end: string } | null {
  const prefix = `api-issued_kill_${dataSource}_`;
  if (!taskId.startsWith(prefix)) return null;
  const rest = taskId.slice(prefix.length);
  const match = /^[a-p]{8}_(.+)$/.exec(rest);
  if (!match?.[1]) return null;
  // Instants contain no `_`, so the last two `_` separate end and creation time.
  const parts = match[1].split('_');
  if (parts.length < 3) return null;
  return { start: parts.slice(0, -2).join('_'), end: parts[parts.length - 2] ?? '' };
}

/**
 * The kill task a DELETE …/intervals/… request started: an `api-issued_kill_<ds>_…` task of that datasource that
 * did not exist before and was created after the request (allowing for clock skew). A task for exactly the
 * requested interval is preferred (or required); among equals, the one created closest to the request.
 */
export function findIssuedKillTask(
  tasks: readonly TaskStatusPlus[],
  search: KillTaskSearch,
  options: { requireSameInterval?: boolean } = {},
): TaskStatusPlus | null {
  const skew = search.skewMs ?? CLOCK_SKEW_MS;
  const start = formatInstant(search.interval.start);
  const end = formatInstant(search.interval.end);
  const candidates = tasks.filter((task) => {
    if (search.knownIds?.has(task.id)) return false;
    if (task.dataSource && task.dataSource !== search.dataSource) return false;
    if (!killTaskIdParts(task.id, search.dataSource)) return false;
    const created = task.createdTime ? tryParseInstant(task.createdTime) : null;
    // Without a snapshot of earlier tasks the creation time is all that tells old from new.
    if (created === null) return search.knownIds !== null;
    return created >= search.requestedAt - skew;
  });
  const sameInterval = candidates.filter((task) => {
    const parts = killTaskIdParts(task.id, search.dataSource);
    return parts?.start === start && parts.end === end;
  });
  // A Druid printing instants in another zone names the interval differently; the caller may then accept any new one.
  const pool = sameInterval.length > 0 || options.requireSameInterval ? sameInterval : candidates;
  const distance = (task: TaskStatusPlus) => {
    const created = task.createdTime ? tryParseInstant(task.createdTime) : null;
    return created === null ? Number.POSITIVE_INFINITY : Math.abs(created - search.requestedAt);
  };
  return pool.reduce<TaskStatusPlus | null>(
    (best, task) => (!best || distance(task) < distance(best) ? task : best),
    null,
  );
}
