import type Database from 'better-sqlite3';
import { refreshOvershadowedFlags } from './group-overshadow.ts';
import { ADD_ON_CONFLICT, ADD_TO_GROUPS, type Span, SUMMARY_SCHEMA } from './segment-groups.ts';

/**
 * Rows inserted by code that does not maintain the summaries itself (the generators, which call
 * `bumpSegmentsGeneration` afterwards) are summarized by `seg` (segment_rows' key): everything above the watermark is new. Set-based SQL,
 * so 3M generated rows cost one grouped scan instead of millions of statements.
 */
const WATERMARK = 'summarized_rowid';

export function createSummaryTables(db: Database.Database): void {
  db.exec(SUMMARY_SCHEMA);
}

function watermark(db: Database.Database): number {
  return (
    db.prepare<[string], { value: number }>('SELECT value FROM segment_summary_state WHERE name = ?').get(WATERMARK)
      ?.value ?? 0
  );
}

function setWatermark(db: Database.Database, value: number): void {
  db.prepare(
    'INSERT INTO segment_summary_state (name, value) VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value',
  ).run(WATERMARK, value);
}

function maxRowid(db: Database.Database): number {
  return db.prepare<[], { m: number | null }>('SELECT max(seg) AS m FROM segment_rows').get()?.m ?? 0;
}

/** Adds rows above the watermark to the summaries; returns the span changed per datasource. */
export function summarizeInsertedRows(db: Database.Database): Map<string, Span> {
  const run = () => {
    const from = watermark(db);
    const to = maxRowid(db);
    if (to <= from) return new Map<string, Span>();
    db.prepare(
      `${ADD_TO_GROUPS}
       SELECT dataSource, start_ms, end_ms, version,
         sum(used), sum(size * used), sum(size * coalesce(replication_factor, 1) * used),
         sum(1 - used), sum(size * (1 - used)), sum(size * coalesce(replication_factor, 1) * (1 - used))
       FROM segment_rows r CROSS JOIN segment_state s USING (seg) WHERE seg > ? AND seg <= ?
       GROUP BY dataSource, start_ms, end_ms, version
       ${ADD_ON_CONFLICT}`,
    ).run(from, to);
    const spans = db
      .prepare<[number, number], { dataSource: string; used: number; unused: number; s: number; e: number; d: number }>(
        `SELECT dataSource, sum(used) AS used, sum(1 - used) AS unused, min(start_ms) AS s, max(end_ms) AS e,
           max(end_ms - start_ms) AS d
         FROM segment_rows r CROSS JOIN segment_state s USING (seg) WHERE seg > ? AND seg <= ? GROUP BY dataSource`,
      )
      .all(from, to);
    const addTotals = db.prepare(
      `INSERT INTO datasource_totals (dataSource, used_count, unused_count, max_duration) VALUES (?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET used_count = used_count + excluded.used_count,
         unused_count = unused_count + excluded.unused_count, max_duration = max(max_duration, excluded.max_duration)`,
    );
    for (const span of spans) {
      addTotals.run(span.dataSource, span.used, span.unused, span.d);
      refreshOvershadowedFlags(db, span.dataSource, span.s, span.e);
    }
    setWatermark(db, to);
    return new Map(spans.map((span) => [span.dataSource, { start: span.s, end: span.e }]));
  };
  return db.inTransaction ? run() : db.transaction(run)();
}

/** After deleting rows (inside the transaction): new rows may reuse rowids above the new maximum. */
export function lowerWatermarkAfterDelete(db: Database.Database): void {
  const max = maxRowid(db);
  if (watermark(db) > max) setWatermark(db, max);
}

/** Rows inserted by code that maintains the summaries itself: move the watermark past them. */
export function markAllRowsSummarized(db: Database.Database): void {
  setWatermark(db, maxRowid(db));
}
