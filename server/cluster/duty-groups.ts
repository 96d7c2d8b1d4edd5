import type Database from 'better-sqlite3';

/** A group with used segments, as the coordinator duty reads it from segment_groups. */
export interface DutyGroup {
  start: number;
  end: number;
  version: string;
  used_count: number;
  overshadowed: number;
  replication: number | null;
}

export function presentGroups(db: Database.Database, dataSource: string): DutyGroup[] {
  return db
    .prepare<[string], DutyGroup>(
      `SELECT start_ms AS start, end_ms AS "end", version, used_count, overshadowed, replication FROM segment_groups
       WHERE dataSource = ? AND used_count > 0`,
    )
    .all(dataSource);
}

/**
 * Sets the replication factor of a group's used segments (only rows that differ) and records it on the group.
 * Statements are prepared once per run: the first run at millions of segments writes hundreds of thousands of groups.
 */
export function replicationWriter(db: Database.Database) {
  const rows = db.prepare(
    `UPDATE segment_rows SET replication_factor = ?
     WHERE dataSource = ? AND start_ms = ? AND end_ms = ? AND version = ? AND replication_factor IS NOT ?
       AND (SELECT used FROM segment_state s WHERE s.seg = segment_rows.seg) = 1`,
  );
  const group = db.prepare(
    `UPDATE segment_groups SET replication = ?, used_replicated_size = used_size * ?
     WHERE dataSource = ? AND start_ms = ? AND end_ms = ? AND version = ?`,
  );
  return (dataSource: string, g: DutyGroup, replicas: number | null) => {
    rows.run(replicas, dataSource, g.start, g.end, g.version, replicas);
    group.run(replicas ?? -1, replicas ?? 1, dataSource, g.start, g.end, g.version);
  };
}
