import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import { ETERNITY, type Interval } from '../../src/druid/interval.ts';
import { findOvershadowed } from '../../src/druid/overshadow.ts';
import { possibleParsingsWithDataSource } from '../../src/druid/segment-id.ts';
import type { SegmentRow } from './segment-records.ts';
import { bumpSegmentsGeneration } from './segment-store.ts';

/** State changes of druid_segments, each in one transaction, with Druid's semantics. */

export interface IntervalFilter {
  interval: Interval;
  /** Exact version strings; an empty list matches nothing, as in Druid. */
  versions?: string[] | null;
}

function versionClause(versions: string[] | null | undefined, params: Array<string | number>): string {
  if (versions === null || versions === undefined) return '';
  if (versions.length === 0) return ' AND 0';
  params.push(...versions);
  return ` AND version IN (${versions.map(() => '?').join(',')})`;
}

/** One UPDATE for the whole list (json_each), optionally limited to a datasource; 10k IDs in one statement. */
function setUsed(db: Database.Database, ids: string[], used: boolean, now: number, dataSource?: string): number {
  if (ids.length === 0) return 0;
  const scope = dataSource === undefined ? '' : ' AND dataSource = @dataSource';
  const { changes } = db
    .prepare(
      `UPDATE druid_segments SET used = @to, used_status_last_updated = @stamp
       WHERE used = @from${scope} AND id IN (SELECT value FROM json_each(@ids))`,
    )
    .run({ to: used ? 1 : 0, from: used ? 0 : 1, stamp: formatInstant(now), ids: JSON.stringify(ids), dataSource });
  if (changes > 0) bumpSegmentsGeneration(db);
  return changes;
}

/** markUnused by IDs: IDs that do not parse for `dataSource` are ignored (Druid's tryParse). */
export function markUnusedByIds(db: Database.Database, dataSource: string, ids: string[], now: number): number {
  const valid = ids.filter((id) => possibleParsingsWithDataSource(id, dataSource).length > 0);
  // Druid updates `WHERE dataSource = ? AND id IN (…)`: the ID of `ds_2020-01-01T00:00:00.000Z`'s segment also
  // parses for `ds`, but must not be marked through it.
  return db.transaction(() => setUsed(db, valid, false, now, dataSource))();
}

/** Used segments fully inside the interval (optionally of some versions) become unused. */
export function markUnusedByInterval(db: Database.Database, dataSource: string, filter: IntervalFilter, now: number) {
  return db.transaction(() => {
    const params: Array<string | number> = [dataSource, filter.interval.start, filter.interval.end];
    const sql =
      'SELECT id FROM druid_segments WHERE dataSource = ? AND used = 1 AND start_ms >= ? AND end_ms <= ?' +
      versionClause(filter.versions, params);
    const ids = db
      .prepare<Array<string | number>, { id: string }>(sql)
      .all(...params)
      .map((row) => row.id);
    return setUsed(db, ids, false, now);
  })();
}

export function markAllUnused(db: Database.Database, dataSource: string, now: number): number {
  return markUnusedByInterval(db, dataSource, { interval: ETERNITY }, now);
}

/**
 * Druid's markNonOvershadowedSegmentsAsUsed: the candidates join the timeline of used segments that overlap them,
 * and only candidates no higher version covers come back.
 */
function reviveNonOvershadowed(db: Database.Database, dataSource: string, candidates: SegmentRow[], now: number) {
  if (candidates.length === 0) return 0;
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const row of candidates) {
    start = Math.min(start, row.start_ms);
    end = Math.max(end, row.end_ms);
  }
  const used = db
    .prepare<[string, number, number], SegmentRow>(
      'SELECT * FROM druid_segments WHERE dataSource = ? AND used = 1 AND start_ms < ? AND end_ms > ?',
    )
    .all(dataSource, end, start);
  const timeline = [...used, ...candidates].map((row) => ({
    id: row.id,
    start: row.start_ms,
    end: row.end_ms,
    version: row.version,
  }));
  const overshadowed = findOvershadowed(timeline);
  const revive = candidates.filter((row) => !overshadowed.has(row.id)).map((row) => row.id);
  return setUsed(db, revive, true, now);
}

export function markUsedByInterval(db: Database.Database, dataSource: string, filter: IntervalFilter, now: number) {
  return db.transaction(() => {
    const params: Array<string | number> = [dataSource, filter.interval.start, filter.interval.end];
    const sql =
      'SELECT * FROM druid_segments WHERE dataSource = ? AND used = 0 AND start_ms >= ? AND end_ms <= ?' +
      versionClause(filter.versions, params);
    return reviveNonOvershadowed(
      db,
      dataSource,
      db.prepare<Array<string | number>, SegmentRow>(sql).all(...params),
      now,
    );
  })();
}

export function markAllUsed(db: Database.Database, dataSource: string, now: number): number {
  return markUsedByInterval(db, dataSource, { interval: ETERNITY }, now);
}

export class SegmentIdsError extends Error {}

/**
 * markUsed by IDs as the Overlord validates them: every ID must parse for the datasource and exist in the metadata
 * store, else nothing changes.
 */
export function markUsedByIds(db: Database.Database, dataSource: string, ids: string[], now: number): number {
  const unparseable = ids.filter((id) => possibleParsingsWithDataSource(id, dataSource).length === 0);
  if (unparseable.length > 0)
    throw new SegmentIdsError(`Could not parse invalid segment IDs[[${unparseable.join(', ')}]]`);
  return db.transaction(() => {
    const lookup = db.prepare<[string, string], SegmentRow>(
      'SELECT * FROM druid_segments WHERE id = ? AND dataSource = ?',
    );
    const rows: SegmentRow[] = [];
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const row = lookup.get(id, dataSource);
      if (!row) missing.push(id);
      else if (row.used === 0) rows.push(row);
    }
    if (missing.length > 0) {
      throw new SegmentIdsError(`Could not find segment IDs[[${missing.join(', ')}]] for datasource[${dataSource}]`);
    }
    return reviveNonOvershadowed(db, dataSource, rows, now);
  })();
}

/**
 * The single-segment mark-used endpoint sets the flag on the raw ID without parsing it or checking overshadowing,
 * as Druid's markSegmentAsUsed does; the coordinator duty later marks an overshadowed one unused again.
 */
export function markOneUsed(db: Database.Database, dataSource: string, id: string, now: number): number {
  return db.transaction(() => {
    const row = db.prepare('SELECT 1 FROM druid_segments WHERE id = ? AND dataSource = ?').get(id, dataSource);
    return row ? setUsed(db, [id], true, now) : 0;
  })();
}

/** The single-segment mark-unused endpoint (the caller has parsed the ID). */
export function markOneUnused(db: Database.Database, dataSource: string, id: string, now: number): number {
  return db.transaction(() => {
    const row = db.prepare('SELECT 1 FROM druid_segments WHERE id = ? AND dataSource = ?').get(id, dataSource);
    return row ? setUsed(db, [id], false, now) : 0;
  })();
}

/** For the coordinator duty, already inside its transaction. */
export function markOneUnusedUnchecked(db: Database.Database, id: string, now: number): number {
  return setUsed(db, [id], false, now);
}
