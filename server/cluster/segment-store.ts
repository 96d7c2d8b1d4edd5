import type Database from 'better-sqlite3';
import { contains, type Interval } from '../../src/druid/interval.ts';
import { findOvershadowed } from '../../src/druid/overshadow.ts';
import type { SegmentRow } from './segment-records.ts';

/**
 * Reads of druid_segments. Overshadowing is derived from the used segments, as Druid's coordinator does, and cached
 * per datasource until the next write (`bumpSegmentsGeneration`).
 */
const generations = new WeakMap<Database.Database, number>();
const overshadowCache = new WeakMap<Database.Database, Map<string, { generation: number; ids: Set<string> }>>();

export function bumpSegmentsGeneration(db: Database.Database): void {
  generations.set(db, (generations.get(db) ?? 0) + 1);
}

export function overshadowedIds(db: Database.Database, dataSource: string): Set<string> {
  const generation = generations.get(db) ?? 0;
  const cache = overshadowCache.get(db) ?? new Map<string, { generation: number; ids: Set<string> }>();
  overshadowCache.set(db, cache);
  const hit = cache.get(dataSource);
  if (hit && hit.generation === generation) return hit.ids;
  const entries = db
    .prepare<[string], { id: string; start: number; end: number; version: string }>(
      'SELECT id, start_ms AS start, end_ms AS "end", version FROM druid_segments WHERE dataSource = ? AND used = 1',
    )
    .all(dataSource);
  const ids = findOvershadowed(entries);
  cache.set(dataSource, { generation, ids });
  return ids;
}

export function dataSourceNames(db: Database.Database, includeUnused: boolean): string[] {
  const sql = includeUnused
    ? 'SELECT DISTINCT dataSource AS name FROM druid_segments ORDER BY name'
    : 'SELECT DISTINCT dataSource AS name FROM druid_segments WHERE used = 1 ORDER BY name';
  return db
    .prepare<[], { name: string }>(sql)
    .all()
    .map((row) => row.name)
    .sort(compareUtf16);
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
  return !!db.prepare('SELECT 1 FROM druid_segments WHERE dataSource = ? LIMIT 1').get(dataSource);
}

export function hasUsedSegments(db: Database.Database, dataSource: string): boolean {
  return !!db.prepare('SELECT 1 FROM druid_segments WHERE dataSource = ? AND used = 1 LIMIT 1').get(dataSource);
}

/** Used segments overlapping any of the intervals (overshadowed ones included), ordered by ID. */
export function usedRowsOverlapping(db: Database.Database, dataSource: string, intervals: Interval[]): SegmentRow[] {
  const statement = db.prepare<[string, number, number], SegmentRow>(
    'SELECT * FROM druid_segments WHERE dataSource = ? AND used = 1 AND start_ms < ? AND end_ms > ?',
  );
  const byId = new Map<string, SegmentRow>();
  for (const interval of intervals) {
    for (const row of statement.all(dataSource, interval.end, interval.start)) byId.set(row.id, row);
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
  const where = ['dataSource = ?', 'used = 0'];
  const params: Array<string | number> = [dataSource];
  if (query.interval) {
    where.push('start_ms >= ?', 'end_ms <= ?');
    params.push(query.interval.start, query.interval.end);
  }
  const descending = query.sortOrder === 'DESC';
  if (query.lastSegmentId !== null) {
    where.push(descending ? 'id < ?' : 'id > ?');
    params.push(query.lastSegmentId);
  }
  const limit = query.limit === null ? '' : ` LIMIT ${Math.floor(query.limit)}`;
  // Only the columns the response needs: half the time of SELECT * for a 10k page.
  const sql = `SELECT id, payload, created_date, used_status_last_updated, used FROM druid_segments WHERE ${where.join(' AND ')} ORDER BY id ${descending ? 'DESC' : 'ASC'}${limit}`;
  return db.prepare<Array<string | number>, UnusedPageRow>(sql).all(...params);
}

export function rowInterval(row: Pick<SegmentRow, 'start_ms' | 'end_ms'>): Interval {
  return { start: row.start_ms, end: row.end_ms };
}

export function isInside(row: SegmentRow, interval: Interval): boolean {
  return contains(interval, rowInterval(row));
}
