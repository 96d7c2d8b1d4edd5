import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { call, getJson, OVERLORD, segmentId } from './api-helpers.ts';
import {
  DAY,
  finishedTask,
  postConfig,
  publishUnusedDays,
  runAutoKill,
  testClock,
  unusedCount,
} from './auto-kill-helpers.ts';

// The Coordinator's KillUnusedSegments duty (druid-kill-lifecycle.md), run with POST /local-cluster/coordinator/
// kill-unused-segments and a clock the test moves: no timer, no sleep.
const HALF_HOUR = 1800_000;
const autoKillId = (ds: string, start: string, end: string, now: string) =>
  new RegExp(`^coordinator-issued_kill_${ds}_[a-p]{8}_${start}T00:00:00\\.000Z_${end}T00:00:00\\.000Z_${now}$`);

describe('kill off (Druid’s default)', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster({ seed: 'none' });
  });
  afterAll(() => cluster.stop());

  it('never runs, and /status/properties is empty without a properties file', async () => {
    expect(await runAutoKill(cluster)).toMatchObject({ ran: false, reason: 'druid.coordinator.kill.on is false' });
    expect(await getJson(cluster, '/status/properties')).toEqual({});
  });
});

describe('with kill on: retention, buffer period, maxSegments, period and whitelist', () => {
  const clock = testClock('2025-06-01T00:00:00.000Z');
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster({
      seed: 'none',
      now: clock.now,
      properties: {
        'druid.coordinator.kill.on': 'true',
        'druid.coordinator.kill.maxSegments': '4',
        'druid.worker.capacity': '10',
        'druid.metadata.storage.connector.password': 'diurd',
      },
    });
    // Marked unused on 2025-06-01: old_logs (January 2025) and recent (December 2025).
    await publishUnusedDays(cluster, 'old_logs', '2025-01-01', 10);
    await publishUnusedDays(cluster, 'recent', '2025-12-20', 5);
    // Marked unused on 2025-12-15: inside the 30-day buffer on 2026-01-01.
    clock.set('2025-12-15T00:00:00.000Z');
    await publishUnusedDays(cluster, 'fresh_unused', '2024-03-01', 3);
    clock.set('2026-01-01T00:00:00.000Z');
  });
  afterAll(() => cluster.stop());

  it('shows the given properties at /status/properties, secrets hidden, Router and Coordinator alike', async () => {
    const expected = {
      'druid.coordinator.kill.on': 'true',
      'druid.coordinator.kill.maxSegments': '4',
      'druid.worker.capacity': '10',
    };
    expect(await getJson(cluster, '/status/properties')).toEqual(expected);
    expect(await getJson(cluster, '/proxy/coordinator/status/properties')).toEqual(expected);
  });

  it('kills the oldest maxSegments eligible segments of the first datasource, within ⌊10 × 0.1⌋ = 1 slot', async () => {
    const report = await runAutoKill(cluster);
    // fresh_unused: marked unused inside the buffer period; old_logs: 10 eligible, the first 4 taken; the one slot
    // is then used, so `recent` is not looked at.
    expect(report).toMatchObject({
      ran: true,
      maxSlots: 1,
      availableSlots: 1,
      submittedTasks: 1,
      eligibleUnusedSegments: { fresh_unused: 0, old_logs: 4 },
    });
    const [id] = report.taskIds;
    expect(id).toMatch(autoKillId('old_logs', '2025-01-01', '2025-01-05', '2026-01-01T00:00:00\\.000Z'));
    const task = await finishedTask(cluster, id ?? '');
    expect(task).toEqual({
      statusCode: 'SUCCESS',
      report: { type: 'killUnusedSegments', taskId: id, payload: { numSegmentsKilled: 4, numBatchesProcessed: 1 } },
    });
    expect(await unusedCount(cluster, 'old_logs')).toBe(6);
    // Its spec carries the duty's limit and buffer (now − P30D), which the kill API's tasks leave null.
    const spec = await getJson<{ task: string; payload: Record<string, unknown> }>(
      cluster,
      `/druid/indexer/v1/task/${encodeURIComponent(id ?? '')}`,
    );
    expect(spec).toEqual({
      task: id,
      payload: expect.objectContaining({
        type: 'kill',
        dataSource: 'old_logs',
        interval: '2025-01-01T00:00:00.000Z/2025-01-05T00:00:00.000Z',
        limit: 4,
        maxUsedStatusLastUpdatedTime: '2025-12-02T00:00:00.000Z',
      }),
    });
    // A real kill task in the tasks API, told apart from api-issued ones by its prefix.
    const tasks = await getJson<Array<{ id: string; type: string }>>(cluster, '/druid/indexer/v1/tasks?type=kill');
    expect(tasks.map((t) => t.id)).toEqual([id]);
  });

  it('waits for druid.coordinator.kill.period (the indexing period, PT1800S) before the next run', async () => {
    expect(await runAutoKill(cluster)).toMatchObject({ ran: false, submittedTasks: 0 });
    clock.advance(HALF_HOUR - 1);
    expect((await runAutoKill(cluster)).ran).toBe(false);
    clock.advance(1);
    const report = await runAutoKill(cluster);
    // The next task starts where the last one of the datasource ended.
    expect(report.taskIds[0]).toMatch(autoKillId('old_logs', '2025-01-05', '2025-01-09', '2026-01-01T00:30:00\\.000Z'));
    expect((await finishedTask(cluster, report.taskIds[0] ?? '')).report.payload.numSegmentsKilled).toBe(4);
    expect(await unusedCount(cluster, 'old_logs')).toBe(2);
  });

  it('keeps segments ending within durationToRetain (P90D): recent is never eligible', async () => {
    await postConfig(cluster, { killDataSourceWhitelist: 'recent' });
    clock.advance(HALF_HOUR);
    expect(await runAutoKill(cluster)).toMatchObject({
      ran: true,
      submittedTasks: 0,
      eligibleUnusedSegments: { recent: 0 },
    });
    expect(await unusedCount(cluster, 'recent')).toBe(5);
  });

  it('kills what the buffer period (P30D, inclusive) protected once it has passed', async () => {
    await postConfig(cluster, { killDataSourceWhitelist: ['fresh_unused'] });
    // Marked unused on 2025-12-15T00:00:00.000Z: one millisecond short of 30 days.
    clock.set('2026-01-13T23:59:59.999Z');
    expect(await runAutoKill(cluster)).toMatchObject({ ran: true, eligibleUnusedSegments: { fresh_unused: 0 } });
    clock.advance(HALF_HOUR);
    const report = await runAutoKill(cluster);
    expect(report.eligibleUnusedSegments).toEqual({ fresh_unused: 3 });
    await finishedTask(cluster, report.taskIds[0] ?? '');
    expect(await unusedCount(cluster, 'fresh_unused')).toBe(0);
  });
});

