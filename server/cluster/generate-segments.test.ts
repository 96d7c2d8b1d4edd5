import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSegmentRecord, readUnusedSegment, readUsedSegment, StringPool } from '../../src/api/segments-records.ts';
import { parseInterval } from '../../src/druid/interval.ts';
import { dataSegmentSchema } from '../../src/druid/segment.ts';
import { formatSegmentId, parseSegmentId } from '../../src/druid/segment-id.ts';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { deepStorageDir } from './deep-storage.ts';
import type { SegmentRow } from './segment-records.ts';
import { overshadowedIds } from './segment-store.ts';
import { killUnusedSegments } from './tasks.ts';

// Names whose profiles (derived from the name) cover every shard spec type, load spec type and granularity.
const SAMPLES = ['wikiticker', 'billing', 'k8s_metrics', 'metrics', 'errors', 'rides'];
const COUNT = 2000;

let cluster: TestCluster;
let rows: SegmentRow[];
const payloads = new Map<SegmentRow, Payload>();
beforeAll(async () => {
  cluster = await startTestCluster({
    seed: 'none',
    generate: SAMPLES.map((dataSource) => ({ dataSource, count: COUNT })),
  });
  rows = cluster.ctx.db.prepare<[], SegmentRow>('SELECT * FROM druid_segments ORDER BY id').all();
  for (const row of rows) payloads.set(row, JSON.parse(row.payload) as Payload);
}, 60_000);
afterAll(() => cluster.stop());

type Payload = Record<string, unknown> & {
  shardSpec: Record<string, unknown>;
  loadSpec: Record<string, unknown>;
  dimensions: string;
  metrics: string;
};
const payload = (row: SegmentRow) => payloads.get(row) as Payload;
const rowsOf = (dataSource: string) => rows.filter((row) => row.dataSource === dataSource);

