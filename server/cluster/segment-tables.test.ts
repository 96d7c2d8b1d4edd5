import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { type OpenedDatabase, openDatabase } from './db.ts';
import { markUnusedByIds, markUnusedByInterval, markUsedByIds } from './segment-marking.ts';

const dirs: string[] = [];
const stores: OpenedDatabase[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'segment-tables-'));
  dirs.push(dir);
  return dir;
}

function open(dir: string): OpenedDatabase {
  const store = openDatabase(dir);
  stores.push(store);
  return store;
}

const DAY = 86_400_000;
const JAN_1 = Date.UTC(2024, 0, 1);
const COLUMNS = `id, dataSource, created_date, start, "end", partitioned, version, used, used_status_last_updated,
  payload, start_ms, end_ms, partition_num, size, replication_factor`;

/** Day `day` of January 2024, version v1, partition 0; used when `used`. */
function row(day: number, used: boolean) {
  const start = new Date(JAN_1 + day * DAY).toISOString();
  const end = new Date(JAN_1 + (day + 1) * DAY).toISOString();
  const id = `ds_${start}_${end}_v1`;
  const payload = JSON.stringify({ dataSource: 'ds', interval: `${start}/${end}`, version: 'v1', size: 100 });
  const values: Array<string | number | null> = [id, 'ds', start, start, end, 1, 'v1', used ? 1 : 0, start, payload];
  return values.concat([JAN_1 + day * DAY, JAN_1 + (day + 1) * DAY, 0, 100, null]);
}

function insertRows(db: Database.Database, rows: Array<Array<string | number | null>>) {
  const insert = db.prepare(`INSERT INTO druid_segments (${COLUMNS}) VALUES (${COLUMNS.split(',').map(() => '?')})`);
  for (const values of rows) insert.run(...values);
}

it('moves a store written with druid_segments as one table into segment_rows and segment_state, keeping every row', () => {
  const dir = tempDir();
  const old = new Database(join(dir, 'metadata.sqlite'));
  old.exec(`CREATE TABLE druid_segments (id TEXT PRIMARY KEY, dataSource TEXT NOT NULL, created_date TEXT NOT NULL,
    start TEXT NOT NULL, "end" TEXT NOT NULL, partitioned INTEGER NOT NULL, version TEXT NOT NULL,
    used INTEGER NOT NULL, used_status_last_updated TEXT NOT NULL, payload TEXT NOT NULL, start_ms INTEGER NOT NULL,
    end_ms INTEGER NOT NULL, partition_num INTEGER NOT NULL, size INTEGER NOT NULL, replication_factor INTEGER);
    CREATE INDEX segments_ds_used_id ON druid_segments (dataSource, used, id);
    CREATE INDEX segments_ds_used_start ON druid_segments (dataSource, used, start_ms, end_ms);`);
  insertRows(old, [row(0, true), row(1, false), row(2, true)]);
  const before = old.prepare('SELECT * FROM druid_segments ORDER BY id').all();
  old.close();

  const { db } = open(dir);
  const kind = db.prepare("SELECT type FROM sqlite_master WHERE name = 'druid_segments'").pluck().get();
  expect(kind).toBe('view');
  expect(db.prepare('SELECT * FROM druid_segments ORDER BY id').all()).toEqual(before);
  expect(db.prepare('SELECT used_count, unused_count FROM datasource_totals').get()).toEqual({
    used_count: 2,
    unused_count: 1,
  });
  expect(markUnusedByInterval(db, 'ds', { interval: { start: JAN_1, end: JAN_1 + 3 * DAY } }, JAN_1)).toBe(2);
  expect(db.prepare('SELECT count(*) FROM druid_segments WHERE used = 0').pluck().get()).toBe(3);
});

it('marks segments by rewriting only their state, never their rows', () => {
  const { db } = open(tempDir());
  insertRows(db, [row(0, true), row(1, true), row(2, false)]);
  db.exec(`CREATE TEMP TABLE row_writes (n INTEGER);
    CREATE TEMP TRIGGER count_row_writes AFTER UPDATE ON segment_rows BEGIN INSERT INTO row_writes VALUES (1); END;`);
  const [first, second, third] = db.prepare('SELECT id FROM druid_segments ORDER BY id').pluck().all() as string[];
  const ids = [first ?? '', second ?? '', third ?? ''];

  expect(markUnusedByIds(db, 'ds', [first ?? ''], JAN_1)).toBe(1);
  expect(markUsedByIds(db, 'ds', [first ?? '', third ?? ''], JAN_1)).toBe(2);
  expect(markUnusedByInterval(db, 'ds', { interval: { start: JAN_1, end: JAN_1 + 3 * DAY } }, JAN_1 + DAY)).toBe(3);

  expect(db.prepare('SELECT count(*) FROM row_writes').pluck().get()).toBe(0);
  const states = db.prepare('SELECT used, used_status_last_updated FROM druid_segments ORDER BY id').all();
  expect(states).toEqual(ids.map(() => ({ used: 0, used_status_last_updated: '2024-01-02T00:00:00.000Z' })));
  // The counter does see writes to the rows (the coordinator duty's replication factors).
  db.prepare('UPDATE segment_rows SET replication_factor = 2').run();
  expect(db.prepare('SELECT count(*) FROM row_writes').pluck().get()).toBe(3);
});