describe('segments of one interval marked unused at different times', () => {
  const clock = testClock('2025-06-01T00:00:00.000Z');
  let cluster: TestCluster;
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const version = '2024-01-01T00:00:00.000Z';
  const id = (partition: number) => segmentId('parts', start, start + DAY, version, partition);
  beforeAll(async () => {
    cluster = await startTestCluster({
      seed: 'none',
      now: clock.now,
      properties: { 'druid.coordinator.kill.on': 'true', 'druid.worker.capacity': '10' },
    });
    const segments = [0, 1, 2].map((partitionNum) => ({
      dataSource: 'parts',
      interval: '2025-01-01/2025-01-02',
      version,
      partitionNum,
      partitions: 3,
    }));
    expect((await call(cluster, 'POST', '/local-cluster/segments', { body: segments })).status).toBe(200);
  });
  afterAll(() => cluster.stop());

  const markUnused = async (partition: number) => {
    const path = `${OVERLORD}/parts/segments/${encodeURIComponent(id(partition))}`;
    expect((await call(cluster, 'DELETE', path)).json()).toMatchObject({ numChangedSegments: 1 });
  };

  it('counts and kills only the segments past the buffer, the others two runs after they are', async () => {
    await markUnused(0);
    clock.set('2025-06-21T00:00:00.000Z');
    await markUnused(1);
    await markUnused(2);
    clock.set('2025-07-02T00:00:00.000Z');
    const first = await runAutoKill(cluster);
    expect(first.eligibleUnusedSegments).toEqual({ parts: 1 });
    // The task's buffer keeps the two segments marked later, though they share its interval.
    expect((await finishedTask(cluster, first.taskIds[0] ?? '')).report.payload.numSegmentsKilled).toBe(1);
    expect(await unusedCount(cluster, 'parts')).toBe(2);
    // Druid looks only at segments starting at or after where the datasource's last task ended (2025-01-02), so the
    // next run finds nothing and forgets that position; the run after it finds the two.
    clock.set('2025-07-21T00:00:00.000Z');
    expect((await runAutoKill(cluster)).eligibleUnusedSegments).toEqual({ parts: 0 });
    clock.advance(HALF_HOUR);
    const third = await runAutoKill(cluster);
    expect(third.eligibleUnusedSegments).toEqual({ parts: 2 });
    await finishedTask(cluster, third.taskIds[0] ?? '');
    expect(await unusedCount(cluster, 'parts')).toBe(0);
  });
});

