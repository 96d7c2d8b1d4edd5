import { type DataSourceProfile, GRANULARITY_MS, type ShardKind } from './generate-profile.ts';
import { between, type Random, seededRandom } from './generate-random.ts';

/** "Now" of generated data: fixed, so that the same name and count always give the same segments. */
export const GENERATED_NOW = Date.UTC(2026, 0, 1);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older data was backfilled by batch jobs of 30 days each. */
const BACKFILL_BLOCK_MS = 30 * DAY;

/** One (interval, version) of a datasource: `partitions` segments that differ only in partition number and size. */
export interface Chunk {
  start: number;
  end: number;
  version: number;
  created: number;
  /** used_status_last_updated: when the used flag last changed (at publishing for used segments). */
  lastUpdated: number;
  partitions: number;
  shard: ShardKind;
  /** Written by auto-compaction: carries lastCompactionState. */
  compacted: boolean;
  /** Pushed by a streaming task, which adds a unique directory to the deep-storage path. */
  streaming: boolean;
  used: boolean;
  olderSchema: boolean;
  /** Typical bytes of one of its segments. */
  segmentBytes: number;
}

type Era = 'fresh' | 'overshadowed' | 'compacted' | 'retained' | 'dropped';

export interface LayoutOptions {
  /** Seeds the choices (versions, sizes, holes) so they differ between datasources. */
  seed: string;
  /** End of the newest interval; nothing is published after it. */
  now?: number;
  /** The datasource was deleted (marked all unused) at `now`. */
  allUnused?: boolean;
}

/**
 * The chunks of a datasource of exactly `count` segments, oldest first, as a cluster builds them over time (newest
 * first below): a day or so of fresh streaming chunks; a few intervals that compaction just rewrote, whose old
 * chunks are still used but overshadowed (the coordinator marks them unused within minutes); compacted intervals
 * with the old chunks unused; older retained intervals compaction has not reached, backfilled by batch jobs of 30
 * days that gave each job's intervals one version; and intervals a drop rule marked
 * unused. Now and then an operator marked an interval unused by hand, or compaction ran twice.
 */
export function layoutChunks(profile: DataSourceProfile, count: number, options: LayoutOptions): Chunk[] {
  const random = seededRandom(`layout:${options.seed}:${count}`);
  const now = options.now ?? GENERATED_NOW;
  const granularity = GRANULARITY_MS[profile.granularity];
  const freshIntervals = profile.granularity === 'HOUR' ? 30 : 1;
  const fresh = Math.max(1, Math.min(freshIntervals, Math.round((count * 0.05) / profile.partitions)));
  const overshadowed = profile.compactShard ? (profile.granularity === 'HOUR' ? 2 : 1) : 0;
  const chunks: Chunk[] = [];
  let emitted = 0;
  let retentionMs = 0;
  let backfill: { block: number; version: number } | undefined;
  // Nothing happens after `now`; each step of a chunk's life still follows the one before it.
  const clock = (t: number) => Math.min(t, now - MINUTE);
  const after = (previous: number, t: number) => Math.max(clock(t), previous + 1000);
  for (let k = 0; emitted < count; k++) {
    const end = now - k * granularity;
    const start = end - granularity;
    let era: Era = 'dropped';
    if (k < fresh) era = 'fresh';
    else if (k < fresh + overshadowed) era = 'overshadowed';
    else if (profile.compactShard && emitted < profile.compactedShare * count) era = 'compacted';
    else if (emitted < profile.retainedShare * count) era = 'retained';
    if (era === 'dropped' && retentionMs === 0) retentionMs = now - end;

    const weight = trafficWeight(profile, start) * (0.85 + 0.3 * random());
    const parts = Math.max(1, Math.round(profile.partitions * weight));
    const ingested = ingestedChunk(profile, { start, end, parts, weight }, random, after);
    if (era === 'retained') {
      // Backfilled by batch jobs, one per block of intervals: a batch task's lock gives every interval it writes the
      // same version, which is what `{interval, versions}` marks and kills select by.
      const block = Math.floor(end / BACKFILL_BLOCK_MS);
      if (backfill?.block !== block) {
        backfill = { block, version: after(0, (block + 1) * BACKFILL_BLOCK_MS + between(random, HOUR, 6 * HOUR)) };
      }
      Object.assign(ingested, {
        version: backfill.version,
        created: after(backfill.version, backfill.version + between(random, 5 * MINUTE, 6 * HOUR)),
        shard: profile.ingestShard === 'numbered' || profile.ingestShard === 'linear' ? 'hashed' : profile.ingestShard,
        streaming: false,
      });
      ingested.lastUpdated = ingested.created;
    }
    ingested.used = era !== 'dropped';
    ingested.olderSchema = emitted > count / 2;
    const group = [ingested];

    if (era === 'overshadowed' || era === 'compacted') {
      const twice = era === 'compacted' && random() < 0.04;
      let previous = ingested;
      for (let pass = twice ? 2 : 1; pass > 0; pass--) {
        const compacted = compactedChunk(profile, previous, parts, random, after);
        // Overshadowed chunks stay used only until the coordinator's next run, minutes after compaction.
        const markedAt = after(compacted.created, compacted.created + between(random, 30_000, 900_000));
        if (era === 'compacted') {
          previous.used = false;
          previous.lastUpdated = markedAt;
        }
        group.push(compacted);
        previous = compacted;
      }
    }
    if ((era === 'compacted' || era === 'retained') && random() < 0.025) {
      // An operator marked this interval unused by hand, days or weeks after it was published.
      const top = group[group.length - 1] as Chunk;
      top.used = false;
      top.lastUpdated = after(top.created, top.created + between(random, MINUTE, 30 * DAY));
    }
    if (era === 'dropped') {
      // A drop rule marked it unused when it aged out of the retained period (the duty runs every few hours here).
      const dropped = end + retentionMs - between(random, 0, 6 * HOUR);
      for (const chunk of group) chunk.lastUpdated = after(chunk.created, dropped);
    }
    if (options.allUnused) {
      for (const chunk of group) {
        if (!chunk.used) continue;
        chunk.used = false;
        chunk.lastUpdated = Math.max(now + between(random, 0, 30_000), chunk.created + 1000);
      }
    }
    for (const chunk of group) {
      if (emitted >= count) break;
      chunk.partitions = Math.min(chunk.partitions, count - emitted);
      emitted += chunk.partitions;
      chunks.push(chunk);
    }
  }
  return chunks.reverse();
}

