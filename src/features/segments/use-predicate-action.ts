import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { intervalSummariesQueryOptions } from '../../api/interval-summaries.ts';
import { countMarkUnused, countMarkUsed, type PredicateCount } from '../../api/predicate-count.ts';
import { invalidateSegmentQueries, markSegmentsByPredicate } from '../../api/segment-updates.ts';
import { formatInterval, type Interval } from '../../druid/interval.ts';
import type { SegmentPredicate } from './bulk-predicate.ts';
import { EffectTally, type MarkEffect, predicateLeavesNoUsedSegment } from './mark-effect.ts';
import { useUndoMark } from './use-undo-mark.ts';

/** The exact count, what it changes, the IDs for Undo (null: too many) and whether the name must be typed. */
export interface PredicateCounted {
  count: PredicateCount;
  effect: MarkEffect;
  ids: string[] | null;
  whole: boolean;
}

export type PredicateState =
  | { phase: 'idle' }
  | { phase: 'counting'; predicate: SegmentPredicate; looked: number }
  | { phase: 'count-failed'; predicate: SegmentPredicate; error: unknown }
  | ({ phase: 'confirm'; predicate: SegmentPredicate } & PredicateCounted)
  | ({ phase: 'running'; predicate: SegmentPredicate } & PredicateCounted)
  | ({ phase: 'done'; predicate: SegmentPredicate; changed: number | null; error: unknown } & PredicateCounted);

/**
 * "All matching" marked as one Druid predicate: count exactly what it changes (cancellable), confirm, send one
 * request, report what Druid says changed, and offer Undo of the counted IDs. `partsOf` splits an interval for
 * counting (see splitByCount).
 */
export function usePredicateAction(dataSource: string, partsOf: (interval: Interval) => Interval[]) {
  const client = useQueryClient();
  const [state, setState] = useState<PredicateState>({ phase: 'idle' });
  const counting = useRef<AbortController | null>(null);
  const offerUndo = useUndoMark(dataSource);
  const summaries = useQuery({ ...intervalSummariesQueryOptions(dataSource), refetchOnWindowFocus: false });
  const served = summaries.data?.intervals;

  const prepare = useCallback(
    (predicate: SegmentPredicate) => {
      counting.current?.abort();
      const controller = new AbortController();
      counting.current = controller;
      setState({ phase: 'counting', predicate, looked: 0 });
      const tally = new EffectTally(predicate.action, dataSource);
      const options = {
        signal: controller.signal,
        onProgress: (looked: number) =>
          setState((current) => (current.phase === 'counting' ? { ...current, looked } : current)),
        onSegment: tally.add.bind(tally),
      };
      const { interval, versions } = predicate;
      const count =
        predicate.action === 'markUnused'
          ? countMarkUnused(dataSource, interval, versions, partsOf(interval), options)
          : countMarkUsed(dataSource, interval, versions, options);
      count.then(
        (result) => {
          if (controller.signal.aborted) return;
          const whole = predicateLeavesNoUsedSegment(
            predicate.action,
            interval,
            versions,
            result.willChange,
            served ?? [],
          );
          setState({ phase: 'confirm', predicate, count: result, effect: tally.result(), ids: tally.ids(), whole });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ phase: 'count-failed', predicate, error });
        },
      );
    },
    [dataSource, partsOf, served],
  );

  const run = useCallback(async () => {
    if (state.phase !== 'confirm') return;
    const { phase: _, ...counted } = state;
    setState({ ...counted, phase: 'running' });
    const { predicate } = counted;
    const body = { interval: formatInterval(predicate.interval), versions: predicate.versions };
    try {
      const result = await markSegmentsByPredicate(dataSource, body, predicate.action === 'markUsed');
      setState({ ...counted, phase: 'done', changed: result.changed, error: null });
      if (counted.ids !== null) offerUndo(counted.effect, counted.ids, result.changed);
    } catch (error) {
      setState({ ...counted, phase: 'done', changed: 0, error });
    }
    await invalidateSegmentQueries(client, dataSource);
  }, [state, dataSource, client, offerUndo]);

  const close = useCallback(() => {
    counting.current?.abort();
    setState((current) => (current.phase === 'running' ? current : { phase: 'idle' }));
  }, []);

  return { state, prepare, run, close };
}
