/**
 * zod schemas of the segment JSON Druid returns: DataSegment (`DataSegment.java`), SegmentStatusInCluster
 * (`metadata/segments?includeOvershadowedStatus`) and DataSegmentPlus (`unusedSegments`). Unknown keys pass through.
 */
import { z } from 'zod';
import { parseInterval } from './interval.ts';
import { formatSegmentId, type SegmentIdParts } from './segment-id.ts';

/**
 * Druid writes dimensions, metrics and projections comma-joined (`CommaListJoinSerializer`) and reads either a
 * string or an array (`CommaListJoinDeserializer`), dropping empty names. Both become an array here.
 */
const commaListSchema = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((value): string[] => {
    if (value === null || value === undefined) return [];
    const names = typeof value === 'string' ? value.split(',') : value;
    return names.filter((name) => name !== '');
  });

/** `NumberedShardSpec(0, 1)`, what Druid assumes when a segment has no shardSpec. */
const DEFAULT_SHARD_SPEC = { type: 'numbered', partitionNum: 0, partitions: 1 };

export const shardSpecSchema = z.looseObject({
  type: z.string(),
  partitionNum: z.number().int().optional(),
  partitions: z.number().int().optional(),
});

export const dataSegmentSchema = z.looseObject({
  dataSource: z.string(),
  /** `start/end` as Druid prints it; read it with `segmentInterval`. */
  interval: z.string(),
  version: z.string(),
  loadSpec: z.record(z.string(), z.unknown()).nullish(),
  dimensions: commaListSchema,
  metrics: commaListSchema,
  /** Druid 32+; absent or null means the segment predates projections. */
  projections: z
    .union([z.string(), z.array(z.string())])
    .nullish()
    .transform((value) => (value === null || value === undefined ? value : commaListSchema.parse(value))),
  shardSpec: shardSpecSchema.nullish().transform((spec) => spec ?? { ...DEFAULT_SHARD_SPEC }),
  binaryVersion: z.number().int().nullish(),
  size: z.number().min(0),
  /** `SegmentId.toString()`, sent by Druid (read-only). */
  identifier: z.string().optional(),
  /** Some listings (and sys.segments) call it `id` or `segment_id`. */
  id: z.string().optional(),
  lastCompactionState: z.unknown().optional(),
});

export type DataSegment = z.output<typeof dataSegmentSchema>;

export const segmentStatusInClusterSchema = dataSegmentSchema.extend({
  overshadowed: z.boolean().optional(),
  /** Null when unknown; 0 for overshadowed segments. */
  replicationFactor: z.number().int().nullish(),
  numRows: z.number().nullish(),
  realtime: z.boolean().optional(),
});

export type SegmentStatusInCluster = z.output<typeof segmentStatusInClusterSchema>;

export const dataSegmentPlusSchema = z.looseObject({
  dataSegment: dataSegmentSchema,
  createdDate: z.string().nullish(),
  usedStatusLastUpdatedDate: z.string().nullish(),
  used: z.boolean().nullish(),
});

export type DataSegmentPlus = z.output<typeof dataSegmentPlusSchema>;

/** The segment's interval; throws DruidFormatError if Druid sent one it would not itself accept. */
export function segmentInterval(segment: Pick<DataSegment, 'interval'>): { start: number; end: number } {
  return parseInterval(segment.interval);
}

/** The parts of the segment's ID (partition number from the shard spec, 0 without one). */
export function segmentIdParts(segment: DataSegment): SegmentIdParts {
  const { start, end } = segmentInterval(segment);
  return {
    dataSource: segment.dataSource,
    start,
    end,
    version: segment.version,
    partitionNum: segment.shardSpec.partitionNum ?? 0,
  };
}

/** The segment's ID: the one Druid sent, or the one Druid would compute. */
export function segmentId(segment: DataSegment): string {
  return segment.identifier ?? segment.id ?? formatSegmentId(segmentIdParts(segment));
}
