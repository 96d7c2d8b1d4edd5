import { join } from 'node:path';
import type { ClusterContext } from './context.ts';
import { deepStorageDir } from './deep-storage.ts';
import { type ChunkInserter, withChunkInserter } from './generate-insert.ts';
import { type Chunk, layoutChunks } from './generate-layout.ts';
import { payloadParts } from './generate-payload.ts';
import { type DataSourceProfile, dataSourceProfile } from './generate-profile.ts';
import { bumpSegmentsGeneration } from './segment-store.ts';

/** Segments per transaction: big enough to amortize commits, small enough to keep the WAL bounded. */
const BATCH_SEGMENTS = 50_000;

export interface GenerateOptions {
  /** Whether compaction (and so overshadowed segments) is certain or left to the profile. */
  compaction?: 'always' | 'maybe';
  /** The datasource was deleted: every segment unused. */
  allUnused?: boolean;
}

/**
 * A datasource of exactly `count` segments that look like production ones (see generate-layout.ts and
 * generate-profile.ts), the same for the same name and count. No deep-storage files, which would dominate start-up.
 */
export function generateSegments(
  ctx: ClusterContext,
  dataSource: string,
  count: number,
  options: GenerateOptions = {},
): number {
  const profile = dataSourceProfile(dataSource, count, options.compaction ?? 'always');
  const chunks = layoutChunks(profile, count, { seed: dataSource, allUnused: options.allUnused });
  const inserted = withChunkInserter(ctx.db, count, (insert) => {
    let rows = 0;
    for (const batch of batches(chunks)) {
      rows += ctx.db.transaction(() => insertDataSourceChunks(ctx, insert, dataSource, profile, batch))();
    }
    return rows;
  });
  bumpSegmentsGeneration(ctx.db);
  return inserted;
}

/** Inserts chunks of one datasource without a transaction of its own (the fleet batches datasources). */
export function insertDataSourceChunks(
  ctx: ClusterContext,
  insert: ChunkInserter,
  dataSource: string,
  profile: DataSourceProfile,
  chunks: readonly Chunk[],
): number {
  const localDir = join(deepStorageDir(ctx.config.dataDir), dataSource);
  return insert({ dataSource, profile, parts: payloadParts(profile), localDir }, chunks);
}

function* batches(chunks: readonly Chunk[]): Generator<Chunk[]> {
  let batch: Chunk[] = [];
  let segments = 0;
  for (const chunk of chunks) {
    batch.push(chunk);
    segments += chunk.partitions;
    if (segments >= BATCH_SEGMENTS) {
      yield batch;
      batch = [];
      segments = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
