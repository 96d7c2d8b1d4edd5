import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  COORDINATOR,
  call,
  ds,
  getJson,
  METADATA,
  OVERLORD,
  type SegmentPlus,
  unusedIds,
  usedIds,
  waitFor,
  wikiHourId,
} from './api-helpers.ts';

// Kill = an asynchronous task that deletes UNUSED segments fully inside an interval (druid-api.md §2.3 g, h; §6.3).
// One cluster for the file (start-up writes hundreds of deep-storage files); each test uses its own datasource or hours.
let cluster: TestCluster;
beforeAll(async () => {
  // Long enough that the task is reliably seen RUNNING before it finishes.
  cluster = await startTestCluster({ config: { taskDurationMs: 400 } });
});
afterAll(() => cluster.stop());

interface TaskStatusPlus {
  id: string;
  type: string;
  statusCode: string;
  status: string;
  runnerStatusCode: string;
  duration: number | null;
  dataSource: string;
  createdTime: string;
  errorMsg: string | null;
}

const killTasks = (dataSource: string) =>
  getJson<TaskStatusPlus[]>(cluster, `/druid/indexer/v1/tasks?datasource=${ds(dataSource)}&type=kill`);

async function taskStatus(id: string): Promise<TaskStatusPlus> {
  const body = await getJson<{ task: string; status: TaskStatusPlus }>(
    cluster,
    `/druid/indexer/v1/task/${encodeURIComponent(id)}/status`,
  );
  expect(body.task).toBe(id);
  return body.status;
}

async function loadSpecPaths(dataSource: string): Promise<Map<string, string>> {
  const rows = await getJson<SegmentPlus[]>(cluster, `${METADATA}/datasources/${ds(dataSource)}/unusedSegments`);
  return new Map(rows.map((row) => [row.dataSegment.identifier, row.dataSegment.loadSpec.path]));
}

it('deletes only unused segments fully inside the interval, metadata and deep-storage files', async () => {
  // Hours 0–5 and 10 unused; the kill interval ends at 10:30, so hour 10 only overlaps it.
  await call(cluster, 'POST', `${OVERLORD}/wikipedia_hour/markUnused`, {
    body: { interval: '2015-09-12T00:00:00Z/2015-09-12T06:00:00Z' },
  });
  await call(cluster, 'DELETE', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(10)}`);
  const paths = await loadSpecPaths('wikipedia_hour');
  expect(paths.size).toBe(7);
  for (const path of paths.values()) expect(existsSync(path), path).toBe(true);
  const usedBefore = await usedIds(cluster, 'wikipedia_hour');

  const response = await call(
    cluster,
    'DELETE',
    `${COORDINATOR}/wikipedia_hour/intervals/2015-09-12T00:00:00.000Z_2015-09-12T10:30:00.000Z`,
  );
  expect(response.status).toBe(200);
  expect(response.text).toBe('');

  const [task, ...others] = await killTasks('wikipedia_hour');
  expect(others).toEqual([]);
  expect(task?.id).toMatch(
    /^api-issued_kill_wikipedia_hour_[a-p]{8}_2015-09-12T00:00:00\.000Z_2015-09-12T10:30:00\.000Z_\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
  );
  expect(task).toMatchObject({ type: 'kill', dataSource: 'wikipedia_hour', statusCode: 'RUNNING', status: 'RUNNING' });
  const id = task?.id ?? '';
  expect((await taskStatus(id)).statusCode).toBe('RUNNING');

  const done = await waitFor(
    () => taskStatus(id),
    (status) => status.statusCode !== 'RUNNING',
  );
  expect(done).toMatchObject({ statusCode: 'SUCCESS', status: 'SUCCESS', runnerStatusCode: 'NONE', errorMsg: null });
  expect(done.duration).toBeGreaterThanOrEqual(0);

  expect(await unusedIds(cluster, 'wikipedia_hour')).toEqual([wikiHourId(10)]);
  expect(await usedIds(cluster, 'wikipedia_hour')).toEqual(usedBefore);
  for (const [segment, path] of paths) expect(existsSync(path), segment).toBe(segment === wikiHourId(10));
  const gone = await call(
    cluster,
    'GET',
    `${METADATA}/datasources/wikipedia_hour/segments/${wikiHourId(0)}?includeUnused=true`,
  );
  expect(gone.status).toBe(404);
});

it('never deletes used segments, even when the interval covers them', async () => {
  const response = await call(cluster, 'DELETE', `${COORDINATOR}/wikipedia_api/intervals/2000-01-01_2100-01-01`);
  expect(response.status).toBe(200);
  const [task] = await killTasks('wikipedia_api');
  await waitFor(
    () => taskStatus(task?.id ?? ''),
    (status) => status.statusCode === 'SUCCESS',
  );
  expect(await usedIds(cluster, 'wikipedia_api')).toHaveLength(7);
});

it('accepts the interval with a percent-encoded slash instead of the underscore', async () => {
  await call(cluster, 'DELETE', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(14)}`);
  const interval = encodeURIComponent('2015-09-12T14:00:00.000Z/2015-09-12T15:00:00.000Z');
  expect((await call(cluster, 'DELETE', `${COORDINATOR}/wikipedia_hour/intervals/${interval}`)).status).toBe(200);
  await waitFor(
    () => unusedIds(cluster, 'wikipedia_hour', '?interval=2015-09-12T14:00:00.000Z/2015-09-12T15:00:00.000Z'),
    (ids) => ids.length === 0,
  );
  expect(await usedIds(cluster, 'wikipedia_hour')).toHaveLength(16);
});

