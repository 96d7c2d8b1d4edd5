import type { Hono } from 'hono';
import { compareIntervals, tryParseInterval } from '../../../src/druid/interval.ts';
import type { ClusterContext } from '../context.ts';
import type { SegmentRow } from '../segment-records.ts';
import { dataSourceNames, isInside, overshadowedIds, usedSegmentRows } from '../segment-store.ts';
import { hasFlag, jettyError, jsonResponse, rawJsonResponse } from './http.ts';

const BASE = '/druid/coordinator/v1/datasources';
const noContent = () => new Response(null, { status: 204 });

/** The local cluster serves every used, non-overshadowed segment (the coordinator loads them at once). */
function servedRows(ctx: ClusterContext, dataSource: string): SegmentRow[] {
  const hidden = overshadowedIds(ctx.db, dataSource);
  return usedSegmentRows(ctx.db, dataSource).filter((row) => !hidden.has(row.id));
}

function summary(rows: SegmentRow[]) {
  let size = 0;
  let replicatedSize = 0;
  let earliest = rows[0];
  let latest = rows[0];
  for (const row of rows) {
    size += row.size;
    replicatedSize += row.size * (row.replication_factor ?? 1);
    if (earliest && row.start_ms < earliest.start_ms) earliest = row;
    if (latest && row.end_ms > latest.end_ms) latest = row;
  }
  return {
    tiers: { _default_tier: { segmentCount: rows.length, size, replicatedSize } },
    segments: {
      count: rows.length,
      size,
      replicatedSize,
      minTime: earliest?.start ?? null,
      maxTime: latest?.end ?? null,
    },
  };
}

function intervalsOf(rows: SegmentRow[], mode: 'plain' | 'simple' | 'full') {
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
  if (mode === 'plain') return keys;
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    const group = groups.get(key) ?? [];
    result[key] =
      mode === 'simple'
        ? { size: group.reduce((sum, row) => sum + row.size, 0), count: group.length }
        : Object.fromEntries(
            group.map((row) => [row.id, { metadata: JSON.parse(row.payload), servers: ['localhost:8083'] }]),
          );
  }
  return result;
}

/** DataSourcesResource GETs: the served-segments view; unknown datasources answer 204 as Druid's do. */
export function registerServedRoutes(app: Hono, ctx: ClusterContext): void {
  app.get(BASE, (c) => {
    const names = dataSourceNames(ctx.db, false);
    if (hasFlag(c, 'simple'))
      return jsonResponse(
        200,
        names.map((name) => ({ name, properties: summary(servedRows(ctx, name)) })),
      );
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
    const rows = servedRows(ctx, c.req.param('ds'));
    if (rows.length === 0) return noContent();
    if (hasFlag(c, 'full')) {
      return rawJsonResponse(
        `{"name":${JSON.stringify(c.req.param('ds'))},"properties":{},"segments":[${rows.map((row) => row.payload).join(',')}]}`,
      );
    }
    return jsonResponse(200, summary(rows));
  });

  app.get(`${BASE}/:ds/intervals`, (c) => {
    const rows = servedRows(ctx, c.req.param('ds'));
    if (rows.length === 0) return noContent();
    return jsonResponse(
      200,
      intervalsOf(rows, hasFlag(c, 'full') ? 'full' : hasFlag(c, 'simple') ? 'simple' : 'plain'),
    );
  });

  app.get(`${BASE}/:ds/intervals/:interval`, (c) => {
    const parsed = tryParseInterval(c.req.param('interval').replaceAll('_', '/'));
    if (!parsed.ok)
      return jettyError(500, `org.apache.druid.error.DruidException: ${parsed.error}`, new URL(c.req.url).pathname);
    const all = servedRows(ctx, c.req.param('ds'));
    if (all.length === 0) return noContent();
    const rows = all.filter((row) => isInside(row, parsed.interval));
    if (hasFlag(c, 'full') || hasFlag(c, 'simple'))
      return jsonResponse(200, intervalsOf(rows, hasFlag(c, 'full') ? 'full' : 'simple'));
    return jsonResponse(200, rows.map((row) => row.id).sort());
  });

  app.get(`${BASE}/:ds/segments`, (c) => {
    const rows = servedRows(ctx, c.req.param('ds'));
    if (rows.length === 0) return noContent();
    return rawJsonResponse(
      hasFlag(c, 'full') ? `[${rows.map((row) => row.payload).join(',')}]` : JSON.stringify(rows.map((row) => row.id)),
    );
  });

  app.get(`${BASE}/:ds/tiers`, (c) =>
    jsonResponse(200, servedRows(ctx, c.req.param('ds')).length ? ['_default_tier'] : []),
  );
}
