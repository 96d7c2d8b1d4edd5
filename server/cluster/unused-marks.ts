import type Database from 'better-sqlite3';
import { changedSince, segmentsGeneration, type TimeSpan } from './segment-store.ts';

/**
 * When each (interval, version) group's unused segments were first marked so: the oldest `used_status_last_updated`
 * among them. Auto-kill asks "which unused segments were marked before now − bufferPeriod?" of every datasource on
 * every run; answered from segment rows alone, a datasource whose unused segments are all still inside the buffer
 * is read whole each time to find none (1M generated segments: 3.4 s in one query, blocking the server). Here it is
 * read once, a page of groups at a time with the event loop given back in between, then only the groups a write
 * touched (the time span segment-store.ts logs with each write) are read again; a run looks at rows of groups that
 * have eligible segments only.
 */
export interface GroupMark {
  start: number;
  end: number;
  version: string;
  /** ISO instant of the group's earliest-marked unused segment. */
  oldest: string;
}

/** Groups whose keys are read at once; then cut so that one page reads about this many unused rows. */
const PAGE_GROUPS = 200;
const PAGE_ROWS = 5_000;

/**
 * Keys of the next groups with unused segments after a (start, end, version) key, among those starting before ? and
 * ending after ?: the PK walk from the key (one bound, so no page walks again from the datasource's start).
 */
export const PAGE_KEYS_SQL = `SELECT start_ms AS start, end_ms AS "end", version, unused_count AS unused
  FROM segment_groups WHERE dataSource = ? AND unused_count > 0 AND (start_ms, end_ms, version) > (?, ?, ?)
    AND start_ms < ? AND end_ms > ?
  ORDER BY start_ms, end_ms, version LIMIT ${PAGE_GROUPS}`;

/** The oldest mark of each group with keys in (after, last], rows by index. */
export const GROUP_MARKS_SQL = `SELECT g.start_ms AS start, g.end_ms AS "end", g.version AS version,
    min(s.used_status_last_updated) AS oldest
  FROM segment_groups g CROSS JOIN segment_rows r CROSS JOIN segment_state s
  WHERE g.dataSource = ? AND g.unused_count > 0 AND (g.start_ms, g.end_ms, g.version) > (?, ?, ?)
    AND (g.start_ms, g.end_ms, g.version) <= (?, ?, ?) AND g.end_ms > ?
    AND r.dataSource = g.dataSource AND r.start_ms = g.start_ms AND r.end_ms = g.end_ms AND r.version = g.version
    AND s.seg = r.seg AND s.used = 0
  GROUP BY g.start_ms, g.end_ms, g.version ORDER BY g.start_ms, g.end_ms, g.version`;

/** Segments of one group marked unused at or before an instant (auto-kill's eligible ones). */
const ELIGIBLE_IN_GROUP_SQL = `SELECT count(*) AS n FROM segment_rows r CROSS JOIN segment_state s
  WHERE r.dataSource = ? AND r.start_ms = ? AND r.end_ms = ? AND r.version = ?
    AND s.seg = r.seg AND s.used = 0 AND s.used_status_last_updated <= ?`;

const caches = new WeakMap<Database.Database, Map<string, { generation: string; groups: GroupMark[] }>>();

const ALL_TIME: TimeSpan = { start: Number.MIN_SAFE_INTEGER, end: Number.MAX_SAFE_INTEGER };

/** The marks of the groups overlapping `span` (all of them for ALL_TIME). */
async function readGroupMarks(db: Database.Database, dataSource: string, span: TimeSpan): Promise<GroupMark[]> {
  type Key = [number, number, string];
  const keys = db.prepare<[string, ...Key, number, number], GroupMark & { unused: number }>(PAGE_KEYS_SQL);
  const marks = db.prepare<[string, ...Key, ...Key, number], GroupMark>(GROUP_MARKS_SQL);
  // A group overlapping the span starts at most the datasource's longest segment before it.
  const longest =
    db
      .prepare<[string], { d: number }>('SELECT max_duration AS d FROM datasource_totals WHERE dataSource = ?')
      .get(dataSource)?.d ?? 0;
  const from = span === ALL_TIME ? span.start : span.start - longest;
  const groups: GroupMark[] = [];
  // Keys after (from − 1, +∞, …) are those starting at or after `from`.
  let after: Key = [from - 1, Number.MAX_SAFE_INTEGER, ''];
  for (;;) {
    const next = keys.all(dataSource, ...after, span.end, span.start);
    if (next.length === 0) return groups;
    // Cut the page after about PAGE_ROWS unused rows (a single bigger group is one page of its own).
    let rows = 0;
    let cut = 0;
    while (cut < next.length - 1 && rows + (next[cut]?.unused ?? 0) < PAGE_ROWS) rows += next[cut++]?.unused ?? 0;
    const last = next[cut] as GroupMark;
    const through: Key = [last.start, last.end, last.version];
    groups.push(...marks.all(dataSource, ...after, ...through, span.start));
    after = through;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The datasource's groups with unused segments and their oldest mark, in time order; read again after a change. */
export async function groupMarks(db: Database.Database, dataSource: string): Promise<GroupMark[]> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const generation = segmentsGeneration(db, dataSource);
  const hit = cache.get(dataSource);
  const changed = hit ? changedSince(db, dataSource, hit.generation) : null;
  if (hit && changed === 'unchanged') return hit.groups;
  let groups: GroupMark[];
  if (hit && changed && changed !== 'unchanged') {
    const span = changed;
    const overlaps = (g: GroupMark) => g.start < span.end && g.end > span.start;
    groups = [...hit.groups.filter((g) => !overlaps(g)), ...(await readGroupMarks(db, dataSource, span))];
    groups.sort(
      (a, b) => a.start - b.start || a.end - b.end || (a.version < b.version ? -1 : a.version > b.version ? 1 : 0),
    );
  } else {
    groups = await readGroupMarks(db, dataSource, ALL_TIME);
  }
  // A write during the read makes the result stale: keep it for this run, but not under the new generation.
  if (segmentsGeneration(db, dataSource) === generation) cache.set(dataSource, { generation, groups });
  return groups;
}

/**
 * `getUnusedSegmentIntervals`: one interval per unused segment starting at or after `minStart`, ending at or before
 * `maxEnd`, marked unused at or before `maxMark`, in (start, end) order, at most `limit`.
 */
export async function eligibleUnusedIntervals(
  db: Database.Database,
  dataSource: string,
  range: { minStart: number; maxEnd: number; maxMark: string; limit: number },
): Promise<Array<{ start: number; end: number }>> {
  const count = db.prepare<[string, number, number, string, string], { n: number }>(ELIGIBLE_IN_GROUP_SQL);
  const intervals: Array<{ start: number; end: number }> = [];
  for (const group of await groupMarks(db, dataSource)) {
    if (intervals.length >= range.limit) break;
    if (group.start < range.minStart || group.end > range.maxEnd || group.oldest > range.maxMark) continue;
    const n = count.get(dataSource, group.start, group.end, group.version, range.maxMark)?.n ?? 0;
    for (let i = 0; i < n && intervals.length < range.limit; i++)
      intervals.push({ start: group.start, end: group.end });
  }
  return intervals;
}
