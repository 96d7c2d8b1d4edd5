import type { Context, Hono } from 'hono';
import { formatInterval, tryParseInterval } from '../../../src/druid/interval.ts';
import { recordAudit } from '../audit-store.ts';
import type { ClusterContext } from '../context.ts';
import type { TaskRunner } from '../tasks.ts';
import { auditInfoOf, jettyError } from './http.ts';
import { markAllUnusedResponse } from './mark-routes.ts';

const BASE = '/druid/coordinator/v1/datasources';

/**
 * Kill: submits an asynchronous kill task and answers 200 with an empty body, never the task ID, exactly as Druid.
 * A bad interval escapes Druid's resource as an unmapped DruidException, which Jetty turns into an HTML 500.
 */
export function registerKillRoutes(app: Hono, ctx: ClusterContext, tasks: TaskRunner): void {
  app.delete(`${BASE}/:ds/intervals/:interval`, (c) => kill(c, ctx, tasks, c.req.param('interval')));

  app.delete(`${BASE}/:ds`, (c) => {
    if ((c.req.query('kill') ?? '').toLowerCase() === 'true') return kill(c, ctx, tasks, c.req.query('interval'));
    return markAllUnusedResponse(c, ctx);
  });
}

function kill(c: Context, ctx: ClusterContext, tasks: TaskRunner, text: string | undefined): Response {
  const uri = new URL(c.req.url).pathname;
  if (text === undefined) return jettyError(500, 'java.lang.NullPointerException', uri);
  // Druid replaces every underscore, so `2015-09-12_2015-09-13` and `2015-09-12/2015-09-13` both work.
  const parsed = tryParseInterval(text.replaceAll('_', '/'));
  if (!parsed.ok) return jettyError(500, `org.apache.druid.error.DruidException: ${parsed.error}`, uri);
  const ds = c.req.param('ds') ?? '';
  const taskId = tasks.submitKill(ds, parsed.interval);
  recordAudit(ctx.db, {
    key: ds,
    type: 'segment.kill',
    auditInfo: auditInfoOf(c),
    payload: JSON.stringify({ killTaskId: taskId, interval: formatInterval(parsed.interval) }),
    request: { service: 'coordinator', method: 'DELETE', uri, queryParams: '' },
    at: ctx.now(),
  });
  return new Response(null, { status: 200 });
}
