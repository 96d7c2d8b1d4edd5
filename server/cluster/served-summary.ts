import type Database from 'better-sqlite3';
import { formatInstant } from '../../src/druid/instant.ts';
import { contains, type Interval } from '../../src/druid/interval.ts';
import { maxDurationOf } from './group-overshadow.ts';
import { cachedDerived, changedSince, dataSourceNames, segmentsGeneration, type TimeSpan } from './segment-store.ts';

/**
 * What the local cluster serves (every used, non-overshadowed segment: its coordinator loads them at once), as
 * Druid answers it from its in-memory inventory: per datasource, one row per served interval, read from
 * segment_groups once and then patched where writes changed it (a write reports its time span), so a mark in a
 * 2M-segment datasource re-reads a few groups, not 200,000 intervals.
 */
export type ServedInterval = [start: number, end: number, count: number, size: number, replicatedSize: number];

interface ServedIndex {
  generation: string;
  /** Newest first: Druid's intervalsByStartThenEnd, reversed. */
  rows: ServedInterval[];
  /** JSON fragments of `intervals` and `intervals?simple`, one per row, built on first use and patched with rows. */
  plain: string[] | null;
  simple: string[] | null;
}

const indexes = new WeakMap<Database.Database, Map<string, ServedIndex>>();

function readRows(db: Database.Database, dataSource: string, range: TimeSpan | null): ServedInterval[] {
  const where = range ? ' AND start_ms >= ? AND start_ms < ?' : '';
  return db
    .prepare<Array<string | number>, ServedInterval>(
      `SELECT start_ms, end_ms, sum(used_count), sum(used_size), sum(used_replicated_size) FROM segment_groups
       WHERE dataSource = ?${where} AND used_count > 0 AND overshadowed = 0
       GROUP BY start_ms, end_ms ORDER BY start_ms DESC, end_ms DESC`,
    )
    .raw()
    .all(...(range ? [dataSource, range.start, range.end] : [dataSource]));
}

/** First position whose start is below `start` (rows are sorted by start, descending). */
function firstBelow(rows: ServedInterval[], start: number): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((rows[mid]?.[0] ?? Number.NEGATIVE_INFINITY) < start) high = mid;
    else low = mid + 1;
  }
  return low;
}

const DAY = 86_400_000;
const YEAR_1000 = Date.UTC(1000, 0, 1);
const YEAR_10000 = Date.UTC(10000, 0, 1);
const dayTexts = new Map<number, string>();
const timeTexts = new Map<number, string>();

/**
 * formatInstant with the date and time-of-day texts cached: 200,000 intervals are 400,000 instants, ~1.3 s through
 * toISOString on the bench machine and ~60 ms through these two maps.
 */
function instantText(ms: number): string {
  if (!(ms >= YEAR_1000 && ms < YEAR_10000) || !Number.isInteger(ms)) return formatInstant(ms);
  const day = Math.floor(ms / DAY);
  const time = ms - day * DAY;
  let date = dayTexts.get(day);
  if (date === undefined) {
    if (dayTexts.size > 100_000) dayTexts.clear();
    date = formatInstant(day * DAY).slice(0, 11);
    dayTexts.set(day, date);
  }
  let clock = timeTexts.get(time);
  if (clock === undefined) {
    if (timeTexts.size > 100_000) timeTexts.clear();
    clock = formatInstant(time).slice(11);
    timeTexts.set(time, clock);
  }
  return date + clock;
}

const intervalText = ([start, end]: ServedInterval) => JSON.stringify(`${instantText(start)}/${instantText(end)}`);
const plainPart = (row: ServedInterval) => intervalText(row);
const simplePart = (row: ServedInterval) => `${intervalText(row)}:{"size":${row[3]},"count":${row[2]}}`;

function servedIndex(db: Database.Database, dataSource: string): ServedIndex {
  const all = indexes.get(db) ?? new Map<string, ServedIndex>();
  indexes.set(db, all);
  const generation = segmentsGeneration(db, dataSource);
  const index = all.get(dataSource);
  if (index?.generation === generation) return index;
  const change = index ? changedSince(db, dataSource, index.generation) : null;
  if (!index || change === null) {
    const fresh = { generation, rows: readRows(db, dataSource, null), plain: null, simple: null };
    all.set(dataSource, fresh);
    return fresh;
  }
  if (change !== 'unchanged') {
    // Intervals overlapping the changed span start at most the longest duration before it.
    const range = { start: change.start - maxDurationOf(db, dataSource), end: change.end };
    const rows = readRows(db, dataSource, range);
    const from = firstBelow(index.rows, range.end);
    const to = firstBelow(index.rows, range.start);
    const splice = <T>(list: T[], items: T[]) => list.slice(0, from).concat(items, list.slice(to));
    index.rows = splice(index.rows, rows);
    if (index.plain) index.plain = splice(index.plain, rows.map(plainPart));
    if (index.simple) index.simple = splice(index.simple, rows.map(simplePart));
  }
  index.generation = generation;
  return index;
}

