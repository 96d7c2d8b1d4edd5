import type { ClusterContext } from './context.ts';
import { deepStorageDir } from './deep-storage.ts';
import { bumpSegmentsGeneration } from './segment-store.ts';

const HOUR = 3_600_000;
const OLD_VERSION = '2023-01-01T00:00:00.000Z';
const NEW_VERSION = '2024-02-01T00:00:00.000Z';

/**
 * A large datasource for benchmarks, generated inside SQLite (a JS loop spends seconds building 200k payloads):
 * hourly segments ending at 2024-01-01 with 4 partitions in two versions. The older version is overshadowed and
 * unused; every fifth hour of the newer one is unused too. No deep-storage files, which would dominate start-up.
 */
export function generateSegments(ctx: ClusterContext, dataSource: string, count: number): number {
  const hours = Math.ceil(count / 8);
  const firstStart = Date.UTC(2024, 0, 1) - hours * HOUR;
  const iso = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${ms} / 1000.0, 'unixepoch')`;
  const sql = `
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @count),
    s AS (
      SELECT i / 8 AS h, (i % 8) / 4 AS v, i % 4 AS p, @firstStart + (i / 8) * ${HOUR} AS start_ms FROM n
    ),
    t AS MATERIALIZED (
      SELECT h, p, start_ms, start_ms + ${HOUR} AS end_ms,
        CASE v WHEN 0 THEN @oldVersion ELSE @newVersion END AS version,
        CASE WHEN v = 0 THEN 0 WHEN h % 5 = 0 THEN 0 ELSE 1 END AS used,
        ${iso('start_ms')} AS start, ${iso(`(start_ms + ${HOUR})`)} AS "end",
        1000000 + ((h * 31 + p) % 997) * 1000 AS size
      FROM s
    ),
    u AS MATERIALIZED (
      SELECT *, @ds || '_' || start || '_' || "end" || '_' || version || CASE WHEN p = 0 THEN '' ELSE '_' || p END AS id
      FROM t
    )
    INSERT INTO druid_segments (id, dataSource, created_date, start, "end", partitioned, version, used,
      used_status_last_updated, payload, start_ms, end_ms, partition_num, size, replication_factor)
    SELECT id, @ds, version, start, "end", 1, version, used, version,
      json_object('dataSource', @ds, 'interval', start || '/' || "end", 'version', version,
        'loadSpec', json_object('type', 'local', 'path',
          @root || '/' || @ds || '/' || start || '_' || "end" || '/' || replace(version, ':', '_') || '/' || p || '/index.zip'),
        'dimensions', 'channel,cityName,countryName,page,user', 'metrics', 'count,added,deleted,delta',
        'shardSpec', json_object('type', 'numbered', 'partitionNum', p, 'partitions', 4),
        'binaryVersion', 9, 'size', size, 'identifier', id),
      start_ms, end_ms, p, size, NULL
    FROM u`;
  const result = ctx.db.transaction(() =>
    ctx.db.prepare(sql).run({
      count,
      firstStart,
      oldVersion: OLD_VERSION,
      newVersion: NEW_VERSION,
      ds: dataSource,
      root: deepStorageDir(ctx.config.dataDir),
    }),
  )();
  bumpSegmentsGeneration(ctx.db);
  return result.changes;
}
