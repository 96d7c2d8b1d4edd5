import type Database from 'better-sqlite3';
import type { Chunk } from './generate-layout.ts';
import { jsonInner, type PayloadParts, SHARD_KINDS } from './generate-payload.ts';
import type { DataSourceProfile } from './generate-profile.ts';
import { hashText } from './generate-random.ts';

/**
 * Expands chunks into druid_segments rows inside SQLite: JavaScript decides each (interval, version) chunk, SQLite
 * writes its partitions. Building ~2 KB payloads per segment in JavaScript and binding them row by row was about
 * three times slower. The payload is concatenated text (valid JSON: every variable part is JSON-escaped up front).
 */
// Typed columns: better-sqlite3 binds every JS number as a REAL, which would print as `74.0` in the payload.
const CHUNK_COLUMNS = [
  'start_ms INTEGER',
  'end_ms INTEGER',
  'start TEXT',
  '"end" TEXT',
  'version TEXT',
  'created TEXT',
  'last_updated TEXT',
  'parts INTEGER',
  'kind INTEGER',
  'compacted INTEGER',
  'streaming INTEGER',
  'used INTEGER',
  'older INTEGER',
  'bytes INTEGER',
  'seed INTEGER',
  'start_basic TEXT',
  'end_basic TEXT',
];
const CHUNK_NAMES = CHUNK_COLUMNS.map((column) => column.slice(0, column.lastIndexOf(' ')));
// A work table, filled row by row: reading the same fields out of a JSON parameter cost ~35 µs per chunk. A TEMP
// table for small loads (creating a table in the store costs a commit); a table in the store for bulk loads: once
// the temp database was written, switching back to WAL left wal_checkpoint failing with "table is locked".
const CHUNKS_TABLE = 'generator_chunks';

// concat() builds each payload in one pass; a chain of || copies the growing text at every step. The s and t steps
// are not MATERIALIZED: copying their wide rows cost more than computing a few expressions twice (200k: -15 % CPU).
const SQL = `
WITH RECURSIVE numbers(p) AS (SELECT 0 UNION ALL SELECT p + 1 FROM numbers WHERE p + 1 < @maxPartitions),
n AS MATERIALIZED (SELECT p FROM numbers),
s AS (
  SELECT c.*, n.p AS pn, (c.seed * 2654435761 + n.p * 97531) % 4294967296 AS h
  FROM chunks c CROSS JOIN n WHERE n.p < c.parts
),
t AS (
  SELECT s.*,
    CAST(bytes * (700 + h % 601) / 1000 * CASE WHEN streaming = 1 AND parts > 1 AND pn = parts - 1 THEN 0.35 ELSE 1 END
      AS INTEGER) AS size,
    concat(start, '_', "end", '_', version, CASE pn WHEN 0 THEN '' ELSE '_' || pn END) AS id_tail,
    CASE WHEN streaming = 1 AND @loadSpec <> 'local' THEN
      printf('%08x-%04x-4%03x-%04x-%012x', h, (h * 40503 + 12345) % 65536, (h * 69069 + pn) % 4096,
        32768 + (h * 1103515245 / 7) % 16384, ((h * 48271) % 2147483647) * 65536 + (seed + pn * 7) % 65536)
    END AS uuid,
    CASE WHEN pn > 0 THEN concat(@prefix, printf('%06d', pn * 1000000 / parts)) END AS low,
    CASE WHEN pn < parts - 1 THEN concat(@prefix, printf('%06d', (pn + 1) * 1000000 / parts)) END AS high
  FROM s
)
INSERT INTO segment_rows (id, dataSource, created_date, start, "end", partitioned, version, payload, start_ms,
  end_ms, partition_num, size, replication_factor)
SELECT concat(@ds, '_', id_tail), @ds, created, start, "end", 1, version,
  concat(
    '{"dataSource":"', @dsJson, '","interval":"', start, '/', "end", '","version":"', version, '","loadSpec":',
    CASE @loadSpec
      WHEN 'local' THEN concat('{"type":"local","path":"', @localDir, '/', start, '_', "end", '/',
        replace(version, ':', '_'), '/', pn, '/index.zip"}')
      WHEN 'hdfs' THEN concat('{"type":"hdfs","path":"hdfs://', @storageHost, '/druid/segments/', @dsJson, '/',
        start_basic, '_', end_basic, '/', replace(version, ':', '_'), '/', pn, '_', uuid || '_', 'index.zip"}')
      ELSE concat('{"type":"s3_zip","bucket":"', @storageHost, '","key":"druid/segments/', @dsJson, '/', start, '_',
        "end", '/', version, '/', pn, '/', uuid || '/', 'index.zip","S3Schema":"s3n"}')
    END,
    ',"dimensions":"', CASE older WHEN 1 THEN @olderDimensions ELSE @dimensions END,
    '","metrics":"', @metrics, '","shardSpec":',
    CASE kind
      WHEN 0 THEN concat('{"type":"numbered","partitionNum":', pn, ',"partitions":', parts, '}')
      WHEN 1 THEN concat('{"type":"linear","partitionNum":', pn, '}')
      WHEN 2 THEN concat('{"type":"hashed","partitionNum":', pn, ',"partitions":', parts, ',"bucketId":', pn,
        ',"numBuckets":', parts, ',"partitionDimensions":', @hashDimensions, ',"partitionFunction":"murmur3_32_abs"}')
      WHEN 3 THEN concat('{"type":"single","start":', coalesce('"' || low || '"', 'null'),
        ',"end":', coalesce('"' || high || '"', 'null'), ',"dimension":', @singleDimension,
        ',"partitionNum":', pn, ',"numCorePartitions":', parts, '}')
      ELSE concat('{"type":"range","dimensions":', @rangeDimensions,
        ',"start":', CASE WHEN low IS NULL THEN 'null' ELSE concat('["', low, CASE @rangeDimensionCount WHEN 2 THEN
          '","' || substr(@countries, 1 + 2 * (pn % 10), 2) END, '"]') END,
        ',"end":', CASE WHEN high IS NULL THEN 'null' ELSE concat('["', high, CASE @rangeDimensionCount WHEN 2 THEN
          '","' || substr(@countries, 1 + 2 * ((pn + 1) % 10), 2) END, '"]') END,
        ',"partitionNum":', pn, ',"numCorePartitions":', parts, '}')
    END,
    CASE compacted WHEN 1 THEN ',"lastCompactionState":' || @compactionState END,
    ',"binaryVersion":9,"size":', size, ',"identifier":"', @dsJson, '_', id_tail, '"}'
  ),
  start_ms, end_ms, pn, size, NULL
FROM t`;

