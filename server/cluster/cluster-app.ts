import { Hono } from 'hono';
import type { ClusterContext } from './context.ts';
import type { KillDuties } from './kill-duties.ts';
import { registerClusterRoutes } from './routes/cluster-routes.ts';
import { registerConfigRoutes } from './routes/config-routes.ts';
import { registerHistoricalRoutes } from './routes/historical-routes.ts';
import { jsonResponse } from './routes/http.ts';
import { registerKillDutyRoutes } from './routes/kill-duty-routes.ts';
import { registerKillRoutes } from './routes/kill-routes.ts';
import { registerMarkRoutes } from './routes/mark-routes.ts';
import { registerMetadataRoutes } from './routes/metadata-routes.ts';
import { registerRulesRoutes } from './routes/rules-routes.ts';
import { registerServedRoutes } from './routes/served-routes.ts';
import { registerTaskRoutes } from './routes/task-routes.ts';
import type { TaskRunner } from './tasks.ts';

export interface ClusterAppOptions {
  /** The authenticated identity of a request, when the cluster runs with --auth. */
  identity?: (request: Request) => string | null;
  /** The automatic kills, for their local-only run-now routes. */
  killDuties?: KillDuties;
}

/** The Druid-compatible API of the local cluster, as one Hono app (no static files, no auth). */
export function createClusterApp(ctx: ClusterContext, tasks: TaskRunner, options: ClusterAppOptions = {}): Hono {
  const app = new Hono();
  // Druid's StandardResponseHeaderFilterHolder, on every non-POST response.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.method !== 'POST') {
      c.res.headers.set('Cache-Control', 'no-cache, no-store, max-age=0');
      c.res.headers.set('Content-Security-Policy', "frame-ancestors 'none'");
    }
  });
  registerClusterRoutes(app, ctx);
  registerHistoricalRoutes(app, ctx);
  registerTaskRoutes(app, ctx);
  registerRulesRoutes(app, ctx, (c) => options.identity?.(c.req.raw) ?? null);
  registerConfigRoutes(app, ctx, (c) => options.identity?.(c.req.raw) ?? null);
  registerMetadataRoutes(app, ctx);
  registerKillRoutes(app, ctx, tasks);
  registerMarkRoutes(app, ctx);
  registerServedRoutes(app, ctx);
  if (options.killDuties) registerKillDutyRoutes(app, options.killDuties);
  app.onError((error) => jsonResponse(500, { error: 'Server error', message: String(error) }));
  return app;
}
