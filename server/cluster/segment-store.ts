import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import { contains, type Interval } from '../../src/druid/interval.ts';
import { maxDurationOf } from './group-overshadow.ts';
import type { SegmentRow } from './segment-records.ts';
import { summarizeInsertedRows } from './segment-summary-sync.ts';

/**
 * Reads of druid_segments and the summaries derived from it. Derived results are cached per datasource until a
 * write bumps that datasource's generation (or the global epoch: `bumpSegmentsGeneration(db)` with no datasource).
 */
interface GenerationState {
  epoch: number;
  writes: number;
  perDataSource: Map<string, number>;
  /** Per datasource, the time span each recent bump changed (null: unknown), for caches that patch themselves. */
  spans: Map<string, SpanEntry[]>;
  cache: Map<string, { key: string; value: unknown }>;
}
const states = new WeakMap<Database.Database, GenerationState>();

function stateOf(db: Database.Database): GenerationState {
  let state = states.get(db);
  if (!state) {
    state = { epoch: 0, writes: 0, perDataSource: new Map(), spans: new Map(), cache: new Map() };
    states.set(db, state);
  }
  return state;
}

/**
 * Without a datasource: "anything may have changed", as generators call it after inserting rows; their rows are
 * summarized now (see segment-summary-sync.ts) and every cached result is dropped. With one: only its results.
 */
export function bumpSegmentsGeneration(db: Database.Database, dataSource?: string, span?: TimeSpan | null): void {
  const state = stateOf(db);
  state.writes++;
  if (dataSource !== undefined) {
    const generation = (state.perDataSource.get(dataSource) ?? 0) + 1;
    state.perDataSource.set(dataSource, generation);
    const log = state.spans.get(dataSource) ?? [];
    log.push({ first: generation, last: generation, span: span ?? null });
    // Old entries are merged, not dropped: a wider span only makes a patch re-read more.
    if (log.length > SPAN_LOG) {
      const [a, b] = log.splice(0, 2) as [SpanEntry, SpanEntry];
      log.unshift({ first: a.first, last: b.last, span: a.span && b.span && unionSpan(a.span, b.span) });
    }
    state.spans.set(dataSource, log);
    return;
  }
  summarizeInsertedRows(db);
  state.epoch++;
  state.cache.clear();
}

export function bumpDataSources(db: Database.Database, changes: Map<string, TimeSpan | null>): void {
  for (const [dataSource, span] of changes) bumpSegmentsGeneration(db, dataSource, span);
}

export interface TimeSpan {
  start: number;
  end: number;
}

interface SpanEntry {
  first: number;
  last: number;
  span: TimeSpan | null;
}

function unionSpan(a: TimeSpan, b: TimeSpan): TimeSpan {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}
const SPAN_LOG = 64;

/**
 * What changed in the datasource since `generation` (a `segmentsGeneration` value): 'unchanged', the union of the
 * spans changed, or null when that is not known (global bump, a bump without span, or too long ago).
 */
export function changedSince(
  db: Database.Database,
  dataSource: string,
  generation: string,
): TimeSpan | null | 'unchanged' {
  const current = segmentsGeneration(db, dataSource);
  if (current === generation) return 'unchanged';
  const state = stateOf(db);
  const [epoch, from] = generation.split(':').map(Number);
  if (epoch !== state.epoch) return null;
  const log = state.spans.get(dataSource) ?? [];
  if ((log[0]?.first ?? Number.POSITIVE_INFINITY) > (from ?? 0) + 1) return null;
  let union: TimeSpan | null = null;
  for (const { last, span } of log) {
    if (last <= (from ?? 0)) continue;
    if (!span) return null;
    union = union ? unionSpan(union, span) : { ...span };
  }
  return union;
}

/** Changes whenever the datasource's segments or summaries may have changed. */
export function segmentsGeneration(db: Database.Database, dataSource: string): string {
  const state = stateOf(db);
  return `${state.epoch}:${state.perDataSource.get(dataSource) ?? 0}`;
}

/** `compute()` once per generation of the datasource (`null`: of any datasource). */
export function cachedDerived<T>(db: Database.Database, dataSource: string | null, name: string, compute: () => T): T {
  const state = stateOf(db);
  const key = dataSource === null ? `${state.epoch}:${state.writes}` : segmentsGeneration(db, dataSource);
  const cacheKey = JSON.stringify([dataSource, name]);
  const hit = state.cache.get(cacheKey);
  if (hit && hit.key === key) return hit.value as T;
  const value = compute();
  state.cache.set(cacheKey, { key, value });
  return value;
}