interface Statements {
  addChunk: Database.Statement;
  expand: Database.Statement;
  clear: Database.Statement;
  lastSeg: Database.Statement;
  addStates: Database.Statement;
}

const BULK_SEGMENTS = 10_000;

export type ChunkInserter = (target: InsertTarget, chunks: readonly Chunk[]) => number;

/**
 * Runs a load of `segments` segments; a big one with a rollback journal instead of the WAL, and without syncing: in WAL mode every page is
 * written twice (to the WAL, then by the checkpoint), and synced at each checkpoint. Fleet of 1,000 × 300 on the
 * bench machine: 4.3 → 3.6 s of CPU, a quarter of the system time. Only this connection is open while the cluster
 * generates at start-up (the checkpointer starts later); a crash mid-way rolls back as usual, and a lost generation
 * is made again from its name on the next start. The store is back in WAL mode, synced as before, afterwards.
 */
export function withChunkInserter<T>(db: Database.Database, segments: number, load: (insert: ChunkInserter) => T): T {
  const synchronous = Number(db.pragma('synchronous', { simple: true }));
  const journal = String(db.pragma('journal_mode', { simple: true }));
  // Switching journals costs ~15 ms (a checkpoint and syncs): worth it for big loads only.
  const bulk = segments >= BULK_SEGMENTS;
  if (bulk) {
    db.pragma('synchronous = OFF');
    db.pragma('journal_mode = DELETE');
  }
  try {
    const table = `${bulk ? 'main' : 'temp'}.${CHUNKS_TABLE}`;
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (ord INTEGER PRIMARY KEY, ${CHUNK_COLUMNS.join(', ')})`);
    const statements: Statements = {
      addChunk: db.prepare(
        `INSERT INTO ${table} (${CHUNK_NAMES.join(', ')}) VALUES (${CHUNK_NAMES.map(() => '?').join(', ')})`,
      ),
      expand: db.prepare(SQL.replace('FROM chunks c', `FROM ${table} c`)),
      clear: db.prepare(`DELETE FROM ${table}`),
      lastSeg: db.prepare('SELECT coalesce(max(seg), 0) FROM segment_rows').pluck(),
      // The state of each new row is its chunk's: (interval, version) is one chunk of the datasource.
      addStates: db.prepare(
        `INSERT INTO segment_state (seg, used, used_status_last_updated)
         SELECT r.seg, c.used, c.last_updated FROM segment_rows r
         JOIN ${table} c ON c.start_ms = r.start_ms AND c.end_ms = r.end_ms AND c.version = r.version
         WHERE r.seg > ? ORDER BY r.seg`,
      ),
    };
    return load((target, chunks) => insertChunks(statements, target, chunks));
  } finally {
    db.exec(`DROP TABLE IF EXISTS ${bulk ? 'main' : 'temp'}.${CHUNKS_TABLE}`);
    if (bulk) {
      db.pragma(`journal_mode = ${journal}`);
      db.pragma(`synchronous = ${synchronous}`);
    }
  }
}

export interface InsertTarget {
  dataSource: string;
  profile: DataSourceProfile;
  parts: PayloadParts;
  /** Deep-storage directory of the datasource, for local load specs. */
  localDir: string;
}

/** Inserts the segments of `chunks` (no transaction of its own); returns the number of rows. */
function insertChunks(statement: Statements, target: InsertTarget, chunks: readonly Chunk[]): number {
  const seedBase = hashText(target.dataSource) % 1_000_000;
  const hdfs = target.profile.loadSpec === 'hdfs';
  statement.clear.run();
  for (const [index, chunk] of chunks.entries()) {
    statement.addChunk.run(
      chunk.start,
      chunk.end,
      iso(chunk.start),
      iso(chunk.end),
      iso(chunk.version),
      iso(chunk.created),
      iso(chunk.lastUpdated),
      chunk.partitions,
      SHARD_KINDS.indexOf(chunk.shard),
      chunk.compacted ? 1 : 0,
      chunk.streaming ? 1 : 0,
      chunk.used ? 1 : 0,
      chunk.olderSchema ? 1 : 0,
      Math.round(chunk.segmentBytes),
      // Below 2^30 so that the hashes in SQL stay 64-bit integers.
      (seedBase * 1024 + index) % 1_073_741_824,
      hdfs ? basicIso(chunk.start) : '',
      hdfs ? basicIso(chunk.end) : '',
    );
  }
  const { parts } = target;
  // Rows first (numbered consecutively from `before`), then their states: the view's trigger, row by row, made
  // generating 1M segments take 15 s instead of 8.5.
  const before = statement.lastSeg.get() as number;
  statement.expand.run({
    maxPartitions: chunks.reduce((max, chunk) => Math.max(max, chunk.partitions), 1),
    ds: target.dataSource,
    dsJson: jsonInner(target.dataSource),
    loadSpec: target.profile.loadSpec,
    storageHost: target.profile.storageHost,
    localDir: jsonInner(target.localDir),
    dimensions: parts.dimensions,
    olderDimensions: parts.olderDimensions,
    metrics: parts.metrics,
    hashDimensions: parts.hashDimensions,
    singleDimension: parts.singleDimension,
    rangeDimensions: parts.rangeDimensions,
    rangeDimensionCount: parts.rangeDimensionCount,
    prefix: parts.boundaryPrefix,
    countries: 'BRDEESFRGBINJPMXNLUS',
    compactionState: parts.compactionState,
  });
  statement.addStates.run(before);
  return (statement.lastSeg.get() as number) - before;
}

const DAY_MS = 86_400_000;
const dayTexts = new Map<number, string>();

/** Date#toISOString for the years 1970-9999, with the date part cached: it cost ~0.7 µs a call, 5 calls a chunk. */
function iso(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = dayTexts.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayTexts.size > 100_000) dayTexts.clear();
    dayTexts.set(day, date);
  }
  const inDay = ms - day * DAY_MS;
  const hours = Math.floor(inDay / 3_600_000);
  const minutes = Math.floor(inDay / 60_000) % 60;
  const seconds = Math.floor(inDay / 1000) % 60;
  return `${date}${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(inDay % 1000, 3)}Z`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Joda's basicDateTime (20240101T000000.000Z), which Druid's HDFS pusher uses in segment directories. */
function basicIso(ms: number): string {
  return iso(ms).replaceAll('-', '').replaceAll(':', '');
}
