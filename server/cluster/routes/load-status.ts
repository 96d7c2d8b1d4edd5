import type { Context } from 'hono';
import { tryParseInterval } from '../../../src/druid/interval.ts';
import type { ClusterContext } from '../context.ts';
import { historicalsFor } from '../historicals.ts';
import { type LoadStatistics, loadStatistics, percentJson } from '../load-statistics.ts';
import { hasFlag, jettyError, rawJsonResponse, textResponse } from './http.ts';

/** DataSourcesResource's DEFAULT_LOADSTATUS_INTERVAL_OFFSET: the last 14 days. */
const DEFAULT_WINDOW_MS = 14 * 24 * 3_600_000;

/** `{"tier":{"ds":n}}` from per-datasource statistics; Druid's under-replication map. */
export function underReplicatedJson(all: ReadonlyArray<[string, LoadStatistics]>): string {
  const byTier = new Map<string, string[]>();
  for (const [dataSource, stats] of all) {
    for (const [tier, missing] of stats.underReplicated) {
      byTier.set(tier, [...(byTier.get(tier) ?? []), `${JSON.stringify(dataSource)}:${missing}`]);
    }
  }
  return `{${[...byTier].map(([tier, parts]) => `${JSON.stringify(tier)}:{${parts.join(',')}}`).join(',')}}`;
}

/**
 * GET /datasources/{ds}/loadstatus: used, non-overshadowed segments overlapping the interval, as
 * iterateAllUsedNonOvershadowedSegmentsForDatasourceInterval finds them, against what the historicals hold: the
 * percentage available, the unavailable count (`simple`), or the missing replicas per tier (`full`).
 */
export function loadStatus(c: Context, ctx: ClusterContext): Response {
  const ds = c.req.param('ds') ?? '';
  if (c.req.query('forceMetadataRefresh') === undefined) {
    return textResponse(400, 'Invalid request. forceMetadataRefresh must be specified');
  }
  const text = c.req.query('interval');
  const now = ctx.now();
  let interval = { start: now - DEFAULT_WINDOW_MS, end: now };
  if (text !== undefined) {
    const parsed = tryParseInterval(text.replaceAll('_', '/'));
    if (!parsed.ok) {
      return jettyError(500, `org.apache.druid.error.DruidException: ${parsed.error}`, new URL(c.req.url).pathname);
    }
    interval = parsed.interval;
  }
  const { servers, assigned } = historicalsFor(ctx, ds);
  const stats = loadStatistics(ctx, ds, interval, hasFlag(c, 'computeUsingClusterView'), servers, assigned);
  // Druid sets an entity on this 204, which Jetty drops with the body of any 204.
  if (stats.total === 0) return new Response(null, { status: 204 });
  const key = JSON.stringify(ds);
  if (hasFlag(c, 'simple')) return rawJsonResponse(`{${key}:${stats.unavailable}}`);
  if (!hasFlag(c, 'full')) return rawJsonResponse(`{${key}:${percentJson(stats)}}`);
  if (stats.underReplicated.size === 0) {
    return textResponse(500, 'Coordinator segment replicant lookup is not initialized yet. Try again later.');
  }
  return rawJsonResponse(underReplicatedJson([[ds, stats]]));
}
