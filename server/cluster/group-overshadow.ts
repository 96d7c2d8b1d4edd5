import type Database from 'better-sqlite3';
import { findOvershadowed } from '../../src/druid/overshadow.ts';

/**
 * Keeps segment_groups.overshadowed exact for groups with used segments. A group's status depends only on the
 * used groups overlapping it, so when groups inside [start, end) gain or lose their last used segment, only groups
 * overlapping that span can change; their possible coverers start at most `max_duration` before them.
 */
export function refreshOvershadowedFlags(db: Database.Database, dataSource: string, start: number, end: number) {
  const maxDuration = maxDurationOf(db, dataSource);
  const groups = db
    .prepare<[string, number, number], [number, number, string, number]>(
      `SELECT start_ms, end_ms, version, overshadowed FROM segment_groups
       WHERE dataSource = ? AND start_ms >= ? AND start_ms < ? AND used_count > 0`,
    )
    .raw()
    .all(dataSource, start - maxDuration, end);
  const hidden = findOvershadowed(groups.map(([s, e, version], i) => ({ id: String(i), start: s, end: e, version })));
  const setFlag = db.prepare(
    'UPDATE segment_groups SET overshadowed = ? WHERE dataSource = ? AND start_ms = ? AND end_ms = ? AND version = ?',
  );
  groups.forEach(([s, e, version, flag], i) => {
    const now = hidden.has(String(i)) ? 1 : 0;
    // Only groups overlapping the span can have changed; the others are read as possible coverers.
    if (now !== flag && s < end && e > start) setFlag.run(now, dataSource, s, e, version);
  });
}

/** The longest group interval the datasource has had: an upper bound that lets range reads use the index. */
export function maxDurationOf(db: Database.Database, dataSource: string): number {
  return (
    db
      .prepare<[string], { max_duration: number }>('SELECT max_duration FROM datasource_totals WHERE dataSource = ?')
      .get(dataSource)?.max_duration ?? 0
  );
}

export interface GroupKey {
  start: number;
  end: number;
  version: string;
}

/**
 * Druid's markNonOvershadowedSegmentsAsUsed at group level: the candidate groups join the timeline of used groups
 * overlapping them, and only candidates no higher version covers are returned.
 */
export function nonOvershadowedCandidates<T extends GroupKey>(
  db: Database.Database,
  dataSource: string,
  candidates: T[],
): T[] {
  if (candidates.length === 0) return [];
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  for (const group of candidates) {
    start = Math.min(start, group.start);
    end = Math.max(end, group.end);
  }
  const used = db
    .prepare<[string, number, number, number], [number, number, string]>(
      `SELECT start_ms, end_ms, version FROM segment_groups
       WHERE dataSource = ? AND used_count > 0 AND start_ms >= ? AND start_ms < ? AND end_ms > ?`,
    )
    .raw()
    .all(dataSource, start - maxDurationOf(db, dataSource), end, start);
  const entries = [
    ...used.map(([s, e, version], i) => ({ id: `u${i}`, start: s, end: e, version })),
    ...candidates.map((group, i) => ({ id: `c${i}`, start: group.start, end: group.end, version: group.version })),
  ];
  const hidden = findOvershadowed(entries);
  return candidates.filter((_, i) => !hidden.has(`c${i}`));
}
