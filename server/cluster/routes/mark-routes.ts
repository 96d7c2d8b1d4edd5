import type { Context, Hono } from 'hono';
import { parseSegmentId } from '../../../src/druid/segment-id.ts';
import { recordAudit } from '../audit-store.ts';
import type { ClusterContext } from '../context.ts';
import {
  markAllUnused,
  markAllUsed,
  markOneUnused,
  markOneUsed,
  markUnusedByIds,
  markUnusedByInterval,
  markUsedByIds,
  markUsedByInterval,
  SegmentIdsError,
} from '../segment-marking.ts';
import { hasSegments } from '../segment-store.ts';
import { auditInfoOf, invalidInput, jsonBodyOrError, jsonResponse, textResponse } from './http.ts';
import { parseMarkPayload } from './mark-payload.ts';

const COORDINATOR = '/druid/coordinator/v1/datasources';
const OVERLORD = '/druid/indexer/v1/datasources';

/** Druid 32+'s SegmentUpdateResponse, a superset of every older shape. */
function updated(count: number): Response {
  return jsonResponse(200, { numChangedSegments: count, segmentStateChanged: count > 0 });
}

/**
 * Mark used/unused endpoints on the Coordinator paths (documented) and the Overlord paths (Druid 32+). The two differ
 * only where Druid's do: the Overlord answers 400 for unparseable single IDs and never 204.
 */
export function registerMarkRoutes(app: Hono, ctx: ClusterContext): void {
  for (const base of [COORDINATOR, OVERLORD]) {
    const overlord = base === OVERLORD;

    app.delete(`${base}/:ds/segments/:segmentId`, (c) => {
      const { ds, segmentId } = c.req.param();
      if (!parseSegmentId(segmentId, ds)) {
        return overlord
          ? textResponse(400, `Could not parse Segment ID[${segmentId}] for DataSource[${ds}]`)
          : updated(0);
      }
      return updated(markOneUnused(ctx.db, ds, segmentId, ctx.now()));
    });

    app.post(`${base}/:ds/segments/:segmentId`, (c) => {
      const { ds, segmentId } = c.req.param();
      return updated(markOneUsed(ctx.db, ds, segmentId, ctx.now()));
    });

    app.post(`${base}/:ds/markUnused`, (c) => mark(c, ctx, 'unused', overlord));
    app.post(`${base}/:ds/markUsed`, (c) => mark(c, ctx, 'used', overlord));

    app.post(`${base}/:ds`, (c) => updated(markAllUsed(ctx.db, c.req.param('ds'), ctx.now())));
  }
  // DELETE /druid/coordinator/v1/datasources/:ds (with the deprecated ?kill=true) lives in kill-routes.ts.
  app.delete(`${OVERLORD}/:ds`, (c) => markAllUnusedResponse(c, ctx));
}

export function markAllUnusedResponse(c: Context, ctx: ClusterContext): Response {
  const ds = c.req.param('ds') ?? '';
  const count = markAllUnused(ctx.db, ds, ctx.now());
  auditMarkUnused(c, ctx, ds, { numChangedSegments: count });
  return updated(count);
}

function auditMarkUnused(c: Context, ctx: ClusterContext, dataSource: string, payload: unknown): void {
  recordAudit(ctx.db, {
    key: dataSource,
    type: 'segment.markUnused',
    auditInfo: auditInfoOf(c),
    payload: JSON.stringify(payload),
    request: { service: 'overlord', method: c.req.method, uri: new URL(c.req.url).pathname, queryParams: '' },
    at: ctx.now(),
  });
}

async function mark(c: Context, ctx: ClusterContext, to: 'used' | 'unused', overlord: boolean): Promise<Response> {
  const ds = c.req.param('ds') ?? '';
  const read = await jsonBodyOrError(c);
  if (!read.ok) return read.response;
  const body = read.body;
  const parsed = parseMarkPayload(body);
  if (!parsed.ok) return parsed.json ? jsonResponse(400, { error: parsed.text }) : textResponse(400, parsed.text);
  // The documented Coordinator behaviour for a datasource the metadata store has never seen.
  if (!overlord && !hasSegments(ctx.db, ds)) return new Response(null, { status: 204 });
  const { payload } = parsed;
  const now = ctx.now();
  try {
    let count: number;
    if (to === 'unused') {
      count =
        payload.kind === 'ids'
          ? markUnusedByIds(ctx.db, ds, payload.segmentIds, now)
          : markUnusedByInterval(ctx.db, ds, payload, now);
      auditMarkUnused(c, ctx, ds, payload.raw);
    } else {
      count =
        payload.kind === 'ids'
          ? markUsedByIds(ctx.db, ds, payload.segmentIds, now)
          : markUsedByInterval(ctx.db, ds, payload, now);
    }
    return updated(count);
  } catch (error) {
    if (error instanceof SegmentIdsError) return invalidInput(error.message);
    throw error;
  }
}
