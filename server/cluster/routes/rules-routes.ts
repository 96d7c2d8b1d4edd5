import type { Context, Hono } from 'hono';
import { DEFAULT_RULES_KEY, parseRules, serializeRules } from '../../../src/druid/rules.ts';
import type { ClusterContext } from '../context.ts';
import { getAllRules, getRules, saveRules } from '../rules-store.ts';
import { auditHistoryResponse } from './audit-history.ts';
import { auditInfoOf, hasFlag, jsonBodyOrError, jsonResponse } from './http.ts';
import { normalizeRuleIntervals } from './joda-interval.ts';

const BASE = '/druid/coordinator/v1/rules';

/** RulesResource: current rules, replacing a rule list (audited), and the audit history of rule changes. */
export function registerRulesRoutes(app: Hono, ctx: ClusterContext, identity: (c: Context) => string | null): void {
  app.get(BASE, () => jsonResponse(200, getAllRules(ctx.db)));
  app.get(`${BASE}/history`, (c) => auditHistoryResponse(c, ctx, 'rules', null));
  app.get(`${BASE}/:ds/history`, (c) => auditHistoryResponse(c, ctx, 'rules', c.req.param('ds')));

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
