import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { countMarkUnused, countMarkUsed, type PredicateCount } from '../../api/predicate-count.ts';
import { invalidateSegmentQueries, markSegmentsByPredicate } from '../../api/segment-updates.ts';
import { formatInterval, type Interval } from '../../druid/interval.ts';
import type { SegmentPredicate } from './bulk-predicate.ts';

export type PredicateState =
  | { phase: 'idle' }
  | { phase: 'counting'; predicate: SegmentPredicate; looked: number }
  | { phase: 'count-failed'; predicate: SegmentPredicate; error: unknown }
  | { phase: 'confirm'; predicate: SegmentPredicate; count: PredicateCount }
  | { phase: 'running'; predicate: SegmentPredicate; count: PredicateCount }
  | { phase: 'done'; predicate: SegmentPredicate; count: PredicateCount; changed: number | null; error: unknown };

/**
 * "All matching" marked as one Druid predicate: count exactly what it changes (cancellable), confirm, send one
 * request, report what Druid says changed. `parts` splits an interval for counting (see splitByCount).
 */
export function usePredicateAction(dataSource: string, partsOf: (interval: Interval) => Interval[]) {
  const client = useQueryClient();
  const [state, setState] = useState<PredicateState>({ phase: 'idle' });
  const counting = useRef<AbortController | null>(null);

  const prepare = useCallback(
    (predicate: SegmentPredicate) => {
      counting.current?.abort();
      const controller = new AbortController();
      counting.current = controller;
      setState({ phase: 'counting', predicate, looked: 0 });
      const options = {
        signal: controller.signal,
        onProgress: (looked: number) =>
          setState((current) => (current.phase === 'counting' ? { ...current, looked } : current)),
      };
      const { interval, versions } = predicate;
      const count =
        predicate.action === 'markUnused'
          ? countMarkUnused(dataSource, interval, versions, partsOf(interval), options)
          : countMarkUsed(dataSource, interval, versions, options);
      count.then(
        (result) => {
          if (!controller.signal.aborted) setState({ phase: 'confirm', predicate, count: result });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setState({ phase: 'count-failed', predicate, error });
        },
      );
    },
    [dataSource, partsOf],
  );

  const run = useCallback(async () => {
    if (state.phase !== 'confirm') return;
    const { predicate, count } = state;
    setState({ phase: 'running', predicate, count });
    const body = { interval: formatInterval(predicate.interval), versions: predicate.versions };
    try {
      const result = await markSegmentsByPredicate(dataSource, body, predicate.action === 'markUsed');
      setState({ phase: 'done', predicate, count, changed: result.changed, error: null });
    } catch (error) {
      setState({ phase: 'done', predicate, count, changed: 0, error });
    }
    await invalidateSegmentQueries(client, dataSource);
  }, [state, dataSource, client]);

  const close = useCallback(() => {
    counting.current?.abort();
    setState((current) => (current.phase === 'running' ? current : { phase: 'idle' }));
  }, []);

  return { state, prepare, run, close };
}
