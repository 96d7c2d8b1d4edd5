/**
 * The dry run of a kill, classified: what the kill task will delete (unused, fully inside), and what it will not
 * although it is in the interval (used segments; unused segments only partly inside), plus timing warnings.
 */
import type { KillDryRunData } from '../../api/kill-dry-run.ts';
import { compareIntervals, contains, type Interval, overlaps } from '../../druid/interval.ts';
import { type DataSegment, segmentId, segmentInterval } from '../../druid/segment.ts';

const DAY_MS = 86_400_000;

export interface VersionSummary {
  version: string;
  count: number;
  size: number;
}

export interface KillDryRun {
  interval: Interval;
  fetchedAt: number;
  /** Unused and fully inside: deleted from the metadata store and deep storage. */
  toDelete: DataSegment[];
  deleteSize: number;
  versions: VersionSummary[];
  /** Used segments overlapping the interval: a kill never deletes used segments. */
  usedKept: DataSegment[];
  /** Unused segments that overlap the interval without lying fully inside it: kept. */
  partlyInside: DataSegment[];
  /** Where partly-inside segments were looked for. */
  nearbyWindow: Interval;
  /** The interval ends less than 24 hours ago: streaming ingestion may hold locks the kill task waits on. */
  reachesRecent: boolean;
  /** The interval ends in the future. */
  reachesFuture: boolean;
}

function intervalOf(segment: DataSegment): Interval | null {
  try {
    return segmentInterval(segment);
  } catch {
    return null;
  }
}

/** Chronological, then by version and partition, as an operator reads a timeline. */
export function compareSegments(a: DataSegment, b: DataSegment): number {
  const ia = intervalOf(a);
  const ib = intervalOf(b);
  const byInterval = ia && ib ? compareIntervals(ia, ib) : 0;
  if (byInterval !== 0) return byInterval;
  if (a.version !== b.version) return a.version < b.version ? -1 : 1;
  return (a.shardSpec.partitionNum ?? 0) - (b.shardSpec.partitionNum ?? 0);
}

function unique(segments: readonly DataSegment[]): DataSegment[] {
  const byId = new Map<string, DataSegment>();
  for (const segment of segments) byId.set(segmentId(segment), segment);
  return [...byId.values()];
}

export function summarizeVersions(segments: readonly DataSegment[]): VersionSummary[] {
  const byVersion = new Map<string, VersionSummary>();
  for (const segment of segments) {
    const summary = byVersion.get(segment.version) ?? { version: segment.version, count: 0, size: 0 };
    summary.count++;
    summary.size += segment.size;
    byVersion.set(segment.version, summary);
  }
  return [...byVersion.values()].sort((a, b) => (a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

export function classifyDryRun(data: KillDryRunData, now: number): KillDryRun {
  const { interval } = data;
  const inside = (segment: DataSegment) => {
    const own = intervalOf(segment);
    return own !== null && contains(interval, own);
  };
  // Druid already filtered by containment; checking again guards against a server that ignored the filter.
  const toDelete = unique(data.unusedInside).filter(inside).sort(compareSegments);
  const deleteIds = new Set(toDelete.map(segmentId));
  const partlyInside = unique(data.unusedNearby)
    .filter((segment) => {
      const own = intervalOf(segment);
      return own !== null && overlaps(interval, own) && !contains(interval, own) && !deleteIds.has(segmentId(segment));
    })
    .sort(compareSegments);
  const usedKept = unique(data.usedOverlapping)
    .filter((segment) => {
      const own = intervalOf(segment);
      return own !== null && overlaps(interval, own);
    })
    .sort(compareSegments);
  return {
    interval,
    fetchedAt: data.fetchedAt,
    toDelete,
    deleteSize: toDelete.reduce((sum, segment) => sum + segment.size, 0),
    versions: summarizeVersions(toDelete),
    usedKept,
    partlyInside,
    nearbyWindow: data.nearbyWindow,
    reachesRecent: interval.end > now - DAY_MS,
    reachesFuture: interval.end > now,
  };
}