it('the deprecated DELETE /:ds?kill=true&interval= submits the same kill task', async () => {
  const response = await call(
    cluster,
    'DELETE',
    `${COORDINATOR}/social_media?kill=TRUE&interval=2020-01-01_2021-01-01`,
  );
  expect(response.status).toBe(200);
  expect(response.text).toBe('');
  const [task] = await killTasks('social_media');
  expect(task?.id).toMatch(
    /^api-issued_kill_social_media_[a-p]{8}_2020-01-01T00:00:00\.000Z_2021-01-01T00:00:00\.000Z_/,
  );
  await waitFor(
    () => taskStatus(task?.id ?? ''),
    (status) => status.statusCode === 'SUCCESS',
  );
  // 2020's twelve unused months are gone; kill=true marks nothing unused.
  expect(await unusedIds(cluster, 'social_media')).toHaveLength(13);
  expect(await usedIds(cluster, 'social_media')).toHaveLength(11);
});

it('answers 200 for a datasource that does not exist; the task succeeds doing nothing', async () => {
  expect((await call(cluster, 'DELETE', `${COORDINATOR}/nowhere/intervals/2015-09-12_2015-09-13`)).status).toBe(200);
  const [task] = await killTasks('nowhere');
  const done = await waitFor(
    () => taskStatus(task?.id ?? ''),
    (status) => status.statusCode !== 'RUNNING',
  );
  expect(done.statusCode).toBe('SUCCESS');
});

describe('errors', () => {
  it.each([
    ['an end before the start', `${COORDINATOR}/sales_events/intervals/2015-09-13_2015-09-12`],
    ['text that is no interval', `${COORDINATOR}/sales_events/intervals/yesterday`],
    ['the deprecated form with a bad interval', `${COORDINATOR}/sales_events?kill=true&interval=%3F%3F%3F`],
    ['the deprecated form without an interval', `${COORDINATOR}/sales_events?kill=true`],
  ])('%s: HTML 500 and no task', async (_label, path) => {
    const response = await call(cluster, 'DELETE', path);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.text).toContain('HTTP ERROR 500');
    expect(await killTasks('sales_events')).toEqual([]);
    // Nor does a failed kill fall back to marking anything unused.
    expect(await usedIds(cluster, 'sales_events')).toHaveLength(120);
  });

  it('names the bad interval in the HTML page', async () => {
    const response = await call(cluster, 'DELETE', `${COORDINATOR}/wikipedia_hour/intervals/2015-09-13_2015-09-12`);
    expect(response.text).toContain(
      'Bad interval[2015-09-13/2015-09-12]: [The end instant must be greater than the start instant]',
    );
  });

  it('an unknown task ID is a 400 with Druid text', async () => {
    const response = await call(cluster, 'GET', '/druid/indexer/v1/task/no_such_task/status');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/plain');
    expect(response.text).toBe('Cannot find any task with id: [no_such_task]');
  });

  it('a bad task state filter is a 400 with Druid text', async () => {
    const response = await call(cluster, 'GET', '/druid/indexer/v1/tasks?state=finished');
    expect(response.status).toBe(400);
    expect(response.text).toBe('Invalid task state[finished]. Must be one of [pending, waiting, running, complete].');
  });
});

it('filters tasks by state and lists the newest first', async () => {
  await call(cluster, 'DELETE', `${COORDINATOR}/kttm1/intervals/2019-08-25_2019-08-26`);
  const [first] = await killTasks('kttm1');
  await waitFor(
    () => taskStatus(first?.id ?? ''),
    (status) => status.statusCode === 'SUCCESS',
  );
  await call(cluster, 'DELETE', `${COORDINATOR}/kttm1/intervals/2019-08-26_2019-08-27`);
  const all = await killTasks('kttm1');
  expect(all.map((task) => task.statusCode)).toEqual(['RUNNING', 'SUCCESS']);
  expect(all[1]?.id).toBe(first?.id);
  const running = await getJson<TaskStatusPlus[]>(cluster, '/druid/indexer/v1/tasks?state=RUNNING&datasource=kttm1');
  expect(running.map((task) => task.id)).toEqual([all[0]?.id]);
  const complete = await getJson<TaskStatusPlus[]>(cluster, '/druid/indexer/v1/tasks?state=complete&datasource=kttm1');
  expect(complete.map((task) => task.id)).toEqual([first?.id]);
  const newest = await getJson<TaskStatusPlus[]>(cluster, '/druid/indexer/v1/tasks?datasource=kttm1&max=1');
  expect(newest.map((task) => task.id)).toEqual([all[0]?.id]);
});
