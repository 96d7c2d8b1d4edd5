import type { Context, Hono } from 'hono';
import { type ClusterContext, runtimeOf } from '../context.ts';
import { currentDynamicConfig, DYNAMIC_CONFIG_KEY, mergeDynamicConfig, saveDynamicConfig } from '../dynamic-config.ts';
import { visibleProperties } from '../properties/runtime-properties.ts';
import { auditHistoryResponse } from './audit-history.ts';
import { auditInfoOf, jettyError, jsonBodyOrError, jsonResponse } from './http.ts';

const BASE = '/druid/coordinator/v1/config';

/** CoordinatorDynamicConfigsResource (config, partial POST, history) and StatusResource's properties. */
export function registerConfigRoutes(app: Hono, ctx: ClusterContext, identity: (c: Context) => string | null): void {
  // The Properties Druid was started with (not its defaults), secrets removed.
  const properties = () => jsonResponse(200, visibleProperties(runtimeOf(ctx.config)));
  app.get('/status/properties', properties);
  // Through a real Router, /status/properties is the Router's own; these are the Coordinator's and the Overlord's.
  app.get('/proxy/coordinator/status/properties', properties);
  app.get('/proxy/overlord/status/properties', properties);

  app.get(BASE, () => jsonResponse(200, currentDynamicConfig(ctx.db)));
  app.get(`${BASE}/history`, (c) => auditHistoryResponse(c, ctx, DYNAMIC_CONFIG_KEY, DYNAMIC_CONFIG_KEY));

  app.post(BASE, async (c) => {
    const uri = new URL(c.req.url).pathname;
    const read = await jsonBodyOrError(c);
    if (!read.ok) return read.response;
    // An empty body is a null Builder: `null.build(current)` throws outside the resource's catch.
    if (read.body === null) return jettyError(500, 'java.lang.NullPointerException', uri);
    const merged = mergeDynamicConfig(currentDynamicConfig(ctx.db), read.body);
    if (!merged.ok && merged.kind === 'mapping') return jsonResponse(400, { error: merged.message });
    // The constructor's InvalidInput is a DruidException, not the IllegalArgumentException the resource catches,
    // and no Jersey mapper handles it: Jetty answers with its HTML 500 page (druid-api.md §1.2).
    if (!merged.ok) return jettyError(500, `org.apache.druid.error.DruidException: ${merged.message}`, uri);
    const request = { service: 'coordinator', method: 'POST', uri, queryParams: new URL(c.req.url).search.slice(1) };
    saveDynamicConfig(ctx.db, merged.config, auditInfoOf(c, identity(c)), request, ctx.now());
    return new Response(null, { status: 200 });
  });
}
