import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { intervalSummariesQueryOptions } from '../../api/interval-summaries.ts';
import { type ChangingSegment, countMarkUnused, countMarkUsed } from '../../api/predicate-count.ts';
import { druidKeys } from '../../api/query-keys.ts';
import { ETERNITY, type Interval } from '../../druid/interval.ts';
import { type IntervalPreview, previewIntervalMark } from './interval-preview.ts';
import { EffectTally, predicateLeavesNoUsedSegment } from './mark-effect.ts';
import { useSegmentRecords } from './use-segment-records.ts';
import { FULL_LOAD_MAX_SERVED, groupByStart, splitByCount } from './window-sizing.ts';

/**
 * What marking the segments fully inside `interval` (null: none chosen yet) will change. Small datasources are
 * loaded whole and previewed in full (partly inside, already so); big ones are counted by Druid with the mark's own
 * predicate, in parts, never downloaded.
 */
export function useMarkPreview(dataSource: string, interval: Interval | null, toUsed: boolean) {
  const summaries = useQuery({ ...intervalSummariesQueryOptions(dataSource), refetchOnWindowFocus: false });
  const servedBig = summaries.data ? summaries.data.count > FULL_LOAD_MAX_SERVED : null;
  const data = useSegmentRecords(dataSource, servedBig === false);
  // Few served segments can still hide too many unused ones: then it is counted by Druid as well.
  const big = servedBig === null ? null : servedBig || data.overCap;
  const groups = useMemo(() => groupByStart(summaries.data?.intervals ?? []), [summaries.data]);
  const target = interval ?? ETERNITY;
  const counted = useQuery({
    queryKey: [...druidKeys.segments(dataSource), 'mark-count', toUsed, target.start, target.end] as const,
    queryFn: async ({ signal }) => {
      const tally = new EffectTally(toUsed ? 'markUsed' : 'markUnused', dataSource);
      const options = { signal, onSegment: (segment: ChangingSegment) => tally.add(segment) };
      const count = toUsed
        ? await countMarkUsed(dataSource, target, null, options)
        : await countMarkUnused(dataSource, target, null, splitByCount(groups, target), options);
      return { ...count, effect: tally.result(), ids: tally.ids() };
    },
    enabled: big === true && interval !== null,
    staleTime: 10_000,
  });
  const loaded = data.usedStatus === 'success' && data.unusedDone;
  const preview = useMemo<IntervalPreview | null>(() => {
    if (interval === null) return null;
    if (big === true) {
      if (!counted.data) return null;
      const served = summaries.data?.intervals ?? [];
      const action = toUsed ? 'markUsed' : 'markUnused';
      const leavesNoUsed = predicateLeavesNoUsedSegment(action, interval, null, counted.data.willChange, served);
      return { ...counted.data, alreadyInState: 0, partlyInside: 0, leavesNoUsed };
    }
    return big === false && loaded ? previewIntervalMark(dataSource, data.records, interval, toUsed) : null;
  }, [big, counted.data, loaded, data.records, interval, toUsed, dataSource, summaries.data]);
  const error = summaries.error ?? (big ? counted.error : (data.usedError ?? data.unusedError)) ?? null;
  return { preview, error, big, records: data.records, range: summaries.data?.range ?? null };
}
