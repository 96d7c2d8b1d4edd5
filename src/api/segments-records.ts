/**
 * Compact segment records: what the segments table needs from Druid's segment JSON and nothing else, so 200k rows
 * stay light. Listings are read by hand rather than through zod: a per-item schema costs seconds at that size, and
 * only these fields are used (the full JSON is fetched again for the detail view).
 */
import { tryParseInterval } from '../druid/interval.ts';
import { formatSegmentId } from '../druid/segment-id.ts';

export type SegmentState = 'used' | 'unused' | 'overshadowed';

export interface SegmentRecord {
  id: string;
  start: number;
  end: number;
  version: string;
  partition: number;
  size: number;
  /** `overshadowed` = still used, but newer versions cover it (the coordinator will mark it unused). */
  state: SegmentState;
  /** Used segments only; null when Druid does not know yet. */
  replication: number | null;
  /** When the used flag last changed (unused segments), epoch ms or null. */
  lastUpdated: number | null;
}

export function isUsed(record: Pick<SegmentRecord, 'state'>): boolean {
  return record.state !== 'unused';
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reuses one string per distinct version: JSON.parse makes a new copy for every segment. */
export class StringPool {
  private readonly pool = new Map<string, string>();
  intern(text: string): string {
    const known = this.pool.get(text);
    if (known !== undefined) return known;
    this.pool.set(text, text);
    return text;
  }
}

export interface RecordExtras {
  state: SegmentState;
  replication?: number | null;
  lastUpdated?: number | null;
}

/** A DataSegment's record, or the reason it cannot be read. */
export function readSegmentRecord(raw: unknown, extras: RecordExtras, versions: StringPool): SegmentRecord | string {
  if (!isObject(raw)) return 'a segment is not an object';
  const { dataSource, interval, version, size, shardSpec } = raw;
  if (typeof dataSource !== 'string') return 'a segment has no dataSource';
  if (typeof interval !== 'string') return 'a segment has no interval';
  if (typeof version !== 'string') return 'a segment has no version';
  if (typeof size !== 'number') return 'a segment has no size';
  const parsed = tryParseInterval(interval);
  if (!parsed.ok) return parsed.error;
  const partitionNum = isObject(shardSpec) ? shardSpec.partitionNum : undefined;
  const partition = typeof partitionNum === 'number' ? partitionNum : 0;
  const sent = typeof raw.identifier === 'string' ? raw.identifier : typeof raw.id === 'string' ? raw.id : null;
  const { start, end } = parsed.interval;
  return {
    id: sent ?? formatSegmentId({ dataSource, start, end, version, partitionNum: partition }),
    start,
    end,
    version: versions.intern(version),
    partition,
    size,
    state: extras.state,
    replication: extras.replication ?? null,
    lastUpdated: extras.lastUpdated ?? null,
  };
}

function instantOrNull(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** One element of `metadata/segments?includeOvershadowedStatus` (SegmentStatusInCluster). */
export function readUsedSegment(raw: unknown, versions: StringPool): SegmentRecord | string {
  if (!isObject(raw)) return 'a segment is not an object';
  const replication = typeof raw.replicationFactor === 'number' ? raw.replicationFactor : null;
  const state = raw.overshadowed === true ? 'overshadowed' : 'used';
  return readSegmentRecord(raw, { state, replication }, versions);
}

/** One element of `unusedSegments` (DataSegmentPlus). */
export function readUnusedSegment(raw: unknown, versions: StringPool): SegmentRecord | string {
  if (!isObject(raw)) return 'an unused segment is not an object';
  const lastUpdated = instantOrNull(raw.usedStatusLastUpdatedDate);
  return readSegmentRecord(raw.dataSegment, { state: 'unused', lastUpdated }, versions);
}
