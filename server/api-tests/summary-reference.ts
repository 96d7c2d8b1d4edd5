import type Database from 'better-sqlite3';
import { findOvershadowed } from '../../src/druid/overshadow.ts';

/**
 * The served views computed from scratch, from every row of druid_segments, the way the local cluster computed them
 * before it kept summaries: the reference the summaries must equal after every kind of write.
 */
interface Row {
  id: string;
  dataSource: string;
  start: string;
  end: string;
  start_ms: number;
  end_ms: number;
  version: string;
  used: number;
  size: number;
  replication_factor: number | null;
}

export interface Reference {
  usedNames: string[];
  allNames: string[];
  simple: Array<{ name: string; properties: unknown }>;
  /** Per served datasource: `intervals?simple` as [interval, {size, count}] pairs, newest first. */
  intervals: Map<string, Array<[string, { size: number; count: number }]>>;
  overshadowed: Set<string>;
  /** segment_groups recomputed: `ds|start|end|version` → [used, usedSize, usedReplicated, unused, unusedSize]. */
  groups: Map<string, number[]>;
}

const byUtf16 = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function referenceFromScratch(db: Database.Database): Reference {
  const rows = db.prepare<[], Row>('SELECT * FROM druid_segments').all();
  const byDs = new Map<string, Row[]>();
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    byDs.set(row.dataSource, [...(byDs.get(row.dataSource) ?? []), row]);
    const key = [row.dataSource, row.start_ms, row.end_ms, row.version].join('|');
    const group = groups.get(key) ?? [0, 0, 0, 0, 0];
    const offset = row.used ? 0 : 3;
    group[offset] = (group[offset] ?? 0) + 1;
    group[offset + 1] = (group[offset + 1] ?? 0) + row.size;
    if (row.used) group[2] = (group[2] ?? 0) + row.size * (row.replication_factor ?? 1);
    groups.set(key, group);
  }
  const allNames = [...byDs.keys()].sort(byUtf16);
  const usedNames = allNames.filter((name) => byDs.get(name)?.some((row) => row.used));
  const overshadowed = new Set<string>();
  const simple: Reference['simple'] = [];
  const intervals: Reference['intervals'] = new Map();
  for (const name of usedNames) {
    const used = (byDs.get(name) ?? []).filter((row) => row.used);
    const hidden = findOvershadowed(used.map((row) => ({ ...row, start: row.start_ms, end: row.end_ms })));
    for (const id of hidden) overshadowed.add(id);
    const served = used.filter((row) => !hidden.has(row.id));
    const size = served.reduce((sum, row) => sum + row.size, 0);
    const replicatedSize = served.reduce((sum, row) => sum + row.size * (row.replication_factor ?? 1), 0);
    const earliest = served.reduce((a, b) => (b.start_ms < a.start_ms ? b : a));
    const latest = served.reduce((a, b) => (b.end_ms > a.end_ms ? b : a));
    simple.push({
      name,
      properties: {
        tiers: { _default_tier: { segmentCount: served.length, size, replicatedSize } },
        segments: { count: served.length, size, replicatedSize, minTime: earliest.start, maxTime: latest.end },
      },
    });
    const perInterval = new Map<string, { start: number; end: number; size: number; count: number }>();
    for (const row of served) {
      const key = `${row.start}/${row.end}`;
      const entry = perInterval.get(key) ?? { start: row.start_ms, end: row.end_ms, size: 0, count: 0 };
      entry.size += row.size;
      entry.count++;
      perInterval.set(key, entry);
    }
    const newestFirst = [...perInterval.entries()].sort(([, a], [, b]) => b.start - a.start || b.end - a.end);
    intervals.set(
      name,
      newestFirst.map(([key, { size, count }]) => [key, { size, count }]),
    );
  }
  return { usedNames, allNames, simple, intervals, overshadowed, groups };
}

/** segment_groups as stored, in the Reference's shape (unused replicated sizes are not compared). */
export function storedGroups(db: Database.Database): Map<string, number[]> {
  const rows = db
    .prepare<[], { key: string; a: number; b: number; c: number; d: number; e: number }>(
      `SELECT dataSource || '|' || start_ms || '|' || end_ms || '|' || version AS key, used_count AS a,
         used_size AS b, used_replicated_size AS c, unused_count AS d, unused_size AS e FROM segment_groups`,
    )
    .all();
  return new Map(rows.map((row) => [row.key, [row.a, row.b, row.c, row.d, row.e]]));
}
