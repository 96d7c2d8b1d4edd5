import type { Context, Hono } from 'hono';
import { tryParseInterval } from '../../../src/druid/interval.ts';
import { parseSegmentId } from '../../../src/druid/segment-id.ts';
import type { ClusterContext } from '../context.ts';
import { dataSegmentPlusJson, type SegmentRow, segmentStatusJson } from '../segment-records.ts';
import {
  dataSourceNames,
  hasUsedSegments,
  overshadowedIds,
  segmentRow,
  unusedSegmentRows,
  usedRowsOverlapping,
  usedSegmentRows,
} from '../segment-store.ts';
import {
  escapeHtml,
  hasFlag,
  invalidInput,
  jsonBodyOrError,
  jsonResponse,
  rawJsonResponse,
  textResponse,
} from './http.ts';
import { parseJodaInterval } from './joda-interval.ts';
import { jsonArrayStream } from './json-stream.ts';

const BASE = '/druid/coordinator/v1/metadata';
const PAGE = 5000;
const notFound = () => new Response(null, { status: 404 });

function idsOrFull(rows: Array<Pick<SegmentRow, 'id' | 'payload'>>, full: boolean): Response {
  return rawJsonResponse(
    full ? `[${rows.map((row) => row.payload).join(',')}]` : JSON.stringify(rows.map((row) => row.id)),
  );
}

function immutableDataSource(ctx: ClusterContext, name: string): string {
  const rows = usedSegmentRows(ctx.db, name);
  const created = rows.reduce(
    (min, row) => (row.created_date < min ? row.created_date : min),
    rows[0]?.created_date ?? '',
  );
  return `{"name":${JSON.stringify(name)},"properties":{"created":${JSON.stringify(created)}},"segments":[${rows.map((row) => row.payload).join(',')}]}`;
}

/** MetadataResource: the metadata-store view of segments, used and unused. */
export function registerMetadataRoutes(app: Hono, ctx: ClusterContext): void {
  app.get(`${BASE}/datasources`, (c) => {
    if (hasFlag(c, 'includeUnused') || hasFlag(c, 'includeDisabled'))
      return jsonResponse(200, dataSourceNames(ctx.db, true));
    const names = dataSourceNames(ctx.db, false);
    if (hasFlag(c, 'full'))
      return rawJsonResponse(`[${names.map((name) => immutableDataSource(ctx, name)).join(',')}]`);
    return jsonResponse(200, names);
  });

  app.get(`${BASE}/datasources/:ds`, (c) => {
    const ds = c.req.param('ds');
    return hasUsedSegments(ctx.db, ds) ? rawJsonResponse(immutableDataSource(ctx, ds)) : notFound();
  });

  app.get(`${BASE}/datasources/:ds/segments`, (c) => {
    const rows = usedSegmentRows(ctx.db, c.req.param('ds'));
    return rows.length === 0 ? notFound() : idsOrFull(rows, hasFlag(c, 'full'));
  });

  app.post(`${BASE}/datasources/:ds/segments`, async (c) => {
    const read = await jsonBodyOrError(c);
    if (!read.ok) return read.response;
    const body = read.body;
    if (!Array.isArray(body) || body.some((item) => typeof item !== 'string')) {
      return jsonResponse(400, { error: 'Expected a JSON array of interval strings' });
    }
    const intervals = [];
    for (const text of body as string[]) {
      // A JSON list of Joda Intervals: no `_` path form here.
      const parsed = parseJodaInterval(text);
      if (!parsed.ok) return jsonResponse(400, { error: parsed.error });
      intervals.push(parsed.interval);
    }
    return idsOrFull(usedRowsOverlapping(ctx.db, c.req.param('ds'), intervals), hasFlag(c, 'full'));
  });

  app.get(`${BASE}/datasources/:ds/unusedSegments`, (c) => unusedSegments(c, ctx));

  app.get(`${BASE}/datasources/:ds/segments/:segmentId`, (c) => {
    const { ds, segmentId } = c.req.param();
    if (!parseSegmentId(segmentId, ds)) {
      return textResponse(
        400,
        `Could not parse Segment ID[${escapeHtml(segmentId)}] for DataSource[${escapeHtml(ds)}]`,
      );
    }
    // Druid's quirk: a datasource without used segments is "not found" even with includeUnused=true.
    if (!hasUsedSegments(ctx.db, ds)) return notFound();
    const row = segmentRow(ctx.db, segmentId);
    const includeUnused = (c.req.query('includeUnused') ?? '').toLowerCase() === 'true';
    if (!row || row.dataSource !== ds || (row.used === 0 && !includeUnused)) return notFound();
    return rawJsonResponse(row.payload);
  });

  app.get(`${BASE}/segments`, (c) => allUsedSegments(c, ctx));
}

