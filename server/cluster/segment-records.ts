import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { formatInstant } from '../../src/druid/instant.ts';
import { formatSegmentId } from '../../src/druid/segment-id.ts';

/** What a seed or generator says about a segment; everything else is derived as Druid would. */
export interface NewSegment {
  dataSource: string;
  start: number;
  end: number;
  version: string;
  partitionNum?: number;
  /** Core partitions of the (interval, version) chunk; defaults to 1. */
  partitions?: number;
  size: number;
  used: boolean;
  dimensions?: string;
  metrics?: string;
  /** ISO time; defaults to the version when it is a timestamp, else now. */
  createdDate?: string;
  usedStatusLastUpdated?: string;
}

/** A row of druid_segments as stored. */
export interface SegmentRow {
  id: string;
  dataSource: string;
  created_date: string;
  start: string;
  end: string;
  partitioned: number;
  version: string;
  used: number;
  used_status_last_updated: string;
  payload: string;
  start_ms: number;
  end_ms: number;
  partition_num: number;
  size: number;
  replication_factor: number | null;
}

/** Relative path of the segment's file under the deep-storage folder, as Druid's local deep storage lays it out. */
export function deepStoragePath(segment: NewSegment): string {
  const interval = `${formatInstant(segment.start)}_${formatInstant(segment.end)}`;
  const version = segment.version.replaceAll(':', '_');
  return join(
    safeDirectoryName(segment.dataSource),
    interval,
    safeDirectoryName(version),
    String(segment.partitionNum ?? 0),
  );
}

/**
 * Datasource names and versions are data, not paths: a `/`, `\`, `.` or `..` must not climb out of deep storage
 * (`../../x` as a version would write outside it), and file systems cap a name at 255 bytes. Such names get a
 * hashed directory instead, unique per name.
 */
function safeDirectoryName(name: string): string {
  const plain = name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
  if (plain && Buffer.byteLength(name) <= 200) return name;
  const prefix = Array.from(name.replace(/[/\\]/g, '_').replace(/^\.+/, '')).slice(0, 40).join('');
  return `${prefix}…${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

export function toSegmentRow(segment: NewSegment, deepStorageDir: string, now: string): SegmentRow {
  const partitionNum = segment.partitionNum ?? 0;
  const id = formatSegmentId({ ...segment, partitionNum });
  const start = formatInstant(segment.start);
  const end = formatInstant(segment.end);
  // Key order as Druid's DataSegment serializer writes it.
  const payload = {
    dataSource: segment.dataSource,
    interval: `${start}/${end}`,
    version: segment.version,
    loadSpec: { type: 'local', path: join(deepStorageDir, deepStoragePath(segment), 'index.zip') },
    dimensions: segment.dimensions ?? 'channel,cityName,countryName,page,user',
    metrics: segment.metrics ?? 'count,added,deleted,delta',
    shardSpec: { type: 'numbered', partitionNum, partitions: segment.partitions ?? 1 },
    binaryVersion: 9,
    size: segment.size,
    identifier: id,
  };
  const created = segment.createdDate ?? (/^\d{4}-\d\d-\d\dT/.test(segment.version) ? segment.version : now);
  return {
    id,
    dataSource: segment.dataSource,
    created_date: created,
    start,
    end,
    partitioned: 1,
    version: segment.version,
    used: segment.used ? 1 : 0,
    used_status_last_updated: segment.usedStatusLastUpdated ?? created,
    payload: JSON.stringify(payload),
    start_ms: segment.start,
    end_ms: segment.end,
    partition_num: partitionNum,
    size: segment.size,
    replication_factor: null,
  };
}

/** The DataSegmentPlus JSON of `unusedSegments`, built from the stored payload text without re-parsing it. */
export function dataSegmentPlusJson(
  row: Pick<SegmentRow, 'payload' | 'created_date' | 'used_status_last_updated' | 'used'>,
): string {
  return (
    `{"dataSegment":${row.payload},"createdDate":${JSON.stringify(row.created_date)},` +
    `"usedStatusLastUpdatedDate":${JSON.stringify(row.used_status_last_updated)},"used":${row.used === 1}}`
  );
}

/** SegmentStatusInCluster: the DataSegment fields unwrapped plus the coordinator's view of the segment. */
export function segmentStatusJson(row: SegmentRow, overshadowed: boolean): string {
  const replication = overshadowed ? 0 : row.replication_factor;
  return (
    `${row.payload.slice(0, -1)},"overshadowed":${overshadowed},` +
    `"replicationFactor":${replication ?? null},"numRows":null,"realtime":false}`
  );
}
