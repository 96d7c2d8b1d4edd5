import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import { contains, type Interval } from '../../src/druid/interval.ts';
import { maxDurationOf } from './group-overshadow.ts';
import { cachedDerived } from './segment-store.ts';

/**
 * What the local cluster serves (every used, non-overshadowed segment: its coordinator loads them at once), derived
 * from segment_groups and cached per datasource generation, as Druid answers these from its in-memory inventory.
 */
export interface ServedSummary {
  count: number;
  size: number;
  replicatedSize: number;
  minTime: string;
  maxTime: string;
}

export function servedSummary(db: Database.Database, dataSource: string): ServedSummary | null {
  return cachedDerived(db, dataSource, 'served-summary', () => {
    const row = db
      .prepare<[string], { c: number | null; s: number; r: number; lo: number; hi: number }>(
        `SELECT sum(used_count) AS c, sum(used_size) AS s, sum(used_replicated_size) AS r,
           min(start_ms) AS lo, max(end_ms) AS hi
         FROM segment_groups WHERE dataSource = ? AND used_count > 0 AND overshadowed = 0`,
      )
      .get(dataSource);
    if (!row?.c) return null;
    return {
      count: row.c,
      size: row.s,
      replicatedSize: row.r,
      minTime: formatInstant(row.lo),
      maxTime: formatInstant(row.hi),
    };
  });
}

/** [start, end, count, size] per served interval, newest first (Druid's intervalsByStartThenEnd, reversed). */
export type ServedInterval = [start: number, end: number, count: number, size: number];

export function servedIntervals(db: Database.Database, dataSource: string): ServedInterval[] {
  return cachedDerived(db, dataSource, 'served-intervals', () =>
    db
      .prepare<[string], ServedInterval>(
        `SELECT start_ms, end_ms, sum(used_count), sum(used_size) FROM segment_groups
         WHERE dataSource = ? AND used_count > 0 AND overshadowed = 0
         GROUP BY start_ms, end_ms ORDER BY start_ms DESC, end_ms DESC`,
      )
      .raw()
      .all(dataSource),
  );
}

const intervalText = ([start, end]: ServedInterval) => `${formatInstant(start)}/${formatInstant(end)}`;

/** The JSON of `intervals` (interval strings) or `intervals?simple` (`{interval: {size, count}}`), optionally inside. */
export function servedIntervalsJson(
  db: Database.Database,
  dataSource: string,
  mode: 'plain' | 'simple',
  inside: Interval | null = null,
): string {
  const build = () => {
    const rows = servedIntervals(db, dataSource).filter(
      ([start, end]) => inside === null || contains(inside, { start, end }),
    );
    if (mode === 'plain') return JSON.stringify(rows.map(intervalText));
    return `{${rows.map((row) => `${JSON.stringify(intervalText(row))}:{"size":${row[3]},"count":${row[2]}}`).join(',')}}`;
  };
  return inside === null ? cachedDerived(db, dataSource, `served-intervals-${mode}`, build) : build();
}

/** Served segments overlapping the interval (loadstatus). */
export function servedCountOverlapping(db: Database.Database, dataSource: string, interval: Interval): number {
  const row = db
    .prepare<[string, number, number, number], { c: number | null }>(
      `SELECT sum(used_count) AS c FROM segment_groups
       WHERE dataSource = ? AND start_ms >= ? AND start_ms < ? AND end_ms > ? AND used_count > 0 AND overshadowed = 0`,
    )
    .get(dataSource, interval.start - maxDurationOf(db, dataSource), interval.end, interval.start);
  return row?.c ?? 0;
}

/** Served groups overlapping the interval, for the rules that decide their load (loadstatus?full). */
export function servedGroupsOverlapping(db: Database.Database, dataSource: string, interval: Interval): Interval[] {
  return db
    .prepare<[string, number, number, number], Interval>(
      `SELECT DISTINCT start_ms AS start, end_ms AS "end" FROM segment_groups
       WHERE dataSource = ? AND start_ms >= ? AND start_ms < ? AND end_ms > ? AND used_count > 0 AND overshadowed = 0`,
    )
    .all(dataSource, interval.start - maxDurationOf(db, dataSource), interval.end, interval.start);
}
