import type Database from 'better-sqlite3';
import { refreshOvershadowedFlags } from './group-overshadow.ts';

/**
 * Summary tables kept exact in the same transaction as every write to druid_segments, so the endpoints Druid serves
 * from memory never rescan segment rows. One row per (datasource, interval, version) "group": in our model
 * overshadowing depends only on which groups have used segments, so served counts derive from groups alone.
 * `replication` is what the coordinator duty last set on every used segment of the group (-1: no rule matched,
 * NULL: unknown since used segments joined), so a steady duty writes nothing.
 */
export const SUMMARY_SCHEMA = `
CREATE TABLE IF NOT EXISTS segment_groups (
  dataSource TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  version TEXT NOT NULL,
  used_count INTEGER NOT NULL DEFAULT 0,
  used_size INTEGER NOT NULL DEFAULT 0,
  used_replicated_size INTEGER NOT NULL DEFAULT 0,
  unused_count INTEGER NOT NULL DEFAULT 0,
  unused_size INTEGER NOT NULL DEFAULT 0,
  unused_replicated_size INTEGER NOT NULL DEFAULT 0,
  overshadowed INTEGER NOT NULL DEFAULT 0,
  replication INTEGER,
  PRIMARY KEY (dataSource, start_ms, end_ms, version)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS segment_groups_overshadowed ON segment_groups (dataSource) WHERE overshadowed = 1;
CREATE TABLE IF NOT EXISTS datasource_totals (
  dataSource TEXT PRIMARY KEY,
  used_count INTEGER NOT NULL DEFAULT 0,
  unused_count INTEGER NOT NULL DEFAULT 0,
  max_duration INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS segment_summary_state (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** A change of one group: counts and sizes to add (negative to remove), used and unused. */
/** Adding counts to groups: `${ADD_TO_GROUPS} <VALUES or SELECT> ${ADD_ON_CONFLICT}`, used by every write path. */
export const ADD_TO_GROUPS = `INSERT INTO segment_groups (dataSource, start_ms, end_ms, version, used_count, used_size,
  used_replicated_size, unused_count, unused_size, unused_replicated_size)`;
/** A group that gains used segments no longer knows their replication factor: the duty sets it again. */
export const ADD_ON_CONFLICT = `ON CONFLICT DO UPDATE SET used_count = used_count + excluded.used_count,
  used_size = used_size + excluded.used_size,
  used_replicated_size = used_replicated_size + excluded.used_replicated_size,
  unused_count = unused_count + excluded.unused_count, unused_size = unused_size + excluded.unused_size,
  unused_replicated_size = unused_replicated_size + excluded.unused_replicated_size,
  replication = CASE WHEN excluded.used_count > 0 THEN NULL ELSE replication END`;

export interface GroupDelta {
  dataSource: string;
  start: number;
  end: number;
  version: string;
  used: [count: number, size: number, replicatedSize: number];
  unused: [count: number, size: number, replicatedSize: number];
}

const groupKey = (d: Pick<GroupDelta, 'dataSource' | 'start' | 'end' | 'version'>) =>
  JSON.stringify([d.dataSource, d.start, d.end, d.version]);

/** Sums deltas per group; callers pass one per changed segment. */
export function mergeDeltas(deltas: Iterable<GroupDelta>): GroupDelta[] {
  const merged = new Map<string, GroupDelta>();
  for (const d of deltas) {
    const key = groupKey(d);
    const into = merged.get(key);
    if (!into) merged.set(key, { ...d, used: [...d.used], unused: [...d.unused] });
    else {
      into.used = [into.used[0] + d.used[0], into.used[1] + d.used[1], into.used[2] + d.used[2]];
      into.unused = [into.unused[0] + d.unused[0], into.unused[1] + d.unused[1], into.unused[2] + d.unused[2]];
    }
  }
  return [...merged.values()];
}

export interface Span {
  start: number;
  end: number;
}

/**
 * Applies group deltas (inside the caller's transaction): groups, datasource totals, and the overshadowed flags of
 * groups near those whose used count went from zero to non-zero or back. Returns the span changed per datasource.
 */
export function applyGroupDeltas(db: Database.Database, deltas: GroupDelta[]): Map<string, Span> {
  const read = db.prepare<[string, number, number, string], { used_count: number }>(
    'SELECT used_count FROM segment_groups WHERE dataSource = ? AND start_ms = ? AND end_ms = ? AND version = ?',
  );
  const upsert = db.prepare(`${ADD_TO_GROUPS} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ${ADD_ON_CONFLICT}`);
  const dropEmpty = db.prepare(
    `DELETE FROM segment_groups WHERE dataSource = ? AND start_ms = ? AND end_ms = ? AND version = ?
       AND used_count = 0 AND unused_count = 0`,
  );
  const spans = new Map<string, Span | null>();
  const changed = new Map<string, Span>();
  const totals = new Map<string, { used: number; unused: number; maxDuration: number }>();
  for (const d of mergeDeltas(deltas)) {
    const key = [d.dataSource, d.start, d.end, d.version] as const;
    const before = read.get(...key)?.used_count ?? 0;
    upsert.run(...key, ...d.used, ...d.unused);
    dropEmpty.run(...key);
    const total = totals.get(d.dataSource) ?? { used: 0, unused: 0, maxDuration: 0 };
    total.used += d.used[0];
    total.unused += d.unused[0];
    total.maxDuration = Math.max(total.maxDuration, d.end - d.start);
    totals.set(d.dataSource, total);
    changed.set(d.dataSource, widen(changed.get(d.dataSource) ?? null, d));
    const span = spans.get(d.dataSource) ?? null;
    if (before > 0 === before + d.used[0] > 0) {
      spans.set(d.dataSource, span);
      continue;
    }
    spans.set(d.dataSource, widen(span, d));
  }
  for (const [dataSource, total] of totals) addTotals(db, dataSource, total.used, total.unused, total.maxDuration);
  for (const [dataSource, span] of spans) if (span) refreshOvershadowedFlags(db, dataSource, span.start, span.end);
  return changed;
}

export function widen(span: Span | null, by: Span): Span {
  return span ? { start: Math.min(span.start, by.start), end: Math.max(span.end, by.end) } : { ...by };
}

export function addTotals(db: Database.Database, dataSource: string, used: number, unused: number, maxDuration = 0) {
  db.prepare(
    `INSERT INTO datasource_totals (dataSource, used_count, unused_count, max_duration) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET used_count = used_count + excluded.used_count,
       unused_count = unused_count + excluded.unused_count, max_duration = max(max_duration, excluded.max_duration)`,
  ).run(dataSource, used, unused, maxDuration);
  db.prepare('DELETE FROM datasource_totals WHERE dataSource = ? AND used_count = 0 AND unused_count = 0').run(
    dataSource,
  );
}
