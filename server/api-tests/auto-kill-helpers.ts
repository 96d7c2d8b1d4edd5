import { expect } from 'vitest';
import type { TestCluster } from '../testing/test-cluster.ts';
import { call, getJson, waitFor } from './api-helpers.ts';

/** Helpers of the auto-kill API tests: a clock the test moves, daily segments, the duty run on demand. */

export const DAY = 86_400_000;

/** A test-controlled clock: segments marked unused now get `used_status_last_updated` = its time. */
export function testClock(start: string) {
  let now = Date.parse(start);
  return {
    now: () => now,
    set: (iso: string) => {
      now = Date.parse(iso);
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/**
 * Publishes `days` daily segments of `dataSource` from `firstDay` and marks them unused through the Overlord API,
 * so their `used_status_last_updated` is the clock's time.
 */
export async function publishUnusedDays(cluster: TestCluster, dataSource: string, firstDay: string, days: number) {
  const start = Date.parse(`${firstDay}T00:00:00.000Z`);
  const end = start + days * DAY;
  const segments = Array.from({ length: days }, (_, i) => ({
    dataSource,
    interval: `${new Date(start + i * DAY).toISOString()}/${new Date(start + (i + 1) * DAY).toISOString()}`,
    version: '2024-01-01T00:00:00.000Z',
  }));
  const published = await call(cluster, 'POST', '/local-cluster/segments', { body: segments });
  expect(published.status, published.text).toBe(200);
  const interval = `${new Date(start).toISOString()}/${new Date(end).toISOString()}`;
  const marked = await call(cluster, 'POST', `/druid/indexer/v1/datasources/${dataSource}/markUnused`, {
    body: { interval },
  });
  expect(marked.json()).toEqual({ numChangedSegments: days, segmentStateChanged: true });
}

// The run report's shape is the duty's own: a second copy here could drift from what the endpoint answers.
import type { AutoKillReport } from '../cluster/auto-kill-duty.ts';

export type { AutoKillReport };

export async function runAutoKill(cluster: TestCluster): Promise<AutoKillReport> {
  const response = await call(cluster, 'POST', '/local-cluster/coordinator/kill-unused-segments');
  expect(response.status).toBe(200);
  return response.json<AutoKillReport>();
}

export async function postConfig(cluster: TestCluster, body: unknown) {
  const response = await call(cluster, 'POST', '/druid/coordinator/v1/config', { body });
  expect(response.status, response.text).toBe(200);
}

export async function unusedCount(cluster: TestCluster, dataSource: string): Promise<number> {
  const rows = await getJson<unknown[]>(
    cluster,
    `/druid/coordinator/v1/metadata/datasources/${encodeURIComponent(dataSource)}/unusedSegments`,
  );
  return rows.length;
}

interface TaskStatus {
  id: string;
  statusCode: string;
}

/** Waits for the task to finish and answers its status and kill report. */
export async function finishedTask(cluster: TestCluster, id: string) {
  const path = `/druid/indexer/v1/task/${encodeURIComponent(id)}`;
  const status = await waitFor(
    () => getJson<{ status: TaskStatus }>(cluster, `${path}/status`),
    (body) => body.status.statusCode !== 'RUNNING',
  );
  const report = await getJson<{ killUnusedSegments: { payload: { numSegmentsKilled: number } } }>(
    cluster,
    `${path}/reports`,
  );
  return { statusCode: status.status.statusCode, report: report.killUnusedSegments };
}
