import type { DataSourceProfile, ShardKind } from './generate-profile.ts';

/**
 * The parts of a generated DataSegment JSON that are the same for every segment of a datasource, as JSON text,
 * ready for SQLite to concatenate (see generate-insert.ts).
 */
export interface PayloadParts {
  dimensions: string;
  olderDimensions: string;
  metrics: string;
  hashDimensions: string;
  singleDimension: string;
  rangeDimensions: string;
  rangeDimensionCount: number;
  /** Prefix of the partition boundary values, e.g. `tenant_` for tenantId. */
  boundaryPrefix: string;
  /** CompactionState of the datasource's auto-compaction config, or '' when it has none. */
  compactionState: string;
}

export const SHARD_KINDS: readonly ShardKind[] = ['numbered', 'linear', 'hashed', 'single', 'range'];

/** Text inside a JSON string (without the quotes). */
export function jsonInner(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

export function payloadParts(profile: DataSourceProfile): PayloadParts {
  const [first = 'tenantId'] = profile.partitionDimensions;
  const rangeDimensions = profile.partitionDimensions.slice(0, 2);
  return {
    // CommaListJoinSerializer: dimensions and metrics are one comma-joined string.
    dimensions: jsonInner(profile.dimensions.join(',')),
    olderDimensions: jsonInner(profile.olderDimensions.join(',')),
    metrics: jsonInner(profile.metrics.map(([name]) => name).join(',')),
    hashDimensions: JSON.stringify(profile.partitionDimensions),
    singleDimension: JSON.stringify(first),
    rangeDimensions: JSON.stringify(rangeDimensions),
    rangeDimensionCount: rangeDimensions.length,
    boundaryPrefix: jsonInner(`${first.replace(/Id$/, '').toLowerCase()}_`),
    compactionState: profile.compactShard ? JSON.stringify(compactionState(profile, profile.compactShard)) : '',
  };
}

/** Druid's CompactionState: the specs compaction ran with, so it knows an interval needs no second pass. */
function compactionState(profile: DataSourceProfile, shard: ShardKind) {
  return {
    partitionsSpec: partitionsSpec(profile, shard),
    dimensionsSpec: {
      dimensions: profile.dimensions.map((name) =>
        /^(is[A-Z]|httpStatus|kafkaPartition)/.test(name)
          ? { type: 'long', name, multiValueHandling: 'SORTED_ARRAY', createBitmapIndex: false }
          : { type: 'string', name, multiValueHandling: 'SORTED_ARRAY', createBitmapIndex: true },
      ),
    },
    metricsSpec: profile.metrics.map(([name, type]) =>
      type === 'count' ? { type, name } : { type, name, fieldName: name.replace(/^(sum|max|min|unique)_/, '') },
    ),
    transformSpec: { filter: null },
    indexSpec: {
      bitmap: { type: 'roaring' },
      dimensionCompression: 'lz4',
      stringDictionaryEncoding: { type: 'utf8' },
      metricCompression: 'lz4',
      longEncoding: 'longs',
    },
    granularitySpec: {
      type: 'uniform',
      segmentGranularity: profile.granularity,
      queryGranularity: profile.granularity === 'HOUR' ? 'MINUTE' : 'HOUR',
      rollup: true,
      intervals: null,
    },
  };
}

function partitionsSpec(profile: DataSourceProfile, shard: ShardKind) {
  const maxRowsPerSegment = 5_000_000;
  switch (shard) {
    case 'hashed':
      return {
        type: 'hashed',
        numShards: null,
        partitionDimensions: profile.partitionDimensions,
        partitionFunction: 'murmur3_32_abs',
        maxRowsPerSegment,
      };
    case 'single':
      return {
        type: 'single_dim',
        targetRowsPerSegment: null,
        maxRowsPerSegment,
        partitionDimension: profile.partitionDimensions[0],
        assumeGrouped: false,
      };
    case 'range':
      return {
        type: 'range',
        targetRowsPerSegment: null,
        maxRowsPerSegment,
        partitionDimensions: profile.partitionDimensions.slice(0, 2),
        assumeGrouped: false,
      };
    default:
      return { type: 'dynamic', maxRowsPerSegment, maxTotalRows: null };
  }
}
