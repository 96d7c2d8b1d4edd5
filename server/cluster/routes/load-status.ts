import type { Context } from 'hono';
import { tryParseInterval } from '../../../src/druid/interval.ts';
import { DEFAULT_RULES_KEY, findMatchingRule, isLoadRule, parseRules } from '../../../src/druid/rules.ts';
import type { ClusterContext } from '../context.ts';
import { getRules } from '../rules-store.ts';
import { type ServedInterval, servedOverlapping } from '../served-summary.ts';
import { hasFlag, jettyError, rawJsonResponse, textResponse } from './http.ts';

/** DataSourcesResource's DEFAULT_LOADSTATUS_INTERVAL_OFFSET: the last 14 days. */
const DEFAULT_WINDOW_MS = 14 * 24 * 3_600_000;

/**
 * GET /datasources/{ds}/loadstatus: used, non-overshadowed segments overlapping the interval, as
 * iterateAllUsedNonOvershadowedSegmentsForDatasourceInterval finds them. The local cluster loads every such segment at
 * once, so the percentage is 100.0, nothing is unavailable and nothing under-replicated.
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
  // Druid sets an entity on this 204, which Jetty drops with the body of any 204.
  const served = servedOverlapping(ctx.db, ds, interval);
  if (served.length === 0) return new Response(null, { status: 204 });
  const key = JSON.stringify(ds);
  if (hasFlag(c, 'simple')) return rawJsonResponse(`{${key}:0}`);
  if (!hasFlag(c, 'full')) return rawJsonResponse(`{${key}:100.0}`);
  const tiers = loadedTiers(ctx, ds, served, now);
  if (tiers.length === 0) {
    return textResponse(500, 'Coordinator segment replicant lookup is not initialized yet. Try again later.');
  }
  return rawJsonResponse(`{${tiers.map((tier) => `${JSON.stringify(tier)}:{${key}:0}`).join(',')}}`);
}

/** The tiers of the load rules that decide the segments: the keys of Druid's under-replication map. */
function loadedTiers(ctx: ClusterContext, ds: string, intervals: readonly ServedInterval[], now: number) {
  const rulesOf = (name: string) => {
    const parsed = parseRules(getRules(ctx.db, name));
    return parsed.ok ? parsed.rules : [];
  };
  const rules = rulesOf(ds);
  const defaults = rulesOf(DEFAULT_RULES_KEY);
  const tiers = new Set<string>();
  // A first rule that matches everything decides every segment: one match instead of one per interval.
  const first = rules[0] ?? defaults[0];
  const decided = first?.type.endsWith('Forever') ? intervals.slice(0, 1) : intervals;
  for (const [start, end] of decided) {
    const match = findMatchingRule(rules, defaults, { start, end }, now);
    if (match && isLoadRule(match.rule)) for (const tier of Object.keys(match.rule.tieredReplicants)) tiers.add(tier);
  }
  return [...tiers];
}
