/**
 * Every kill task the Overlord knows of, manual (`api-issued_…`) and automatic (the Coordinator's, and Druid 34's
 * Overlord kill), with the interval read from the task ID and the segments killed from its report.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { tryParseInstant } from '../druid/instant.ts';
import type { Interval } from '../druid/interval.ts';
import { druidJson } from './client.ts';
import { isDruidApiError } from './druid-api-error.ts';
import { isTaskComplete, type TaskStatusPlus, taskStatusPlusSchema } from './tasks.ts';

export const killHistoryKeys = {
  list: (max: number) => ['druid', 'kill-history', max] as const,
  report: (taskId: string) => ['druid', 'kill-history', 'report', taskId] as const,
};

export type KillIssuer = 'manual' | 'automatic' | 'unknown';

export interface KillTaskEntry {
  task: TaskStatusPlus;
  issuer: KillIssuer;
  /** From the ID (`<prefix>_kill_<ds>_<random>_<start>_<end>_<created>`); null for other ID forms. */
  interval: Interval | null;
  intervalText: string | null;
}

/** `api-issued` kills come from the kill API (a person or a script); the Coordinator's duty uses its own prefix. */
export function killIssuer(taskId: string): KillIssuer {
  if (taskId.startsWith('api-issued_')) return 'manual';
  if (taskId.startsWith('coordinator-issued_') || taskId.startsWith('kill_')) return 'automatic';
  return 'unknown';
}

export function killTaskInterval(taskId: string, dataSource: string | null | undefined) {
  if (!dataSource) return null;
  const marker = `kill_${dataSource}_`;
  const at = taskId.indexOf(marker);
  if (at < 0) return null;
  const match = /^[a-p]{8}_(.+)$/.exec(taskId.slice(at + marker.length));
  const parts = match?.[1]?.split('_') ?? [];
  if (parts.length < 3) return null;
  const startText = parts.slice(0, -2).join('_');
  const endText = parts[parts.length - 2] ?? '';
  const start = tryParseInstant(startText);
  const end = tryParseInstant(endText);
  if (start === null || end === null) return null;
  return { interval: { start, end }, text: `${startText}/${endText}` };
}

export function toKillTaskEntry(task: TaskStatusPlus): KillTaskEntry {
  const parsed = killTaskInterval(task.id, task.dataSource);
  return {
    task,
    issuer: killIssuer(task.id),
    interval: parsed?.interval ?? null,
    intervalText: parsed?.text ?? null,
  };
}

/** Newest first; `max` bounds the completed ones (Druid's `max`), running ones all come. */
export async function fetchKillHistory(max: number, signal?: AbortSignal): Promise<KillTaskEntry[]> {
  const tasks = await druidJson('/druid/indexer/v1/tasks', z.array(taskStatusPlusSchema), {
    query: { type: 'kill', max },
    signal,
  });
  return tasks
    .filter((task) => (task.type ?? 'kill') === 'kill')
    .sort((a, b) => ((a.createdTime ?? '') < (b.createdTime ?? '') ? 1 : -1))
    .map(toKillTaskEntry);
}

export const killHistoryQueryOptions = (max: number) =>
  queryOptions({
    queryKey: killHistoryKeys.list(max),
    queryFn: ({ signal }) => fetchKillHistory(max, signal),
    // Follow running tasks, and the Coordinator's next automatic ones.
    refetchInterval: (query) => (query.state.data?.some((entry) => !isTaskComplete(entry.task)) ? 2000 : 10_000),
  });

const killReportSchema = z.looseObject({
  killUnusedSegments: z
    .looseObject({ payload: z.looseObject({ numSegmentsKilled: z.number().nullish() }).nullish() })
    .nullish(),
});

/** Segments killed according to the task's report; null when Druid keeps no report (older releases) or none says. */
export async function fetchSegmentsKilled(taskId: string, signal?: AbortSignal): Promise<number | null> {
  try {
    const report = await druidJson(`/druid/indexer/v1/task/${encodeURIComponent(taskId)}/reports`, killReportSchema, {
      signal,
    });
    return report.killUnusedSegments?.payload?.numSegmentsKilled ?? null;
  } catch (error) {
    if (isDruidApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** A completed task's report never changes. */
export const segmentsKilledQueryOptions = (taskId: string) =>
  queryOptions({
    queryKey: killHistoryKeys.report(taskId),
    queryFn: ({ signal }) => fetchSegmentsKilled(taskId, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** The latest automatic kill's creation time: where the next run of the duty is counted from. */
export function lastAutomaticKillAt(entries: readonly KillTaskEntry[]): number | null {
  let latest: number | null = null;
  for (const entry of entries) {
    if (entry.issuer !== 'automatic' || !entry.task.createdTime) continue;
    const at = tryParseInstant(entry.task.createdTime);
    if (at !== null && (latest === null || at > latest)) latest = at;
  }
  return latest;
}
