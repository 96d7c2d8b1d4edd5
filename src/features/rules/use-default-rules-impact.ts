import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { allRulesQueryOptions } from '../../api/rules.ts';
import { fetchRetentionIntervalsOf, type IntervalsProgress } from '../../api/rules-default-impact.ts';
import type { RetentionIntervals } from '../../api/rules-segments.ts';
import { usedTotalsQueryOptions } from '../../api/used-totals.ts';
import type { Rule } from '../../druid/rule-schemas.ts';
import { computeDefaultRulesImpact, type DefaultRulesImpact, planDefaultRulesImpact } from './default-rules-impact.ts';
import { sameRules } from './rules-compare.ts';

export type DefaultRulesImpactState =
  | { status: 'idle' }
  | { status: 'loading'; progress: IntervalsProgress | null }
  | { status: 'error'; error: unknown; retry: () => void }
  /** `rules`: the edited rules the impact is of (they may lag behind the form by a render). */
  | { status: 'ready'; impact: DefaultRulesImpact; rules: readonly Rule[] };

interface Input {
  enabled: boolean;
  /** The saved `_default` rules. */
  before: readonly Rule[];
  /** The edited ones, or null while they are invalid. */
  after: readonly Rule[] | null;
  now: number;
}

/**
 * What the edited `_default` rules change for every served datasource: `datasources?simple` and all rules (two
 * requests), then interval summaries only where the totals cannot tell (see default-rules-impact.ts), with progress.
 * Idle while the rules are unedited or invalid.
 */
export function useDefaultRulesImpact({ enabled, before, after, now }: Input): DefaultRulesImpactState {
  const queryClient = useQueryClient();
  const deferredAfter = useDeferredValue(after);
  const edited = enabled && deferredAfter !== null && !sameRules(before, deferredAfter) ? deferredAfter : null;
  const totals = useQuery({ ...usedTotalsQueryOptions(), enabled: edited !== null });
  const rules = useQuery({ ...allRulesQueryOptions(), enabled: edited !== null });
  const [fetched, setFetched] = useState<{ key: string; map: Map<string, RetentionIntervals> } | null>(null);
  const [progress, setProgress] = useState<IntervalsProgress | null>(null);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const plan = useMemo(() => {
    if (!edited || !totals.data || !rules.data) return null;
    const all = rules.data;
    return planDefaultRulesImpact(totals.data, (name) => all[name], before, edited, now);
  }, [edited, totals.data, rules.data, before, now]);
  const planKey = plan ? plan.intervals.join('\n') : null;

  // biome-ignore lint/correctness/useExhaustiveDependencies: planKey stands for plan.intervals; attempt retries
  useEffect(() => {
    if (planKey === null || !plan) return;
    if (fetched?.key === planKey) return;
    const controller = new AbortController();
    setFetchError(null);
    setProgress({ done: 0, total: plan.intervals.length });
    fetchRetentionIntervalsOf(queryClient, plan.intervals, { signal: controller.signal, onProgress: setProgress })
      .then((map) => setFetched({ key: planKey, map }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setFetchError(error);
      });
    return () => controller.abort();
  }, [planKey, attempt, queryClient]);

  const intervals = fetched?.key === planKey ? fetched.map : null;
  const impact = useMemo(() => {
    if (!plan || !edited || !totals.data || !intervals) return null;
    return computeDefaultRulesImpact({
      plan,
      served: totals.data,
      intervalsOf: (name) => intervals.get(name) as RetentionIntervals,
      after: edited,
      now,
    });
  }, [plan, edited, totals.data, intervals, now]);

  if (!edited) return { status: 'idle' };
  const error = totals.error ?? rules.error ?? fetchError;
  if (error)
    return {
      status: 'error',
      error,
      retry: () => {
        if (totals.error) totals.refetch();
        if (rules.error) rules.refetch();
        setAttempt((n) => n + 1);
      },
    };
  if (impact) return { status: 'ready', impact, rules: edited };
  return { status: 'loading', progress: plan ? progress : null };
}
