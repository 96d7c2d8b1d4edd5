import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchRetentionIntervalsOf, type IntervalsProgress } from '../../api/rules-default-impact.ts';
import type { RetentionIntervals } from '../../api/rules-segments.ts';
import { tiersQueryOptions } from '../../api/tiers.ts';
import { usedTotalsQueryOptions } from '../../api/used-totals.ts';
import { type FleetTarget, planFleetImpact } from '../../druid/fleet-impact.ts';
import type { Rule } from '../../druid/rules.ts';
import { type FleetReview, reviewFleet } from './fleet-plan.ts';

export type FleetReviewState =
  | { status: 'loading'; progress: IntervalsProgress | null; cancel: () => void }
  | { status: 'cancelled'; retry: () => void }
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'ready'; review: FleetReview };

/**
 * The impact of a fleet change: `datasources?simple` (one request), then interval summaries only for datasources a
 * rule edge cuts, a few at a time with progress and Cancel (src/api/rules-default-impact.ts).
 */
export function useFleetReview(targets: readonly FleetTarget[], defaults: readonly Rule[], now: number) {
  const queryClient = useQueryClient();
  const totals = useQuery(usedTotalsQueryOptions());
  const tiers = useQuery(tiersQueryOptions());
  const [fetched, setFetched] = useState<{ plan: object; map: Map<string, RetentionIntervals> } | null>(null);
  const [progress, setProgress] = useState<IntervalsProgress | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const current = useRef<AbortController | null>(null);

  const plan = useMemo(
    () => (totals.data ? planFleetImpact(targets, totals.data, defaults, now) : null),
    [targets, totals.data, defaults, now],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt retries
  useEffect(() => {
    if (!plan) return;
    const abort = new AbortController();
    current.current = abort;
    setFailure(null);
    setCancelled(false);
    setProgress({ done: 0, total: plan.intervals.length });
    // Only the latest run reports: an aborted one (new plan, unmount) stays silent.
    const latest = () => current.current === abort;
    fetchRetentionIntervalsOf(queryClient, plan.intervals, {
      signal: abort.signal,
      onProgress: (next) => latest() && setProgress(next),
    })
      .then((map) => latest() && setFetched({ plan, map }))
      .catch((error: unknown) => {
        if (!latest()) return;
        if (abort.signal.aborted) setCancelled(true);
        else setFailure(error);
      });
    return () => {
      current.current = null;
      abort.abort();
    };
  }, [plan, attempt, queryClient]);

  const review = useMemo(() => {
    if (!plan || fetched?.plan !== plan || !totals.data) return null;
    const { map } = fetched;
    return reviewFleet(targets, plan, totals.data, (name) => map.get(name), defaults, now, tiers.data);
  }, [plan, fetched, totals.data, targets, defaults, now, tiers.data]);

  const retry = () => {
    if (totals.error) totals.refetch();
    setAttempt((n) => n + 1);
  };
  const error = totals.error ?? failure;
  if (error) return { status: 'error', error, retry } satisfies FleetReviewState;
  if (cancelled) return { status: 'cancelled', retry } satisfies FleetReviewState;
  if (review) return { status: 'ready', review } satisfies FleetReviewState;
  return {
    status: 'loading',
    progress: plan ? progress : null,
    cancel: () => current.current?.abort(),
  } satisfies FleetReviewState;
}
