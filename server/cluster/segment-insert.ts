import { formatInstant } from '../../src/druid/instant.ts';
import type { ClusterContext } from './context.ts';
import { deepStorageDir, loadSpecPath, writeSegmentFile } from './deep-storage.ts';
import { type NewSegment, toSegmentRow } from './segment-records.ts';
import { bumpDataSources } from './segment-store.ts';
import { summarizeInsertedRows } from './segment-summary-sync.ts';

/** Publishes segments as an ingestion task would: metadata rows in one transaction, then their deep-storage files. */
export function insertSegments(ctx: ClusterContext, segments: Iterable<NewSegment>) {
  const root = deepStorageDir(ctx.config.dataDir);
  const now = formatInstant(ctx.now());
  const insert = ctx.db.prepare(
    `INSERT INTO druid_segments (id, dataSource, created_date, start, "end", partitioned, version, used,
       used_status_last_updated, payload, start_ms, end_ms, partition_num, size, replication_factor)
     VALUES (@id, @dataSource, @created_date, @start, @end, @partitioned, @version, @used,
       @used_status_last_updated, @payload, @start_ms, @end_ms, @partition_num, @size, @replication_factor)`,
  );
  const files: Array<{ path: string; id: string }> = [];
  let count = 0;
  const changed = ctx.db.transaction(() => {
    for (const segment of segments) {
      const row = toSegmentRow(segment, root, now);
      insert.run(row);
      count++;
      const path = loadSpecPath(row.payload);
      if (path) files.push({ path, id: row.id });
    }
    // The new rows are the ones above the summary watermark: summarized in this same transaction.
    return summarizeInsertedRows(ctx.db);
  })();
  bumpDataSources(ctx.db, changed);
  for (const file of files) writeSegmentFile(file.path, file.id);
  return count;
}