function unusedSegments(c: Context, ctx: ClusterContext): Response {
  const ds = c.req.param('ds') ?? '';
  if (ds.trim() === '') return invalidInput('dataSourceName must be non-empty.');
  const limitText = c.req.query('limit');
  const limit = limitText === undefined ? null : Number(limitText);
  if (limit !== null && (!Number.isInteger(limit) || limit < 0)) {
    return invalidInput(`Invalid limit[${limitText}] specified. Limit must be > 0.`);
  }
  const lastSegmentId = c.req.query('lastSegmentId') ?? null;
  if (lastSegmentId !== null && !parseSegmentId(lastSegmentId, ds)) {
    return invalidInput(`Invalid lastSegmentId[${lastSegmentId}] specified.`);
  }
  const sortText = c.req.query('sortOrder');
  let sortOrder: 'ASC' | 'DESC' | null = null;
  if (sortText !== undefined) {
    const upper = sortText.toUpperCase();
    if (upper !== 'ASC' && upper !== 'DESC') {
      return invalidInput(`Unexpected value[${sortText}] for SortOrder. Possible values are: [ASC, DESC]`);
    }
    sortOrder = upper;
  }
  const intervalText = c.req.query('interval');
  let interval = null;
  if (intervalText !== undefined) {
    const parsed = tryParseInterval(intervalText.replaceAll('_', '/'));
    if (!parsed.ok) return invalidInput(parsed.error);
    interval = parsed.interval;
  }
  const rows = unusedSegmentRows(ctx.db, ds, { interval, limit, lastSegmentId, sortOrder });
  return rawJsonResponse(`[${rows.map(dataSegmentPlusJson).join(',')}]`);
}

function allUsedSegments(c: Context, ctx: ClusterContext): Response {
  const withStatus = hasFlag(c, 'includeOvershadowedStatus');
  if (hasFlag(c, 'includeRealtimeSegments') && !withStatus) return new Response(null, { status: 400 });
  const requested = c.req.queries('datasources');
  const names = requested && requested.length > 0 ? [...new Set(requested)] : dataSourceNames(ctx.db, false);
  const overshadowed = new Map(
    names.map((name) => [name, withStatus ? overshadowedIds(ctx.db, name) : new Set<string>()]),
  );
  const page = ctx.db.prepare<[string, string, number], SegmentRow>(
    `SELECT * FROM druid_segments WHERE dataSource = ? AND used = 1 AND id > ? ORDER BY id LIMIT ?`,
  );
  const stream = jsonArrayStream({ index: 0, after: '' }, (cursor) => {
    const name = names[cursor.index];
    if (name === undefined) return { items: [], next: null };
    const rows = page.all(name, cursor.after, PAGE);
    const hidden = overshadowed.get(name) ?? new Set<string>();
    const items = rows.map((row) => (withStatus ? segmentStatusJson(row, hidden.has(row.id)) : row.payload));
    const next =
      rows.length < PAGE
        ? { index: cursor.index + 1, after: '' }
        : { index: cursor.index, after: rows[rows.length - 1]?.id ?? '' };
    return { items, next: next.index >= names.length ? null : next };
  });
  return rawJsonResponse(stream);
}
