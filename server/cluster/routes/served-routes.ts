import type { Hono } from 'hono';
import { compareIntervals, tryParseInterval } from '../../../src/druid/interval.ts';
import type { ClusterContext } from '../context.ts';
import type { SegmentRow } from '../segment-records.ts';
import { cachedDerived, dataSourceNames, isInside, overshadowedIds, usedSegmentRows } from '../segment-store.ts';
import { type ServedSummary, servedIntervalsJson, servedSummary } from '../served-summary.ts';
import { hasFlag, jettyError, jsonResponse, rawJsonResponse } from './http.ts';
import { loadStatus } from './load-status.ts';

const BASE = '/druid/coordinator/v1/datasources';
const noContent = () => new Response(null, { status: 204 });

/** The local cluster serves every used, non-overshadowed segment (the coordinator loads them at once). */
function servedRows(ctx: ClusterContext, dataSource: string): SegmentRow[] {
  const hidden = overshadowedIds(ctx.db, dataSource);
  return usedSegmentRows(ctx.db, dataSource).filter((row) => !hidden.has(row.id));
}

function summaryJson(served: ServedSummary) {
  const { count, size, replicatedSize } = served;
  return {
    tiers: { _default_tier: { segmentCount: count, size, replicatedSize } },
    segments: { count, size, replicatedSize, minTime: served.minTime, maxTime: served.maxTime },
  };
}

function fullIntervals(rows: SegmentRow[]) {
  const groups = new Map<string, SegmentRow[]>();
  for (const row of rows) {
    const key = `${row.start}/${row.end}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  // Newest first, as Druid's intervalsByStartThenEnd.reversed().
  const keys = [...groups.keys()].sort((a, b) => {
    const [x, y] = [groups.get(a)?.[0], groups.get(b)?.[0]];
    return x && y ? compareIntervals({ start: y.start_ms, end: y.end_ms }, { start: x.start_ms, end: x.end_ms }) : 0;
  });
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    result[key] = Object.fromEntries(
      (groups.get(key) ?? []).map((row) => [
        row.id,
        { metadata: JSON.parse(row.payload), servers: ['localhost:8083'] },
      ]),
    );
  }
  return result;
}

/** DataSourcesResource GETs: the served-segments view; unknown datasources answer 204 as Druid's do. */
export function registerServedRoutes(app: Hono, ctx: ClusterContext): void {
  app.get(BASE, (c) => {
    const names = dataSourceNames(ctx.db, false);
    if (hasFlag(c, 'simple')) {
      // One string per state of the cluster (10,000 datasources are 2.7 MB), joined from one cached part per
      // datasource, so a write re-serializes only the datasource it changed.
      return rawJsonResponse(
        cachedDerived(ctx.db, null, 'datasources-simple', () => {
          const parts = names.flatMap((name) => {
            const part = cachedDerived(ctx.db, name, 'simple-part', () => {
              const served = servedSummary(ctx.db, name);
              return served ? JSON.stringify({ name, properties: summaryJson(served) }) : '';
            });
            return part ? [part] : [];
          });
          return `[${parts.join(',')}]`;
        }),
      );
    }
    if (hasFlag(c, 'full')) {
      return rawJsonResponse(
        `[${names
          .map(
            (name) =>
              `{"name":${JSON.stringify(name)},"properties":{},"segments":[${servedRows(ctx, name)
                .map((row) => row.payload)
                .join(',')}]}`,
          )
          .join(',')}]`,
      );
    }
    return jsonResponse(200, names);
  });

  app.get(`${BASE}/:ds`, (c) => {
    const served = servedSummary(ctx.db, c.req.param('ds'));
    if (!served) return noContent();
    if (hasFlag(c, 'full')) {
      const rows = servedRows(ctx, c.req.param('ds'));
      return rawJsonResponse(
        `{"name":${JSON.stringify(c.req.param('ds'))},"properties":{},"segments":[${rows.map((row) => row.payload).join(',')}]}`,
      );
    }
    return jsonResponse(200, summaryJson(served));
  });

  app.get(`${BASE}/:ds/intervals`, (c) => {
    const ds = c.req.param('ds');
    if (!servedSummary(ctx.db, ds)) return noContent();
    if (hasFlag(c, 'full')) return jsonResponse(200, fullIntervals(servedRows(ctx, ds)));
    return rawJsonResponse(servedIntervalsJson(ctx.db, ds, hasFlag(c, 'simple') ? 'simple' : 'plain'));
  });

  app.get(`${BASE}/:ds/intervals/:interval`, (c) => {
    const parsed = tryParseInterval(c.req.param('interval').replaceAll('_', '/'));
    if (!parsed.ok)
      return jettyError(500, `org.apache.druid.error.DruidException: ${parsed.error}`, new URL(c.req.url).pathname);
    const ds = c.req.param('ds');
    if (!servedSummary(ctx.db, ds)) return noContent();
    if (hasFlag(c, 'simple') && !hasFlag(c, 'full'))
      return rawJsonResponse(servedIntervalsJson(ctx.db, ds, 'simple', parsed.interval));
    const rows = servedRows(ctx, ds).filter((row) => isInside(row, parsed.interval));
    if (hasFlag(c, 'full')) return jsonResponse(200, fullIntervals(rows));
    return jsonResponse(200, rows.map((row) => row.id).sort());
  });

  app.get(`${BASE}/:ds/segments`, (c) => {
    if (!servedSummary(ctx.db, c.req.param('ds'))) return noContent();
    const rows = servedRows(ctx, c.req.param('ds'));
    return rawJsonResponse(
      hasFlag(c, 'full') ? `[${rows.map((row) => row.payload).join(',')}]` : JSON.stringify(rows.map((row) => row.id)),
    );
  });

  app.get(`${BASE}/:ds/tiers`, (c) =>
    jsonResponse(200, servedSummary(ctx.db, c.req.param('ds')) ? ['_default_tier'] : []),
  );

  app.get(`${BASE}/:ds/loadstatus`, (c) => loadStatus(c, ctx));
}
