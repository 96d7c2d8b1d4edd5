import type { Context, Hono } from 'hono';
import { DEFAULT_RULES_KEY, parseRules, serializeRules } from '../../../src/druid/rules.ts';
import { auditHistory, DEFAULT_AUDIT_HISTORY_MS, type HistoryQuery } from '../audit-store.ts';
import type { ClusterContext } from '../context.ts';
import { getAllRules, getRules, saveRules } from '../rules-store.ts';
import { auditInfoOf, hasFlag, jettyError, jsonBodyOrError, jsonResponse } from './http.ts';
import { normalizeRuleIntervals, parseJodaInterval } from './joda-interval.ts';

const BASE = '/druid/coordinator/v1/rules';

/** RulesResource: current rules, replacing a rule list (audited), and the audit history of rule changes. */
export function registerRulesRoutes(app: Hono, ctx: ClusterContext, identity: (c: Context) => string | null): void {
  app.get(BASE, () => jsonResponse(200, getAllRules(ctx.db)));
  app.get(`${BASE}/history`, (c) => history(c, ctx, null));
  app.get(`${BASE}/:ds/history`, (c) => history(c, ctx, c.req.param('ds')));

  app.get(`${BASE}/:ds`, (c) => {
    const ds = c.req.param('ds');
    const rules = getRules(ctx.db, ds);
    return jsonResponse(200, hasFlag(c, 'full') ? [...rules, ...getRules(ctx.db, DEFAULT_RULES_KEY)] : rules);
  });

  app.post(`${BASE}/:ds`, async (c) => {
    const ds = c.req.param('ds');
    const read = await jsonBodyOrError(c);
    if (!read.ok) return read.response;
    const body = read.body;
    const parsed = parseRules(body, { dataSource: ds });
    if (!parsed.ok) return jsonResponse(400, { error: parsed.error });
    const normalized = normalizeRuleIntervals(serializeRules(parsed.rules));
    if (!normalized.ok) return jsonResponse(400, { error: normalized.error });
    saveRules(ctx.db, ds, JSON.stringify(normalized.rules), auditInfoOf(c, identity(c)), ctx.now());
    return new Response(null, { status: 200 });
  });
}

function history(c: Context, ctx: ClusterContext, key: string | null): Response {
  const intervalText = c.req.query('interval');
  const countText = c.req.query('count');
  let query: HistoryQuery;
  if (intervalText !== undefined) {
    // Unlike the path parameters, this one is parsed as is (no `_` replacement), and a bad one is an HTML 500.
    const parsed = parseJodaInterval(intervalText);
    if (!parsed.ok)
      return jettyError(500, `org.apache.druid.error.DruidException: ${parsed.error}`, new URL(c.req.url).pathname);
    query = { kind: 'interval', interval: parsed.interval };
  } else if (countText !== undefined) {
    // JAX-RS answers 404 when an Integer query parameter does not convert.
    if (!/^[+-]?\d+$/.test(countText.trim())) return new Response(null, { status: 404 });
    const count = Number(countText);
    if (count < 1) return jsonResponse(400, { error: 'Limit must be greater than zero!' });
    query = { kind: 'count', count };
  } else {
    const now = ctx.now();
    query = { kind: 'interval', interval: { start: now - DEFAULT_AUDIT_HISTORY_MS, end: now } };
  }
  return jsonResponse(200, auditHistory(ctx.db, 'rules', key, query));
}
