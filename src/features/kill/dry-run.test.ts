import { describe, expect, it } from 'vitest';
import { type KillDryRunData, nearbyWindow } from '../../api/kill-dry-run.ts';
import { type DataSegment, dataSegmentSchema, segmentId } from '../../druid/segment.ts';
import { iv } from '../../druid/test-helpers.ts';
import { classifyDryRun, summarizeVersions } from './dry-run.ts';

const V1 = '2024-04-01T00:00:00.000Z';
const V2 = '2024-05-01T00:00:00.000Z';

function segment(interval: string, version = V1, partitionNum = 0, size = 100): DataSegment {
  return dataSegmentSchema.parse({
    dataSource: 'sales_events',
    interval,
    version,
    shardSpec: { type: 'numbered', partitionNum, partitions: 3 },
    size,
  });
}

const FEBRUARY = iv('2024-02-01/2024-03-01');
const NOW = Date.parse('2024-06-01T00:00:00Z');

function data(parts: Partial<KillDryRunData>, interval = FEBRUARY): KillDryRunData {
  return {
    interval,
    unusedInside: [],
    usedOverlapping: [],
    unusedNearby: [],
    nearbyWindow: nearbyWindow(interval),
    fetchedAt: NOW,
    ...parts,
  };
}

describe('classifyDryRun', () => {
  const feb10 = [0, 1, 2].map((p) => segment('2024-02-10T00:00:00.000Z/2024-02-11T00:00:00.000Z', V1, p, 1000));
  const feb11 = segment('2024-02-11T00:00:00.000Z/2024-02-12T00:00:00.000Z', V2, 0, 50);
  const crossingStart = segment('2024-01-31T00:00:00.000Z/2024-02-02T00:00:00.000Z');
  const crossingEnd = segment('2024-02-29T00:00:00.000Z/2024-03-02T00:00:00.000Z');
  const outside = segment('2024-04-01T00:00:00.000Z/2024-04-02T00:00:00.000Z');
  const usedFeb1 = segment('2024-02-01T00:00:00.000Z/2024-02-02T00:00:00.000Z');

  it('deletes exactly the unused segments fully inside, sorted, with count, size and versions', () => {
    const run = classifyDryRun(
      data({ unusedInside: [feb11, ...feb10].reverse(), unusedNearby: [...feb10, feb11] }),
      NOW,
    );
    expect(run.toDelete.map(segmentId)).toEqual([...feb10, feb11].map(segmentId));
    expect(run.deleteSize).toBe(3050);
    expect(run.versions).toEqual([
      { version: V1, count: 3, size: 3000 },
      { version: V2, count: 1, size: 50 },
    ]);
    expect(run.partlyInside).toEqual([]);
  });

  it('keeps unused segments only partly inside, and ignores those outside', () => {
    const run = classifyDryRun(
      data({ unusedInside: feb10, unusedNearby: [...feb10, crossingStart, crossingEnd, outside] }),
      NOW,
    );
    expect(run.partlyInside.map((s) => s.interval)).toEqual([crossingStart.interval, crossingEnd.interval]);
    expect(run.toDelete).toHaveLength(3);
  });

  it('counts used segments overlapping the interval as kept, overshadowed or not', () => {
    const run = classifyDryRun(data({ usedOverlapping: [usedFeb1, crossingEnd, outside] }), NOW);
    expect(run.usedKept.map((s) => s.interval)).toEqual([usedFeb1.interval, crossingEnd.interval]);
    expect(run.toDelete).toEqual([]);
  });

  it('never deletes what a server returned although it is not fully inside', () => {
    const run = classifyDryRun(data({ unusedInside: [crossingStart, ...feb10, feb10[0] as DataSegment] }), NOW);
    expect(run.toDelete.map(segmentId)).toEqual(feb10.map(segmentId));
  });

  it('warns when the interval reaches into the last 24 hours or the future', () => {
    expect(classifyDryRun(data({}), NOW)).toMatchObject({ reachesRecent: false, reachesFuture: false });
    const lastDay = classifyDryRun(data({}, iv('2024-05-01/2024-05-31T12:00:00Z')), NOW);
    expect(lastDay).toMatchObject({ reachesRecent: true, reachesFuture: false });
    const future = classifyDryRun(data({}, iv('2024-05-01/3000-01-01')), NOW);
    expect(future).toMatchObject({ reachesRecent: true, reachesFuture: true });
  });
});

describe('nearbyWindow', () => {
  it('widens by the interval length, at least a year, within eternity', () => {
    const window = nearbyWindow(FEBRUARY);
    expect(window.start).toBe(FEBRUARY.start - 366 * 86_400_000);
    expect(window.end).toBe(FEBRUARY.end + 366 * 86_400_000);
    const all = nearbyWindow(iv('1000-01-01/3000-01-01'));
    expect(all.end - all.start).toBeGreaterThan(3 * (FEBRUARY.end - FEBRUARY.start));
  });
});

describe('summarizeVersions', () => {
  it('is empty for nothing', () => {
    expect(summarizeVersions([])).toEqual([]);
  });
});
