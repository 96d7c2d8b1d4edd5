import {
  DIMENSION_NAMES,
  HDFS_NAMENODES,
  METRICS,
  PARTITION_DIMENSION_NAMES,
  STORAGE_BUCKETS,
} from './generate-names.ts';
import { between, logUniform, type Random, sample, seededRandom, weighted } from './generate-random.ts';

/** The shard spec types Druid writes when it publishes segments (ShardSpec.Type). */
export type ShardKind = 'numbered' | 'linear' | 'hashed' | 'single' | 'range';
export type LoadSpecKind = 'local' | 's3_zip' | 'hdfs';
export type Granularity = 'HOUR' | 'DAY';

export const GRANULARITY_MS: Record<Granularity, number> = { HOUR: 3_600_000, DAY: 86_400_000 };

/** How a datasource is ingested and stored: fixed per datasource, like its ingestion spec and deep storage. */
export interface DataSourceProfile {
  granularity: Granularity;
  /** The current schema; `olderDimensions` is the schema before the last change (older intervals have it). */
  dimensions: string[];
  olderDimensions: string[];
  metrics: ReadonlyArray<readonly [string, string]>;
  /** Streaming (numbered, or linear from the old realtime nodes) or batch (hashed, single, range). */
  ingestShard: ShardKind;
  /** What auto-compaction rewrites intervals into; null = the datasource is not compacted. */
  compactShard: ShardKind | null;
  /** Dimensions of hashed and range partitioning (`single` uses the first). */
  partitionDimensions: string[];
  loadSpec: LoadSpecKind;
  /** S3 bucket or HDFS name service. */
  storageHost: string;
  /** Partitions of an interval at peak traffic, before compaction. */
  partitions: number;
  /** Compacted partitions per ingested partition. */
  compactionRatio: number;
  /** Typical bytes of one ingested segment at peak traffic. */
  segmentBytes: number;
  /** Share of the segments (newest first) whose data is still retained, compacted or not. */
  retainedShare: number;
  /** Share of the segments (newest first) that compaction has reached. */
  compactedShare: number;
}

const STREAMING: ReadonlyArray<readonly [ShardKind, number]> = [
  ['numbered', 70],
  ['linear', 8],
  ['hashed', 10],
  ['single', 5],
  ['range', 7],
];
const COMPACTED: ReadonlyArray<readonly [ShardKind | null, number]> = [
  ['range', 30],
  ['hashed', 25],
  ['numbered', 15],
  ['single', 10],
  [null, 20],
];

/**
 * A datasource's profile from its name (and its size, which sets partitions per interval so that the data spans
 * about a year and a half). `compaction: 'always'` guarantees overshadowed segments, for `--generate`.
 */
export function dataSourceProfile(name: string, count: number, compaction: 'always' | 'maybe'): DataSourceProfile {
  const random = seededRandom(`profile:${name}`);
  const granularity: Granularity = count >= 50_000 || random() < 0.35 ? 'HOUR' : 'DAY';
  const intervalsPerYear = granularity === 'HOUR' ? 8760 : 365;
  const perInterval = count / (intervalsPerYear * 1.5);
  const partitions = Math.max(between(random, 1, 3), Math.min(250, Math.round(perInterval / 1.15)));
  // Production schemas lean wide: 10 to 40 dimensions, 30 on average. A single generated datasource (--generate,
  // the benchmarks' big one) gets 30 to 40 and more of it compacted, so its average segment JSON is 1.5 KB or more whatever its name.
  const wide = compaction === 'always';
  const dimensionCount = wide ? between(random, 30, 40) : 10 + Math.round(30 * (1 - (1 - random()) ** 2));
  const dimensions = sample(random, DIMENSION_NAMES, dimensionCount);
  const partitionDimensions = pickPartitionDimensions(random, dimensions);
  // Schema changes add columns at the end: older intervals lack the newest few.
  const olderDimensions = dimensions.slice(0, Math.max(10, dimensions.length - between(random, 1, 6)));
  let loadSpec = weighted<LoadSpecKind>(random, [
    ['s3_zip', 60],
    ['hdfs', 20],
    ['local', 20],
  ]);
  // A name that is not a plain directory name (a `/`, `..`) must not become a path in local deep storage.
  if (loadSpec === 'local' && !/^[A-Za-z0-9][\w.-]{0,199}$/.test(name)) loadSpec = 's3_zip';
  let compactShard = weighted(random, COMPACTED);
  if (compactShard === null && compaction === 'always') compactShard = 'range';
  return {
    granularity,
    dimensions,
    olderDimensions,
    metrics: [['count', 'count'], ...sample(random, METRICS, between(random, 2, 14))],
    ingestShard: weighted(random, STREAMING),
    compactShard,
    partitionDimensions,
    loadSpec,
    storageHost: pick(random, loadSpec === 'hdfs' ? HDFS_NAMENODES : STORAGE_BUCKETS),
    partitions,
    compactionRatio: wide ? 0.35 + random() * 0.2 : 0.25 + random() * 0.3,
    segmentBytes: Math.round(logUniform(random, 2e6, 4e8)),
    retainedShare: 0.6 + random() * 0.15,
    compactedShare: wide ? 0.4 + random() * 0.1 : 0.3 + random() * 0.15,
  };
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Partitioning dimensions must be in the schema: put one or two in front of it if the sample missed them. */
function pickPartitionDimensions(random: Random, dimensions: string[]): string[] {
  const present = PARTITION_DIMENSION_NAMES.filter((name) => dimensions.includes(name));
  const chosen =
    present.length > 0 ? sample(random, present, between(random, 1, 2)) : [pick(random, PARTITION_DIMENSION_NAMES)];
  for (const name of [...chosen].reverse()) {
    if (!dimensions.includes(name)) dimensions.splice(0, 0, name);
  }
  if (dimensions.length > 40) dimensions.length = 40;
  return chosen;
}
