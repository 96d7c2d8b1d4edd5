import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { setAuthRequired } from './auth-required.ts';
import { isDruidApiError } from './druid-api-error.ts';

const MAX_QUERY_RETRIES = 3;

/** GETs retry transient failures with backoff; 4xx answers will not change by asking again. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  if (isDruidApiError(error)) return error.isTransient || error.status >= 500;
  return false;
}

function noticeUnauthorized(error: unknown): void {
  if (isDruidApiError(error) && error.isUnauthorized) setAuthRequired(true);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: noticeUnauthorized }),
    mutationCache: new MutationCache({ onError: noticeUnauthorized }),
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        retryDelay: (attempt) => Math.min(500 * 2 ** attempt, 8_000),
        staleTime: 5_000,
        refetchOnWindowFocus: true,
      },
      // Druid's mutations are not all idempotent (kill, rule saves with audit entries): never repeat one silently.
      mutations: { retry: false },
    },
  });
}