describe('ignoreDurationToRetain and the kill task slots', () => {
  const clock = testClock('2025-06-01T00:00:00.000Z');
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster({
      seed: 'none',
      now: clock.now,
      // Tasks stay RUNNING, so they hold their slots.
      config: { taskDurationMs: 600_000 },
      properties: {
        'druid.coordinator.kill.on': 'true',
        'druid.coordinator.kill.ignoreDurationToRetain': 'true',
        'druid.worker.capacity': '10',
      },
    });
    for (const ds of ['a_logs', 'b_logs', 'c_logs', 'd_logs']) await publishUnusedDays(cluster, ds, '2025-12-01', 2);
    clock.set('2026-01-01T00:00:00.000Z');
  });
  afterAll(() => cluster.stop());

  it('takes min(⌊capacity × killTaskSlotRatio⌋, maxKillTaskSlots) slots, less the auto-kill tasks running', async () => {
    await postConfig(cluster, { killTaskSlotRatio: 1, maxKillTaskSlots: 2 });
    const first = await runAutoKill(cluster);
    // December segments are eligible: durationToRetain is ignored.
    expect(first).toMatchObject({ ran: true, maxSlots: 2, availableSlots: 2, submittedTasks: 2 });
    expect(first.taskIds.map((id) => id.split('_')[2])).toEqual(['a', 'b']);
    // An API kill task runs too, but only coordinator-issued ones hold auto-kill slots.
    expect((await call(cluster, 'DELETE', '/druid/coordinator/v1/datasources/d_logs/intervals/2025_2026')).status).toBe(
      200,
    );
    clock.advance(HALF_HOUR);
    expect(await runAutoKill(cluster)).toMatchObject({
      ran: false,
      reason: 'no kill task slot available',
      maxSlots: 2,
      availableSlots: 0,
    });
    expect(await getJson(cluster, '/druid/indexer/v1/totalWorkerCapacity')).toEqual({
      currentClusterCapacity: 10,
      usedClusterCapacity: 3,
      maximumCapacityWithAutoScale: 10,
    });
    // A run without slots does not restart the period: with one more slot the next call runs at once.
    await postConfig(cluster, { maxKillTaskSlots: 3 });
    const third = await runAutoKill(cluster);
    expect(third).toMatchObject({ ran: true, availableSlots: 1, submittedTasks: 1 });
    expect(third.taskIds[0]).toMatch(/^coordinator-issued_kill_c_logs_/);
  });

  it('a ratio of 0 allows no auto-kill task at all', async () => {
    await postConfig(cluster, { killTaskSlotRatio: 0 });
    clock.advance(HALF_HOUR);
    expect(await runAutoKill(cluster)).toMatchObject({ ran: false, maxSlots: 0, availableSlots: 0 });
  });
});

describe('the Overlord’s embedded kill (druid.manager.segments.killUnused.enabled)', () => {
  const clock = testClock('2025-06-01T00:00:00.000Z');
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster({
      seed: 'none',
      now: clock.now,
      properties: { 'druid.manager.segments.killUnused.enabled': 'true' },
    });
    await publishUnusedDays(cluster, 'old_logs', '2025-01-01', 3);
    clock.set('2025-12-15T00:00:00.000Z');
    await publishUnusedDays(cluster, 'fresh_unused', '2024-03-01', 2);
    clock.set('2026-01-01T00:00:00.000Z');
  });
  afterAll(() => cluster.stop());

  it('kills every unused segment older than its buffer (P30D), with no task in the tasks API', async () => {
    const response = await call(cluster, 'POST', '/local-cluster/overlord/kill-unused-segments');
    expect(response.json()).toEqual({ ran: true, killedSegments: 3, killedIntervals: 3 });
    expect(await unusedCount(cluster, 'old_logs')).toBe(0);
    expect(await unusedCount(cluster, 'fresh_unused')).toBe(2);
    expect(await getJson(cluster, '/druid/indexer/v1/tasks')).toEqual([]);
    // The Coordinator's duty stays off.
    expect((await runAutoKill(cluster)).ran).toBe(false);
    clock.advance(30 * DAY);
    const later = await call(cluster, 'POST', '/local-cluster/overlord/kill-unused-segments');
    expect(later.json()).toMatchObject({ killedSegments: 2 });
  });
});
