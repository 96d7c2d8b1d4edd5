import type Database from 'better-sqlite3';

/**
 * druid_segments is a view over two tables, so that marking a segment rewrites ~40 bytes instead of its ~2 KB row:
 * - segment_rows: what never changes after publishing (payload included), keyed by `seg`;
 * - segment_state: `used` and `used_status_last_updated` by `seg`, narrow, with no index but its key.
 * Marking 1M generated segments (1.5–3 KB of JSON each) took ~21 s when `used` lived in the payload's row: every
 * changed row rewrote its page into the WAL (~1.6 GB for 350k rows) and moved its entries in two indexes that
 * began with `used`. In segment_state the same 1M rows take ~0.5 s and ~35 MB of WAL.
 * Readers keep Druid's table shape through the view (rows first, state looked up by key: CROSS JOIN fixes that
 * order); listings filter `used` per row, which costs ~0.16 µs a row when a page has to skip many rows.
 * Marks write segment_state directly; inserts through the view go through its trigger (the generator writes both
 * tables itself); deleting a row from segment_rows deletes its state (ON DELETE CASCADE).
 */
const SEGMENT_TABLES = `
CREATE TABLE IF NOT EXISTS segment_rows (
  seg INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  dataSource TEXT NOT NULL,
  created_date TEXT NOT NULL,
  start TEXT NOT NULL,
  "end" TEXT NOT NULL,
  partitioned INTEGER NOT NULL,
  version TEXT NOT NULL,
  payload TEXT NOT NULL,
  start_ms INTEGER NOT NULL,
  end_ms INTEGER NOT NULL,
  partition_num INTEGER NOT NULL,
  size INTEGER NOT NULL,
  replication_factor INTEGER
);
CREATE INDEX IF NOT EXISTS segment_rows_ds_id ON segment_rows (dataSource, id);
CREATE INDEX IF NOT EXISTS segment_rows_ds_start ON segment_rows (dataSource, start_ms, end_ms);
CREATE TABLE IF NOT EXISTS segment_state (
  seg INTEGER PRIMARY KEY REFERENCES segment_rows (seg) ON DELETE CASCADE,
  used INTEGER NOT NULL,
  used_status_last_updated TEXT NOT NULL
);
CREATE VIEW IF NOT EXISTS druid_segments AS
  SELECT r.id, r.dataSource, r.created_date, r.start, r."end", r.partitioned, r.version, s.used,
    s.used_status_last_updated, r.payload, r.start_ms, r.end_ms, r.partition_num, r.size, r.replication_factor
  FROM segment_rows r CROSS JOIN segment_state s ON s.seg = r.seg;
CREATE TRIGGER IF NOT EXISTS druid_segments_insert INSTEAD OF INSERT ON druid_segments BEGIN
  INSERT INTO segment_rows (id, dataSource, created_date, start, "end", partitioned, version, payload, start_ms,
    end_ms, partition_num, size, replication_factor)
  VALUES (NEW.id, NEW.dataSource, NEW.created_date, NEW.start, NEW."end", NEW.partitioned, NEW.version, NEW.payload,
    NEW.start_ms, NEW.end_ms, NEW.partition_num, NEW.size, NEW.replication_factor);
  INSERT INTO segment_state (seg, used, used_status_last_updated)
  VALUES (last_insert_rowid(), NEW.used, NEW.used_status_last_updated);
END;
`;

/** The columns of the one-table layout, copied as they are (rowid becomes `seg`, so the summaries' watermark holds). */
const MIGRATE_ONE_TABLE = `
ALTER TABLE druid_segments RENAME TO druid_segments_old;
DROP INDEX IF EXISTS segments_ds_used_id;
DROP INDEX IF EXISTS segments_ds_used_start;
${SEGMENT_TABLES}
INSERT INTO segment_rows (seg, id, dataSource, created_date, start, "end", partitioned, version, payload, start_ms,
  end_ms, partition_num, size, replication_factor)
SELECT rowid, id, dataSource, created_date, start, "end", partitioned, version, payload, start_ms, end_ms,
  partition_num, size, replication_factor FROM druid_segments_old ORDER BY rowid;
INSERT INTO segment_state (seg, used, used_status_last_updated)
SELECT rowid, used, used_status_last_updated FROM druid_segments_old ORDER BY rowid;
DROP TABLE druid_segments_old;
`;

/** Creates the segment tables, or moves a store written with druid_segments as one table into them (once). */
export function createSegmentTables(db: Database.Database): void {
  const existing = db
    .prepare<[], { type: string }>("SELECT type FROM sqlite_master WHERE name = 'druid_segments'")
    .get();
  if (existing?.type !== 'table') {
    db.exec(SEGMENT_TABLES);
    return;
  }
  // ~30 s for 1M segments: say what the wait is for.
  const started = Date.now();
  console.log('Moving segments to the two-table layout (segment_rows, segment_state); this happens once…');
  db.transaction(() => db.exec(MIGRATE_ONE_TABLE))();
  console.log(`Moved in ${Date.now() - started} ms.`);
}
