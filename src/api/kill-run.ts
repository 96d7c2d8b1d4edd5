import type { Interval } from '../druid/interval.ts';
import { killUnusedSegments } from './kill.ts';
import { fetchKillTasks, findIssuedKillTask, type TaskStatusPlus } from './tasks.ts';

export interface KillSubmission {
  dataSource: string;
  interval: Interval;
  /** The browser's clock just before the request. */
  requestedAt: number;
  /** The kill task Druid started, or null when it could not be found. */
  task: TaskStatusPlus | null;
}

export interface SubmitKillOptions {
  /** How many times to list kill tasks looking for the new one (Druid may queue it with a delay). */
  attempts?: number;
  delayMs?: number;
  signal?: AbortSignal;
  /** Called once Druid has accepted the kill request, before the task is looked for. */
  onAccepted?: (requestedAt: number) => void;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/**
 * Sends the kill and finds the task it started: Druid's answer carries no task id, so the kill tasks listed before
 * the request are remembered and the new `api-issued_kill_<ds>_…` task is looked for afterwards.
 */
export async function submitKill(
  dataSource: string,
  interval: Interval,
  options: SubmitKillOptions = {},
): Promise<KillSubmission> {
  const attempts = options.attempts ?? 15;
  let knownIds: Set<string> | null = null;
  try {
    knownIds = new Set((await fetchKillTasks(dataSource, options.signal)).map((task) => task.id));
  } catch {
    // Listing tasks may be forbidden or fail; the creation time still tells the new task apart.
  }
  const requestedAt = Date.now();
  await killUnusedSegments(dataSource, interval);
  options.onAccepted?.(requestedAt);
  const search = { dataSource, interval, requestedAt, knownIds };
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(options.delayMs ?? 1000, options.signal);
    let tasks: TaskStatusPlus[];
    try {
      tasks = await fetchKillTasks(dataSource, options.signal);
    } catch {
      continue;
    }
    // Only in the last attempts accept a new task whose id names the interval differently.
    const task = findIssuedKillTask(tasks, search, { requireSameInterval: attempt < attempts - 3 });
    if (task) return { ...search, task };
  }
  return { ...search, task: null };
}
