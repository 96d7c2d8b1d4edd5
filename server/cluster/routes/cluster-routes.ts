import type { Hono } from 'hono';
import type { ClusterContext } from '../context.ts';
import { runCoordinatorDuty } from '../coordinator-duty.ts';
import { insertSegments } from '../segment-insert.ts';
import { jsonBodyOrError, jsonResponse } from './http.ts';
import { firstDuplicateId, parsePublishedSegments } from './published-segments.ts';

/** /status and the local-only controls tests use (tiers and servers: historical-routes.ts). */
export function registerClusterRoutes(app: Hono, ctx: ClusterContext): void {
  app.get('/status', () => {
    const memory = process.memoryUsage();
    return jsonResponse(200, {
      version: ctx.config.version,
      modules: [],
      memory: {
        maxMemory: memory.heapTotal * 4,
        totalMemory: memory.heapTotal,
        freeMemory: memory.heapTotal - memory.heapUsed,
        usedMemory: memory.heapUsed,
        directMemory: memory.external,
      },
    });
  });
  app.get('/status/health', () => jsonResponse(200, true));
  app.get('/proxy/enabled', () => jsonResponse(200, { enabled: true }));

  app.get('/local-cluster/info', () =>
    jsonResponse(200, {
      mode: 'local',
      dataDir: ctx.config.dataDir,
      coordinatorPeriodMs: ctx.config.coordinatorPeriodMs,
      taskDurationMs: ctx.config.taskDurationMs,
      loadRate: ctx.config.loadRate ?? 0,
    }),
  );
  app.post('/local-cluster/coordinator/run', async () => jsonResponse(200, await runCoordinatorDuty(ctx)));
  // Stands in for ingestion: tests publish segments of odd datasources (hostile names, exact layouts) through it.
  app.post('/local-cluster/segments', async (c) => {
    const read = await jsonBodyOrError(c);
    if (!read.ok) return read.response;
    const body = read.body;
    const parsed = parsePublishedSegments(body);
    if (!parsed.ok) return jsonResponse(400, { error: parsed.error });
    // Segment IDs are the primary key, as in Druid's segments table; say which one clashes instead of a bare 500.
    const duplicate = firstDuplicateId(ctx.db, parsed.segments);
    if (duplicate) return jsonResponse(409, { error: `Segment ${duplicate} exists already` });
    return jsonResponse(200, { published: insertSegments(ctx, parsed.segments) });
  });
}
