import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import {
  COORDINATOR,
  call,
  changed,
  getJson,
  OVERLORD,
  unusedIds,
  usedIds,
  waitFor,
  wikiHourId,
} from './api-helpers.ts';

// The data directory survives a restart, and only one process may use it at a time.
const RULES = '/druid/coordinator/v1/rules';
const ROOT = new URL('../..', import.meta.url).pathname;

const running: TestCluster[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  for (const cluster of running.splice(0)) await cluster.stop();
});

async function start(options: Parameters<typeof startTestCluster>[0] = {}): Promise<TestCluster> {
  const cluster = await startTestCluster(options);
  running.push(cluster);
  return cluster;
}

async function stopKeepingData(cluster: TestCluster): Promise<void> {
  running.splice(running.indexOf(cluster), 1);
  await cluster.stop({ keepData: true });
}

interface TaskStatus {
  id: string;
  statusCode: string;
}

describe('restart on the same data directory', () => {
  it('keeps segment states, rules, audit history and tasks, and does not seed again', async () => {
    const first = await start();
    await call(first, 'DELETE', `${OVERLORD}/wikipedia_api`);
    await call(first, 'DELETE', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(3)}`);
    await call(first, 'POST', `${RULES}/kttm1`, {
      body: [{ type: 'dropForever' }],
      headers: { 'X-Druid-Author': 'before restart' },
    });
    await call(first, 'DELETE', `${COORDINATOR}/wikipedia_hour/intervals/2015-09-12T03:00:00Z_2015-09-12T04:00:00Z`);
    const [task] = await getJson<TaskStatus[]>(first, '/druid/indexer/v1/tasks?datasource=wikipedia_hour');
    await waitFor(
      async () => (await getJson<{ status: TaskStatus }>(first, `/druid/indexer/v1/task/${task?.id}/status`)).status,
      (status) => status.statusCode === 'SUCCESS',
    );
    await stopKeepingData(first);

    const second = await start({ dataDir: first.dataDir });
    expect(await usedIds(second, 'wikipedia_api')).toEqual([]);
    expect(await unusedIds(second, 'wikipedia_api')).toHaveLength(7);
    // The kill deleted hour 3 for good.
    expect(await usedIds(second, 'wikipedia_hour')).toHaveLength(23);
    expect(await unusedIds(second, 'wikipedia_hour')).toEqual([]);
    expect(await getJson(second, `${RULES}/kttm1`)).toEqual([{ type: 'dropForever' }]);
    const [entry] = await getJson<Array<{ auditInfo: { author: string } }>>(second, `${RULES}/kttm1/history?count=1`);
    expect(entry?.auditInfo.author).toBe('before restart');
    const tasks = await getJson<TaskStatus[]>(second, '/druid/indexer/v1/tasks?datasource=wikipedia_hour');
    expect(tasks).toEqual([expect.objectContaining({ id: task?.id, statusCode: 'SUCCESS' })]);
    // The seed's own history is there once, not twice.
    expect(await getJson<unknown[]>(second, `${RULES}/history?interval=2023-07-13/2023-07-19`)).toHaveLength(8);
  });

  it('finishes a kill task that was still running when the process stopped', async () => {
    const first = await start({ config: { taskDurationMs: 60_000 } });
    await call(first, 'DELETE', `${OVERLORD}/wikipedia_hour/segments/${wikiHourId(5)}`);
    await call(first, 'DELETE', `${COORDINATOR}/wikipedia_hour/intervals/2015-09-12_2015-09-13`);
    const [task] = await getJson<TaskStatus[]>(first, '/druid/indexer/v1/tasks?datasource=wikipedia_hour');
    expect(task?.statusCode).toBe('RUNNING');
    await stopKeepingData(first);

    const second = await start({ dataDir: first.dataDir, config: { taskDurationMs: 50 } });
    await waitFor(
      async () => (await getJson<{ status: TaskStatus }>(second, `/druid/indexer/v1/task/${task?.id}/status`)).status,
      (status) => status.statusCode === 'SUCCESS',
    );
    expect(await unusedIds(second, 'wikipedia_hour')).toEqual([]);
  });

  it('starts an empty cluster with seed "none" and keeps it empty', async () => {
    const first = await start({ seed: 'none' });
    expect(await getJson(first, '/druid/coordinator/v1/metadata/datasources?includeUnused')).toEqual([]);
    expect(await getJson(first, RULES)).toEqual({
      _default: [{ tieredReplicants: { _default_tier: 2 }, type: 'loadForever' }],
    });
    expect((await call(first, 'DELETE', `${OVERLORD}/anything`)).json()).toEqual(changed(0));
  });
});

/** Runs the real server on `dataDir`; resolves with its exit code and output, or 'listening' once it serves. */
function runServer(dataDir: string): Promise<{ code: number | 'listening'; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--data', dataDir, '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, DRUID_CONSOLE_SKIP_BUILD: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Druid Data Console at http://')) resolve({ code: 'listening', output });
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code) => resolve({ code: code ?? -1, output }));
  });
}

describe('one process per data directory', () => {
  it('refuses a second process with a clear message while a cluster holds the directory', async () => {
    const cluster = await start();
    const result = await runServer(cluster.dataDir);
    expect(result.code).toBe(1);
    expect(result.output).toContain(`The data directory ${cluster.dataDir} is in use by process ${process.pid}`);
    expect(result.output).toContain('--data');
    expect(result.output).toContain(`delete ${cluster.dataDir}/lock`);
    // The refused process changed nothing.
    expect(await usedIds(cluster, 'wikipedia_hour')).toHaveLength(24);
  }, 30_000);

  it('lets the next process in once the cluster has stopped', async () => {
    const cluster = await start();
    await stopKeepingData(cluster);
    try {
      const result = await runServer(cluster.dataDir);
      expect(result.code).toBe('listening');
    } finally {
      for (const child of children.splice(0)) child.kill();
      await new Promise((resolve) => setTimeout(resolve, 200));
      rmSync(cluster.dataDir, { recursive: true, force: true });
    }
  }, 30_000);

  it('takes over a stale lock left by a process that died', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'druid-console-stale-'));
    // No process can have this ID (above Linux's pid_max).
    writeFileSync(join(dataDir, 'lock'), '99999999');
    const cluster = await start({ dataDir });
    expect(await usedIds(cluster, 'kttm1')).toHaveLength(14);
  });
});
