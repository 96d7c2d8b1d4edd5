import type { Context } from 'hono';
import { auditHistory, DEFAULT_AUDIT_HISTORY_MS, type HistoryQuery } from '../audit-store.ts';
import type { ClusterContext } from '../context.ts';
import { jettyError, jsonResponse } from './http.ts';
import { parseJodaInterval } from './joda-interval.ts';

/**
 * An audit history endpoint (`?interval=` or `?count=`), as RulesResource and CoordinatorDynamicConfigsResource answer
 * it: SQLAuditManager's count mode (newest first) or interval mode (oldest first, a week by default).
 */
export function auditHistoryResponse(c: Context, ctx: ClusterContext, type: string, key: string | null): Response {
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
  return jsonResponse(200, auditHistory(ctx.db, type, key, query));
}