/**
 * CROSS JOIN keeps the (few) overshadowed groups, read from their partial index, as the outer loop; a plain JOIN let
 * SQLite walk every used segment of the datasource instead.
 */
export const OVERSHADOWED_IDS_SQL = `SELECT s.id FROM segment_groups AS g INDEXED BY segment_groups_overshadowed
  CROSS JOIN druid_segments s
  ON s.dataSource = g.dataSource AND s.used = 1 AND s.start_ms = g.start_ms AND s.end_ms = g.end_ms
    AND s.version = g.version
  WHERE g.dataSource = ? AND g.overshadowed = 1 AND g.used_count > 0`;

/** IDs of used segments that higher versions overshadow, from the groups flagged so (few in a steady cluster). */
export function overshadowedIds(db: Database.Database, dataSource: string): Set<string> {
  return cachedDerived(db, dataSource, 'overshadowed', () => {
    const rows = db.prepare<[string], { id: string }>(OVERSHADOWED_IDS_SQL).all(dataSource);
    return new Set(rows.map((row) => row.id));
  });
}

export function dataSourceNames(db: Database.Database, includeUnused: boolean): string[] {
  return cachedDerived(db, null, includeUnused ? 'names-all' : 'names-used', () => {
    const sql = includeUnused
      ? 'SELECT dataSource AS name FROM datasource_totals'
      : 'SELECT dataSource AS name FROM datasource_totals WHERE used_count > 0';
    return db
      .prepare<[], { name: string }>(sql)
      .all()
      .map((row) => row.name)
      .sort(compareUtf16);
  });
}

/** Java's String.compareTo order (UTF-16 code units), which is how Druid's TreeSets sort names. */
export function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function usedSegmentRows(db: Database.Database, dataSource: string): SegmentRow[] {
  return db
    .prepare<[string], SegmentRow>('SELECT * FROM druid_segments WHERE dataSource = ? AND used = 1 ORDER BY id')
    .all(dataSource);
}

export function iterateUsedSegmentRows(db: Database.Database, dataSources: string[] | null): Iterable<SegmentRow> {
  if (dataSources === null) {
    return db
      .prepare<[], SegmentRow>('SELECT * FROM druid_segments WHERE used = 1 ORDER BY dataSource, start_ms, id')
      .iterate();
  }
  const placeholders = dataSources.map(() => '?').join(',');
  return db
    .prepare<string[], SegmentRow>(
      `SELECT * FROM druid_segments WHERE used = 1 AND dataSource IN (${placeholders}) ORDER BY dataSource, start_ms, id`,
    )
    .iterate(...dataSources);
}

export function segmentRow(db: Database.Database, id: string): SegmentRow | undefined {
  return db.prepare<[string], SegmentRow>('SELECT * FROM druid_segments WHERE id = ?').get(id);
}

/** Whether the metadata store has ever seen the datasource (any segment, used or not). */
export function hasSegments(db: Database.Database, dataSource: string): boolean {
  return !!db.prepare('SELECT 1 FROM datasource_totals WHERE dataSource = ?').get(dataSource);
}

export function hasUsedSegments(db: Database.Database, dataSource: string): boolean {
  return !!db.prepare('SELECT 1 FROM datasource_totals WHERE dataSource = ? AND used_count > 0').get(dataSource);
}

/**
 * Used segments overlapping any of the intervals (overshadowed ones included), ordered by ID. Segments start at most
 * the datasource's longest duration before the interval ends them, which bounds the index range read.
 */
export function usedRowsOverlapping(
  db: Database.Database,
  dataSource: string,
  intervals: Interval[],
): Array<Pick<SegmentRow, 'id' | 'payload'>> {
  const statement = db.prepare<[string, number, number, number], Pick<SegmentRow, 'id' | 'payload'>>(
    `SELECT id, payload FROM druid_segments
     WHERE dataSource = ? AND used = 1 AND start_ms >= ? AND start_ms < ? AND end_ms > ?`,
  );
  const earliest = maxDurationOf(db, dataSource);
  const byId = new Map<string, Pick<SegmentRow, 'id' | 'payload'>>();
  for (const interval of intervals) {
    for (const row of statement.all(dataSource, interval.start - earliest, interval.end, interval.start)) {
      byId.set(row.id, row);
    }
  }
  return [...byId.values()].sort((a, b) => compareUtf16(a.id, b.id));
}

