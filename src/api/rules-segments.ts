/**
 * The segments retention rules act on, as src/druid/effective-retention.ts reads them: one row per distinct interval
 * with its segment count and bytes, from the shared interval summaries (`intervals?simple`). One small request
 * whatever the datasource's size, where listing every used segment cost 50 MB at 80k segments.
 *
 * What that leaves out, and so what the preview cannot count: intervals?simple is the Coordinator's *served*
 * inventory. Used segments no historical has loaded yet (just published, waiting in the load queue, or kept in deep
 * storage only by a load rule with zero replicas) are missing, though RunRules will act on them. Overshadowed
 * segments are normally missing too (the Coordinator marks them unused and drops them); RunRules skips them anyway.
 * Segments still being ingested, served by realtime tasks, are in it, though rules apply only once they are published.
 */
import { queryOptions } from '@tanstack/react-query';
import { type IntervalSummaries, intervalSummariesQueryOptions } from './interval-summaries.ts';

export interface RetentionIntervals {
  /** Per distinct interval, oldest first. */
  start: Float64Array;
  end: Float64Array;
  /** Segments of each interval. */
  count: Float64Array;
  /** Bytes of each interval's segments. */
  size: Float64Array;
  segments: number;
  bytes: number;
  /** Earliest start and latest end, or null without served segments. */
  range: { start: number; end: number } | null;
}

export const NO_RETENTION_INTERVALS: RetentionIntervals = toRetentionIntervals({
  intervals: [],
  count: 0,
  size: 0,
  range: null,
});

/** Columns of the summaries, built once per response (TanStack Query memoises `select` per result). */
export function toRetentionIntervals(summaries: IntervalSummaries): RetentionIntervals {
  const rows = summaries.intervals.length;
  const columns = {
    start: new Float64Array(rows),
    end: new Float64Array(rows),
    count: new Float64Array(rows),
    size: new Float64Array(rows),
  };
  summaries.intervals.forEach((entry, i) => {
    columns.start[i] = entry.start;
    columns.end[i] = entry.end;
    columns.count[i] = entry.count;
    columns.size[i] = entry.size;
  });
  return { ...columns, segments: summaries.count, bytes: summaries.size, range: summaries.range };
}

/** The datasource's interval summaries (one query, shared with the segments timeline), as columns. */
export const retentionIntervalsQueryOptions = (dataSource: string) =>
  queryOptions({ ...intervalSummariesQueryOptions(dataSource), select: toRetentionIntervals });