export function servedIntervals(db: Database.Database, dataSource: string): readonly ServedInterval[] {
  return servedIndex(db, dataSource).rows;
}

export interface ServedSummary {
  count: number;
  size: number;
  replicatedSize: number;
  minTime: string;
  maxTime: string;
}

export function servedSummary(db: Database.Database, dataSource: string): ServedSummary | null {
  return cachedDerived(db, dataSource, 'served-summary', () => {
    const { rows } = servedIndex(db, dataSource);
    if (rows.length === 0) return null;
    let [count, size, replicatedSize, maxEnd] = [0, 0, 0, Number.NEGATIVE_INFINITY];
    for (const row of rows) {
      count += row[2];
      size += row[3];
      replicatedSize += row[4];
      maxEnd = Math.max(maxEnd, row[1]);
    }
    const minStart = rows[rows.length - 1]?.[0] ?? 0;
    return { count, size, replicatedSize, minTime: formatInstant(minStart), maxTime: formatInstant(maxEnd) };
  });
}

/** The JSON of `intervals` (interval strings) or `intervals?simple` (`{interval: {size, count}}`), optionally inside. */
export function servedIntervalsJson(
  db: Database.Database,
  dataSource: string,
  mode: 'plain' | 'simple',
  inside: Interval | null = null,
): string {
  const wrap = (parts: string[]) => (mode === 'plain' ? `[${parts.join(',')}]` : `{${parts.join(',')}}`);
  if (inside) {
    const rows = servedIndex(db, dataSource).rows.filter(([start, end]) => contains(inside, { start, end }));
    return wrap(rows.map(mode === 'plain' ? plainPart : simplePart));
  }
  return cachedDerived(db, dataSource, `intervals-${mode}`, () => {
    const index = servedIndex(db, dataSource);
    if (mode === 'plain') {
      index.plain ??= index.rows.map(plainPart);
      return wrap(index.plain);
    }
    index.simple ??= index.rows.map(simplePart);
    return wrap(index.simple);
  });
}

/** Served intervals overlapping `interval`, with their segment counts (loadstatus). */
export function servedOverlapping(db: Database.Database, dataSource: string, interval: Interval): ServedInterval[] {
  return servedIndex(db, dataSource).rows.filter(([start, end]) => start < interval.end && end > interval.start);
}

/**
 * Builds every datasource's served index in slices, so the first `datasources?simple` after start-up is warm, and
 * the interval listings of datasources with many intervals (a 2M-segment one: 20 MB of JSON). Starts after the
 * server does, and gives the event loop back every `sliceMs`.
 */
export async function warmServedSummaries(db: Database.Database, sliceMs = 20): Promise<number> {
  let sliceStart = Date.now();
  const pause = async () => {
    if (Date.now() - sliceStart <= sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = Date.now();
  };
  await new Promise((resolve) => setImmediate(resolve));
  const names = dataSourceNames(db, false);
  for (const name of names) {
    if (!db.open) return 0;
    servedSummary(db, name);
    if (servedIntervals(db, name).length > 10_000) await warmIntervalListings(db, name, pause);
    await pause();
  }
  return names.length;
}

async function warmIntervalListings(db: Database.Database, dataSource: string, pause: () => Promise<void>) {
  const index = servedIndex(db, dataSource);
  const { rows } = index;
  const plain: string[] = [];
  const simple: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as ServedInterval;
    plain.push(plainPart(row));
    simple.push(simplePart(row));
    if (i % 1000 === 0) await pause();
    if (!db.open) return;
  }
  // A write in between replaced the rows: the parts built here no longer match them.
  if (index.rows !== rows) return;
  index.plain ??= plain;
  index.simple ??= simple;
  servedIntervalsJson(db, dataSource, 'plain');
  servedIntervalsJson(db, dataSource, 'simple');
}
