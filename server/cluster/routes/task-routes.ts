import type { Hono } from 'hono';
import { type ClusterContext, runtimeOf } from '../context.ts';
import { findTask, listTasks, taskReport, taskStatusPlus } from '../tasks.ts';
import { jsonResponse, rawJsonResponse, textResponse } from './http.ts';

const STATES = ['pending', 'waiting', 'running', 'complete'] as const;

/** The Overlord's task APIs the console needs to follow a kill task, its report and the cluster's task slots. */
export function registerTaskRoutes(app: Hono, ctx: ClusterContext): void {
  app.get('/druid/indexer/v1/tasks', (c) => {
    const stateText = c.req.query('state');
    const state = stateText === undefined ? undefined : STATES.find((s) => s === stateText.toLowerCase());
    if (stateText !== undefined && !state) {
      return textResponse(
        400,
        `Invalid task state[${stateText}]. Must be one of [pending, waiting, running, complete].`,
      );
    }
    const maxText = c.req.query('max');
    const rows = listTasks(ctx.db, {
      dataSource: c.req.query('datasource'),
      type: c.req.query('type'),
      state,
      max: maxText === undefined ? undefined : Math.max(0, Number(maxText) || 0),
    });
    return jsonResponse(200, rows.map(taskStatusPlus));
  });

  app.get('/druid/indexer/v1/task/:taskId/status', (c) => {
    const id = c.req.param('taskId');
    const task = findTask(ctx.db, id);
    // TaskResourceFilter rejects unknown IDs before the resource's own 404 can run.
    if (!task) return textResponse(400, `Cannot find any task with id: [${id}]`);
    return jsonResponse(200, { task: id, status: taskStatusPlus(task) });
  });

  // The task's spec as submitted: for a kill task its interval, limit and maxUsedStatusLastUpdatedTime.
  app.get('/druid/indexer/v1/task/:taskId', (c) => {
    const id = c.req.param('taskId');
    const task = findTask(ctx.db, id);
    if (!task) return textResponse(400, `Cannot find any task with id: [${id}]`);
    return rawJsonResponse(`{"task":${JSON.stringify(id)},"payload":${task.payload}}`);
  });

  app.get('/druid/indexer/v1/task/:taskId/reports', (c) => {
    const id = c.req.param('taskId');
    if (!findTask(ctx.db, id)) return textResponse(400, `Cannot find any task with id: [${id}]`);
    const report = taskReport(ctx.db, id);
    if (report === null) {
      const message =
        'No task reports were found for this task. The task may not exist, or it may not have completed yet.';
      return textResponse(404, message);
    }
    return rawJsonResponse(report);
  });

  // The local cluster is one worker of `druid.worker.capacity` slots, without autoscaling.
  app.get('/druid/indexer/v1/totalWorkerCapacity', () => {
    const capacity = runtimeOf(ctx.config).workerCapacity;
    const used = listTasks(ctx.db, { state: 'running' }).length;
    return jsonResponse(200, {
      currentClusterCapacity: capacity,
      usedClusterCapacity: used,
      maximumCapacityWithAutoScale: capacity,
    });
  });

  app.post('/druid/indexer/v1/taskStatus', async (c) => {
    const text = await c.req.text();
    let ids: unknown = null;
    try {
      ids = text.trim() ? JSON.parse(text) : null;
    } catch {
      return jsonResponse(400, { error: 'Malformed JSON in request body' });
    }
    if (!Array.isArray(ids) || ids.length === 0) return textResponse(400, 'No Task IDs provided.');
    const result: Record<string, unknown> = {};
    for (const id of ids) {
      const task = typeof id === 'string' ? findTask(ctx.db, id) : undefined;
      if (task) result[id as string] = taskStatusPlus(task);
    }
    return jsonResponse(200, result);
  });
}
