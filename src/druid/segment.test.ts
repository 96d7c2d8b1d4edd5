import { describe, expect, it } from 'vitest';
import {
  dataSegmentPlusSchema,
  dataSegmentSchema,
  segmentId,
  segmentIdParts,
  segmentInterval,
  segmentStatusInClusterSchema,
} from './segment.ts';
import { at } from './test-helpers.ts';

const WIKI = {
  dataSource: 'wikipedia',
  interval: '2015-09-12T00:00:00.000Z/2015-09-13T00:00:00.000Z',
  version: '2023-08-10T04:12:03.860Z',
  loadSpec: { type: 'local', path: '/var/druid/segments/wikipedia/index.zip' },
  dimensions: 'channel,cityName,page',
  metrics: 'count,added',
  shardSpec: { type: 'numbered', partitionNum: 0, partitions: 1 },
  binaryVersion: 9,
  size: 4463,
  identifier: 'wikipedia_2015-09-12T00:00:00.000Z_2015-09-13T00:00:00.000Z_2023-08-10T04:12:03.860Z',
};

describe('dataSegmentSchema', () => {
  it('reads the DataSegment JSON of Druid’s docs', () => {
    const segment = dataSegmentSchema.parse(WIKI);
    expect(segment.dimensions).toEqual(['channel', 'cityName', 'page']);
    expect(segment.metrics).toEqual(['count', 'added']);
    expect(segment.size).toBe(4463);
    expect(segmentInterval(segment)).toEqual({ start: at('2015-09-12'), end: at('2015-09-13') });
    expect(segmentId(segment)).toBe(WIKI.identifier);
  });

  it('accepts dimensions and metrics as arrays, dropping empty names', () => {
    const segment = dataSegmentSchema.parse({ ...WIKI, dimensions: ['a', '', 'b'], metrics: '' });
    expect(segment.dimensions).toEqual(['a', 'b']);
    expect(segment.metrics).toEqual([]);
  });

  it('defaults a missing shard spec to NumberedShardSpec(0, 1) and computes the ID Druid would', () => {
    const { identifier: _identifier, shardSpec: _shardSpec, ...bare } = WIKI;
    const segment = dataSegmentSchema.parse(bare);
    expect(segment.shardSpec).toEqual({ type: 'numbered', partitionNum: 0, partitions: 1 });
    expect(segmentId(segment)).toBe(WIKI.identifier);
    const third = dataSegmentSchema.parse({ ...bare, shardSpec: { type: 'numbered', partitionNum: 3, partitions: 0 } });
    expect(segmentId(third)).toBe(`${WIKI.identifier}_3`);
    expect(segmentIdParts(third).partitionNum).toBe(3);
  });

  it('keeps unknown keys and tolerates nulls Druid may send', () => {
    const segment = dataSegmentSchema.parse({
      ...WIKI,
      binaryVersion: null,
      loadSpec: null,
      lastCompactionState: { partitionsSpec: {} },
      projections: 'p1,p2',
      somethingNew: 1,
    });
    expect(segment.binaryVersion).toBeNull();
    expect(segment.projections).toEqual(['p1', 'p2']);
    expect(segment.somethingNew).toBe(1);
  });

  it('rejects negative sizes and missing required fields', () => {
    expect(dataSegmentSchema.safeParse({ ...WIKI, size: -1 }).success).toBe(false);
    expect(dataSegmentSchema.safeParse({ ...WIKI, dataSource: undefined }).success).toBe(false);
  });

  it('reads a tombstone shard spec and an eternity interval', () => {
    const segment = dataSegmentSchema.parse({
      ...WIKI,
      interval: '-146136543-09-08T08:23:32.096Z/146140482-04-24T15:36:27.903Z',
      shardSpec: { type: 'tombstone', partitionNum: 0, partitions: 1 },
    });
    expect(segmentInterval(segment)).toEqual({ start: -(2 ** 62), end: 2 ** 62 });
  });
});

describe('segment listings', () => {
  it('reads SegmentStatusInCluster', () => {
    const status = segmentStatusInClusterSchema.parse({
      ...WIKI,
      overshadowed: false,
      replicationFactor: 2,
      numRows: null,
      realtime: false,
    });
    expect(status.replicationFactor).toBe(2);
    expect(status.dimensions).toEqual(['channel', 'cityName', 'page']);
  });

  it('reads DataSegmentPlus', () => {
    const plus = dataSegmentPlusSchema.parse({
      dataSegment: WIKI,
      createdDate: '2024-01-20T00:00:00.701Z',
      usedStatusLastUpdatedDate: null,
      used: false,
    });
    expect(plus.used).toBe(false);
    expect(plus.dataSegment.metrics).toEqual(['count', 'added']);
  });
});
