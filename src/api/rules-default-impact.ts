/**
 * The interval summaries a `_default` change needs: only for the datasources whose segments straddle a rule edge,
 * at most CONCURRENCY requests at a time, each answered from (and kept in) the shared query cache.
 */
import type { QueryClient } from '@tanstack/react-query';
import { intervalSummariesQueryOptions } from './interval-summaries.ts';
import { type RetentionIntervals, toRetentionIntervals } from './rules-segments.ts';

export const IMPACT_CONCURRENCY = 4;

export interface IntervalsProgress {
  done: number;
  total: number;
}

export async function fetchRetentionIntervalsOf(
  queryClient: QueryClient,
  names: readonly string[],
  options: { signal: AbortSignal; onProgress: (progress: IntervalsProgress) => void },
): Promise<Map<string, RetentionIntervals>> {
  const result = new Map<string, RetentionIntervals>();
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      options.signal.throwIfAborted();
      const name = names[next++] as string;
      const summaries = await queryClient.fetchQuery({ ...intervalSummariesQueryOptions(name), retry: 1 });
      result.set(name, toRetentionIntervals(summaries));
      options.onProgress({ done: result.size, total: names.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(IMPACT_CONCURRENCY, names.length) }, worker));
  return result;
}