/** A chunk as ingestion published it: streaming tasks version it at the start of the interval, batch jobs after. */
function ingestedChunk(
  profile: DataSourceProfile,
  interval: { start: number; end: number; parts: number; weight: number },
  random: Random,
  after: (previous: number, t: number) => number,
): Chunk {
  const { start, end, parts, weight } = interval;
  const streaming = profile.ingestShard === 'numbered' || profile.ingestShard === 'linear';
  const longest = end - start === HOUR ? 10 * MINUTE : HOUR;
  const version = after(0, streaming ? start + between(random, 5_000, longest) : end + between(random, HOUR, 8 * HOUR));
  const segmentBytes = profile.segmentBytes * (0.6 + 0.8 * random()) * (parts === 1 ? weight : 1);
  const published = streaming
    ? end + between(random, 5 * MINUTE, 70 * MINUTE)
    : version + between(random, 5 * MINUTE, 90 * MINUTE);
  const created = after(version, published);
  return {
    start,
    end,
    version,
    created,
    lastUpdated: created,
    partitions: parts,
    shard: profile.ingestShard,
    compacted: false,
    streaming,
    used: true,
    olderSchema: false,
    segmentBytes,
  };
}

/** What auto-compaction (a day after the interval, or just now) makes of a chunk: fewer, bigger partitions. */
function compactedChunk(
  profile: DataSourceProfile,
  source: Chunk,
  sourceParts: number,
  random: Random,
  after: (previous: number, t: number) => number,
): Chunk {
  const partitions = Math.max(1, Math.round(sourceParts * profile.compactionRatio));
  const version = after(source.created, source.created + DAY + between(random, 0, 12 * HOUR));
  const created = after(version, version + between(random, 2 * MINUTE, 60 * MINUTE));
  return {
    start: source.start,
    end: source.end,
    version,
    created,
    lastUpdated: created,
    partitions,
    shard: profile.compactShard ?? 'numbered',
    compacted: true,
    streaming: false,
    used: true,
    olderSchema: false,
    // Rollup over the merged rows shrinks the data a little.
    segmentBytes: (source.segmentBytes * sourceParts * 0.7) / partitions,
  };
}

/** Traffic through the day (hourly data) or the week (daily data): partitions and sizes follow it. */
function trafficWeight(profile: DataSourceProfile, start: number): number {
  const date = new Date(start);
  if (profile.granularity === 'HOUR') return 0.6 + 0.4 * Math.sin(((date.getUTCHours() - 8) / 24) * 2 * Math.PI);
  const weekday = date.getUTCDay();
  return weekday === 0 || weekday === 6 ? 0.75 : 1;
}