describe('--generate NAME:COUNT', () => {
  it('makes exactly COUNT segments per datasource', () => {
    for (const name of SAMPLES) expect(rowsOf(name)).toHaveLength(COUNT);
  });

  it('writes DataSegment JSON that the console reads, matching the numeric columns', () => {
    const versions = new StringPool();
    for (const row of rows) {
      const segment = dataSegmentSchema.parse(payload(row));
      const record = readSegmentRecord(payload(row), { state: 'used' }, versions);
      if (typeof record === 'string') throw new Error(record);
      const parts = parseSegmentId(row.id, row.dataSource);
      const interval = parseInterval(segment.interval);
      expect(parts).toEqual({
        dataSource: row.dataSource,
        start: row.start_ms,
        end: row.end_ms,
        version: row.version,
        partitionNum: row.partition_num,
      });
      expect(interval).toEqual({ start: row.start_ms, end: row.end_ms });
      expect(`${row.start}/${row.end}`).toBe(segment.interval);
      expect(segment.identifier).toBe(row.id);
      expect(
        formatSegmentId({
          ...interval,
          dataSource: row.dataSource,
          version: row.version,
          partitionNum: record.partition,
        }),
      ).toBe(row.id);
      expect(segment.shardSpec.partitionNum ?? 0).toBe(row.partition_num);
      expect(segment.size).toBe(row.size);
      expect(segment.binaryVersion).toBe(9);
      expect(row.partitioned).toBe(1);
      // Numbers as Druid (Jackson) prints integers: no `31.0`.
      expect(row.payload).not.toMatch(/":\d+\.\d/);
      // A used segment last changed when it was published; an unused one when it was marked unused.
      if (row.used) expect(row.used_status_last_updated).toBe(row.created_date);
      else expect(row.used_status_last_updated > row.created_date).toBe(true);
      expect(row.created_date > row.version).toBe(true);
    }
  });

  it('has production-like schemas: 10-40 dimensions and 3-15 metrics with real names', () => {
    for (const row of rows) {
      const { dimensions, metrics } = payload(row);
      const dims = dimensions.split(',');
      expect(dims.length).toBeGreaterThanOrEqual(10);
      expect(dims.length).toBeLessThanOrEqual(40);
      expect(new Set(dims).size).toBe(dims.length);
      const mets = metrics.split(',');
      expect(mets.length).toBeGreaterThanOrEqual(3);
      expect(mets.length).toBeLessThanOrEqual(15);
      expect(mets[0]).toBe('count');
    }
  });

  it('averages at least 1.5 KB of segment JSON', () => {
    const { average } = cluster.ctx.db
      .prepare<[], { average: number }>('SELECT avg(length(payload)) AS average FROM druid_segments')
      .get() as { average: number };
    expect(average).toBeGreaterThanOrEqual(1500);
  });

  it('uses every shard spec type, load spec type and both hour and day granularity', () => {
    const shards = new Set(rows.map((row) => payload(row).shardSpec.type));
    expect([...shards].sort()).toEqual(['hashed', 'linear', 'numbered', 'range', 'single']);
    const loadSpecs = new Set(rows.map((row) => payload(row).loadSpec.type));
    expect([...loadSpecs].sort()).toEqual(['hdfs', 'local', 's3_zip']);
    const durations = new Set(rows.map((row) => row.end_ms - row.start_ms));
    expect([...durations].sort()).toEqual([3_600_000, 86_400_000]);
  });

  it('writes load specs of the shapes Druid writes', () => {
    const root = deepStorageDir(cluster.dataDir);
    for (const row of rows) {
      const { loadSpec } = payload(row);
      const interval = `${row.start}_${row.end}`;
      if (loadSpec.type === 's3_zip') {
        expect(loadSpec.bucket).toMatch(/^[a-z0-9-]+$/);
        expect(loadSpec.S3Schema).toBe('s3n');
        expect(String(loadSpec.key)).toMatch(
          new RegExp(
            `^druid/segments/${row.dataSource}/${interval}/${row.version}/${row.partition_num}/([0-9a-f-]{36}/)?index\\.zip$`,
          ),
        );
      } else if (loadSpec.type === 'hdfs') {
        expect(String(loadSpec.path)).toMatch(
          new RegExp(
            `^hdfs://[^/]+/druid/segments/${row.dataSource}/\\d{8}T\\d{6}\\.000Z_\\d{8}T\\d{6}\\.000Z/[^:/]+/${row.partition_num}_([0-9a-f-]{36}_)?index\\.zip$`,
          ),
        );
      } else {
        expect(loadSpec.path).toBe(
          `${root}/${row.dataSource}/${interval}/${row.version.replaceAll(':', '_')}/${row.partition_num}/index.zip`,
        );
      }
    }
  });

  it('writes consistent shard specs: each (interval, version) has partitions 0..n-1 with n core partitions', () => {
    const chunks = new Map<string, Payload['shardSpec'][]>();
    for (const row of rows) {
      const key = `${row.dataSource}/${row.start}/${row.version}`;
      chunks.set(key, [...(chunks.get(key) ?? []), payload(row).shardSpec]);
    }
    for (const specs of chunks.values()) {
      const n = specs.length;
      specs.sort((a, b) => Number(a.partitionNum) - Number(b.partitionNum));
      expect(specs.map((spec) => spec.partitionNum)).toEqual([...Array(n).keys()]);
      for (const [p, spec] of specs.entries()) {
        if (spec.type === 'numbered') expect(spec.partitions).toBe(n);
        if (spec.type === 'hashed') {
          expect(spec).toMatchObject({
            partitions: n,
            bucketId: p,
            numBuckets: n,
            partitionFunction: 'murmur3_32_abs',
          });
          expect(spec.partitionDimensions).toEqual(expect.arrayContaining([expect.any(String)]));
        }
        if (spec.type === 'single' || spec.type === 'range') {
          expect(spec.numCorePartitions).toBe(n);
          // Ranges tile the value space: open at both ends, each end the next one's start.
          if (p === 0) expect(spec.start).toBeNull();
          if (p === n - 1) expect(spec.end).toBeNull();
          else expect(specs[p + 1]?.start).toEqual(spec.end);
        }
        if (spec.type === 'linear') expect(Object.keys(spec).sort()).toEqual(['partitionNum', 'type']);
      }
    }
  });

  it('has several versions, overshadowed segments still used, and unused ones marked at many times', () => {
    for (const name of SAMPLES) {
      const own = rowsOf(name);
      const overshadowed = overshadowedIds(cluster.ctx.db, name);
      expect(overshadowed.size).toBeGreaterThan(0);
      const unused = own.filter((row) => !row.used);
      expect(unused.length).toBeGreaterThan(COUNT * 0.2);
      expect(own.filter((row) => row.used).length).toBeGreaterThan(COUNT * 0.1);
      expect(new Set(unused.map((row) => row.used_status_last_updated)).size).toBeGreaterThan(unused.length / 10);
      const versionsPerInterval = new Map<string, Set<string>>();
      for (const row of own)
        versionsPerInterval.set(row.start, (versionsPerInterval.get(row.start) ?? new Set()).add(row.version));
      expect([...versionsPerInterval.values()].some((versions) => versions.size >= 2)).toBe(true);
      // Only compacted segments carry the compaction state, and only they have newer versions over older ones.
      const compacted = own.filter((row) => 'lastCompactionState' in payload(row));
      expect(compacted.length).toBeGreaterThan(0);
      for (const row of compacted) expect(versionsPerInterval.get(row.start)?.size).toBeGreaterThanOrEqual(2);
    }
  });

  it('gives the intervals of one backfill job one version, as a batch task lock does', () => {
    for (const name of SAMPLES) {
      const intervalsPerVersion = new Map<string, Set<string>>();
      for (const row of rowsOf(name)) {
        intervalsPerVersion.set(row.version, (intervalsPerVersion.get(row.version) ?? new Set()).add(row.start));
      }
      const widest = Math.max(...[...intervalsPerVersion.values()].map((starts) => starts.size));
      expect(widest).toBeGreaterThan(5);
    }
  });

  it('spreads sizes over orders of magnitude, like real segments', () => {
    const sizes = rows.map((row) => row.size).sort((a, b) => a - b);
    expect(sizes[0]).toBeGreaterThan(0);
    expect((sizes[sizes.length - 1] ?? 0) / (sizes[0] ?? 1)).toBeGreaterThan(50);
  });

  it('is the same for the same name and count, and differs for another name', async () => {
    const again = await startTestCluster({ seed: 'none', generate: [{ dataSource: 'wikiticker', count: COUNT }] });
    try {
      const digest = (list: SegmentRow[], dataDir: string) => {
        const hash = createHash('sha256');
        // Local load specs hold the data directory, which differs between clusters.
        for (const row of list) hash.update(JSON.stringify(row).replaceAll(dataDir, ''));
        return hash.digest('hex');
      };
      const replay = again.ctx.db.prepare<[], SegmentRow>('SELECT * FROM druid_segments ORDER BY id').all();
      expect(digest(replay, again.dataDir)).toBe(digest(rowsOf('wikiticker'), cluster.dataDir));
    } finally {
      await again.stop();
    }
    expect(payload(rowsOf('wikiticker')[0] as SegmentRow).dimensions).not.toBe(
      payload(rowsOf('billing')[0] as SegmentRow).dimensions,
    );
  });

  it('leaves the store as it found it: in WAL mode, synced, without its work table', () => {
    const { db } = cluster.ctx;
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'generator%'").all()).toEqual([]);
  });

  it('starts with small and bulk loads mixed (a bulk load switches journals; the store still checkpoints)', async () => {
    const mixed = await startTestCluster({
      seed: 'none',
      generate: [
        { dataSource: 'small', count: 50 },
        { dataSource: 'bulk', count: 12_000 },
        { dataSource: 'small_again', count: 50 },
      ],
    });
    try {
      const total = mixed.ctx.db.prepare('SELECT count(*) AS n FROM druid_segments').get() as { n: number };
      expect(total.n).toBe(12_100);
      expect(mixed.ctx.db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      await mixed.stop();
    }
  });

  it('makes exact counts down to a single segment', async () => {
    const counts = [1, 2, 7, 61];
    const small = await startTestCluster({
      seed: 'none',
      generate: counts.map((count) => ({ dataSource: `small_${count}`, count })),
    });
    try {
      for (const count of counts) {
        const listed = await (
          await small.fetch(`/druid/coordinator/v1/metadata/datasources/small_${count}/unusedSegments`)
        ).json();
        const used = small.ctx.db
          .prepare('SELECT count(*) AS n FROM druid_segments WHERE dataSource = ? AND used = 1')
          .get(`small_${count}`) as { n: number };
        expect((listed as unknown[]).length + used.n).toBe(count);
      }
    } finally {
      await small.stop();
    }
  });
});

describe('generated segments over the HTTP API', () => {
  it('are read by the console from the used listing (with overshadowed status) and the unused pages', async () => {
    const versions = new StringPool();
    const name = SAMPLES[0] as string;
    const used = (await (
      await cluster.fetch(`/druid/coordinator/v1/metadata/segments?includeOvershadowedStatus&datasources=${name}`)
    ).json()) as unknown[];
    const records = used.map((raw) => readUsedSegment(raw, versions));
    expect(records.every((record) => typeof record !== 'string')).toBe(true);
    expect(records.some((record) => typeof record !== 'string' && record.state === 'overshadowed')).toBe(true);
    const unused = (await (
      await cluster.fetch(`/druid/coordinator/v1/metadata/datasources/${name}/unusedSegments?limit=500&sortOrder=ASC`)
    ).json()) as unknown[];
    expect(unused).toHaveLength(500);
    for (const raw of unused) {
      const record = readUnusedSegment(raw, versions);
      if (typeof record === 'string') throw new Error(record);
      expect(record.lastUpdated).toBeGreaterThan(record.end);
    }
  });

  it('can be killed whatever their deep storage (S3 and HDFS segments have no local file)', () => {
    for (const name of SAMPLES) {
      const killed = killUnusedSegments(cluster.ctx.db, deepStorageDir(cluster.dataDir), name, {
        start: Date.UTC(2000, 0, 1),
        end: Date.UTC(2026, 1, 1),
      });
      expect(killed).toBeGreaterThan(0);
    }
  });
});
