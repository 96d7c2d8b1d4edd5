import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import { ETERNITY, type Interval } from '../../src/druid/interval.ts';
import { possibleParsingsWithDataSource } from '../../src/druid/segment-id.ts';
import { groupsMatching, moveGroups } from './group-marking.ts';
import { nonOvershadowedCandidates } from './group-overshadow.ts';
import { applyGroupDeltas, type GroupDelta } from './segment-groups.ts';
import { bumpDataSources, bumpSegmentsGeneration } from './segment-store.ts';

/**
 * State changes of druid_segments, each in one transaction with the summaries it changes, with Druid's semantics.
 * By interval they work per group (datasource, interval, version); by IDs per row.
 */

export interface IntervalFilter {
  interval: Interval;
  /** Exact version strings; an empty list matches nothing, as in Druid. */
  versions?: string[] | null;
}

interface ChangedRow {
  seg: number;
  dataSource: string;
  start_ms: number;
  end_ms: number;
  version: string;
  size: number;
  replication_factor: number | null;
}

/**
 * One SELECT and one UPDATE for the whole list (json_each), optionally limited to a datasource; 10k IDs in one
 * statement each. `+r.dataSource` keeps the IDs looked up by key (see ROWS_BY_IDS_SQL).
 */
function setUsed(db: Database.Database, ids: string[], used: boolean, now: number, dataSource?: string): number {
  if (ids.length === 0) return 0;
  const scope = dataSource === undefined ? '' : ' AND +r.dataSource = @dataSource';
  const rows = db
    .prepare<Record<string, unknown>, ChangedRow>(
      `SELECT r.seg, r.dataSource, r.start_ms, r.end_ms, r.version, r.size, r.replication_factor
       FROM segment_rows r CROSS JOIN segment_state s USING (seg)
       WHERE r.id IN (SELECT value FROM json_each(@ids))${scope} AND s.used = @from`,
    )
    .all({ from: used ? 0 : 1, ids: JSON.stringify(ids), dataSource });
  db.prepare(
    `UPDATE segment_state SET used = @to, used_status_last_updated = @stamp
     WHERE seg IN (SELECT value FROM json_each(@segs))`,
  ).run({ to: used ? 1 : 0, stamp: formatInstant(now), segs: JSON.stringify(rows.map((row) => row.seg)) });
  const sign = used ? 1 : -1;
  const deltas = rows.map((row): GroupDelta => {
    const sizes = [1, row.size, row.size * (row.replication_factor ?? 1)];
    return {
      dataSource: row.dataSource,
      start: row.start_ms,
      end: row.end_ms,
      version: row.version,
      used: sizes.map((n) => sign * n) as GroupDelta['used'],
      unused: sizes.map((n) => -sign * n) as GroupDelta['unused'],
    };
  });
  bumpDataSources(db, applyGroupDeltas(db, deltas));
  return rows.length;
}

/** markUnused by IDs: IDs that do not parse for `dataSource` are ignored (Druid's tryParse). */
export function markUnusedByIds(db: Database.Database, dataSource: string, ids: string[], now: number): number {
  const valid = ids.filter((id) => possibleParsingsWithDataSource(id, dataSource).length > 0);
  // Druid updates `WHERE dataSource = ? AND id IN (…)`: the ID of `ds_2020-01-01T00:00:00.000Z`'s segment also
  // parses for `ds`, but must not be marked through it.
  return db.transaction(() => setUsed(db, valid, false, now, dataSource))();
}

/** Used segments fully inside the interval (optionally of some versions) become unused: whole groups. */
export function markUnusedByInterval(db: Database.Database, dataSource: string, filter: IntervalFilter, now: number) {
  const { changed, span } = db.transaction(() =>
    moveGroups(
      db,
      dataSource,
      { predicate: { interval: filter.interval, versions: filter.versions ?? null } },
      'unused',
      formatInstant(now),
    ),
  )();
  if (changed > 0) bumpSegmentsGeneration(db, dataSource, span);
  return changed;
}