export interface UnusedPageQuery {
  interval: Interval | null;
  limit: number | null;
  lastSegmentId: string | null;
  sortOrder: 'ASC' | 'DESC' | null;
}

/**
 * One page of `unusedSegments`: keyset paging by segment ID (IDs greater than `lastSegmentId` ascending, smaller
 * descending), only segments fully inside `interval`.
 */
export type UnusedPageRow = Pick<SegmentRow, 'id' | 'payload' | 'created_date' | 'used_status_last_updated' | 'used'>;

export function unusedSegmentRows(db: Database.Database, dataSource: string, query: UnusedPageQuery): UnusedPageRow[] {
  const { sql, params } = unusedPageSql(dataSource, query);
  return db.prepare<Array<string | number>, UnusedPageRow>(sql).all(...params);
}

/** The statement of one `unusedSegments` page (exported so its index bounds can be checked). */
export function unusedPageSql(
  dataSource: string,
  query: UnusedPageQuery,
): { sql: string; params: Array<string | number> } {
  const where = ['dataSource = ?', 'used = 0'];
  const params: Array<string | number> = [dataSource];
  const descending = query.sortOrder === 'DESC';
  const range = query.interval ? idRangeOfStarts(dataSource, query.interval) : null;
  if (query.interval) {
    // Druid's SQL: start >= :start AND start <= :end AND end <= :end.
    where.push('start_ms >= ?', 'start_ms <= ?', 'end_ms <= ?');
    params.push(query.interval.start, query.interval.end, query.interval.end);
  }
  // One bound per side, merged in SQL (its own text order): given two lower bounds, SQLite seeks to one and filters
  // by the other row by row, so every keyset page walked again from the interval's first ID (a page 90 % into 1.3M
  // unused segments took 130 ms instead of 36). A range start is never an ID itself, so `>` equals `>=` there.
  const last = query.lastSegmentId;
  if (range && last !== null) {
    where.push(descending ? 'id > ?' : 'id < ?', descending ? 'id < min(?, ?)' : 'id > max(?, ?)');
    params.push(descending ? range[0] : range[1], descending ? range[1] : range[0], last);
  } else if (range) {
    where.push('id > ?', 'id < ?');
    params.push(...range);
  } else if (last !== null) {
    where.push(descending ? 'id < ?' : 'id > ?');
    params.push(last);
  }
  const limit = query.limit === null ? '' : ` LIMIT ${Math.floor(query.limit)}`;
  // Only the columns the response needs: half the time of SELECT * for a 10k page.
  const sql = `SELECT id, payload, created_date, used_status_last_updated, used FROM druid_segments WHERE ${where.join(' AND ')} ORDER BY id ${descending ? 'DESC' : 'ASC'}${limit}`;
  return { sql, params };
}

const YEAR_1000 = Date.UTC(1000, 0, 1);
const YEAR_10000 = Date.UTC(10000, 0, 1);

/**
 * IDs are `dataSource_start_…` and, for years 1000-9999, ISO instants sort as time does: segments starting inside
 * the interval have IDs in this range, so the ID index is read from the first candidate, not from the first
 * segment of the datasource. Outside those years there is no such range (null) and the time filter alone decides.
 */
function idRangeOfStarts(dataSource: string, interval: Interval): [string, string] | null {
  const inRange = (ms: number) => ms >= YEAR_1000 && ms < YEAR_10000;
  if (!inRange(interval.start) || !inRange(interval.end)) return null;
  // '`' sorts right after '_', the separator that follows the start instant.
  return [`${dataSource}_${formatInstant(interval.start)}`, `${dataSource}_${formatInstant(interval.end)}\``];
}

export function rowInterval(row: Pick<SegmentRow, 'start_ms' | 'end_ms'>): Interval {
  return { start: row.start_ms, end: row.end_ms };
}

export function isInside(row: SegmentRow, interval: Interval): boolean {
  return contains(interval, rowInterval(row));
}