export function markAllUnused(db: Database.Database, dataSource: string, now: number): number {
  return markUnusedByInterval(db, dataSource, { interval: ETERNITY }, now);
}

/**
 * Druid's markNonOvershadowedSegmentsAsUsed: unused segments fully inside the interval join the timeline of used
 * segments, and only those no higher version covers come back. Overshadowing is per group, so whole groups do.
 */
export function markUsedByInterval(db: Database.Database, dataSource: string, filter: IntervalFilter, now: number) {
  const { changed, span } = db.transaction(() => {
    const predicate = { interval: filter.interval, versions: filter.versions ?? null };
    const candidates = groupsMatching(db, dataSource, predicate, 'unused');
    const revive = nonOvershadowedCandidates(db, dataSource, candidates);
    if (revive.length === 0) return { changed: 0, span: null };
    // Usually nothing is overshadowed: then one UPDATE by the predicate instead of one per group.
    const target = revive.length === candidates.length ? { predicate } : { groups: revive };
    return moveGroups(db, dataSource, target, 'used', formatInstant(now));
  })();
  if (changed > 0) bumpSegmentsGeneration(db, dataSource, span);
  return changed;
}

export function markAllUsed(db: Database.Database, dataSource: string, now: number): number {
  return markUsedByInterval(db, dataSource, { interval: ETERNITY }, now);
}

export class SegmentIdsError extends Error {}

/**
 * `+dataSource` makes SQLite look the IDs up by primary key. Left to itself it walks the datasource's index with a
 * Bloom filter instead, reading every row of the datasource: 10 s for 10k IDs in a 2M-segment datasource.
 */
export const ROWS_BY_IDS_SQL = `SELECT id, used, start_ms AS start, end_ms AS "end", version FROM druid_segments
  WHERE +dataSource = ? AND id IN (SELECT value FROM json_each(?))`;

/**
 * markUsed by IDs as the Overlord validates them: every ID must parse for the datasource and exist in the metadata
 * store, else nothing changes.
 */
export function markUsedByIds(db: Database.Database, dataSource: string, ids: string[], now: number): number {
  const unparseable = ids.filter((id) => possibleParsingsWithDataSource(id, dataSource).length === 0);
  if (unparseable.length > 0)
    throw new SegmentIdsError(`Could not parse invalid segment IDs[[${unparseable.join(', ')}]]`);
  return db.transaction(() => {
    const unique = [...new Set(ids)];
    const rows = db
      .prepare<[string, string], { id: string; used: number; start: number; end: number; version: string }>(
        ROWS_BY_IDS_SQL,
      )
      .all(dataSource, JSON.stringify(unique));
    if (rows.length < unique.length) {
      const found = new Set(rows.map((row) => row.id));
      const missing = unique.filter((id) => !found.has(id));
      throw new SegmentIdsError(`Could not find segment IDs[[${missing.join(', ')}]] for datasource[${dataSource}]`);
    }
    const candidates = rows.filter((row) => row.used === 0);
    const groups = new Map(candidates.map((row) => [JSON.stringify([row.start, row.end, row.version]), row]));
    const revived = new Set(
      nonOvershadowedCandidates(db, dataSource, [...groups.values()]).map((row) =>
        JSON.stringify([row.start, row.end, row.version]),
      ),
    );
    const revive = candidates.filter((row) => revived.has(JSON.stringify([row.start, row.end, row.version])));
    return setUsed(
      db,
      revive.map((row) => row.id),
      true,
      now,
      dataSource,
    );
  })();
}

/**
 * The single-segment mark-used endpoint sets the flag on the raw ID without parsing it or checking overshadowing,
 * as Druid's markSegmentAsUsed does; the coordinator duty later marks an overshadowed one unused again.
 */
export function markOneUsed(db: Database.Database, dataSource: string, id: string, now: number): number {
  return db.transaction(() => setUsed(db, [id], true, now, dataSource))();
}

/** The single-segment mark-unused endpoint (the caller has parsed the ID). */
export function markOneUnused(db: Database.Database, dataSource: string, id: string, now: number): number {
  return db.transaction(() => setUsed(db, [id], false, now, dataSource))();
}
