import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';

const count = z.number().nonnegative();

/**
 * `GET /druid/coordinator/v1/loadqueue?simple`: per server, segments (and bytes) queued to load and to drop. The
 * default listing names every queued segment, which grows with the queue (a rule change over 2M segments: ~100 MB
 * of IDs), so the console reads only these counts.
 */
export const loadQueueSchema = z.record(
  z.string(),
  z.looseObject({
    segmentsToLoad: count,
    segmentsToDrop: count,
    segmentsToLoadSize: count.optional(),
    segmentsToDropSize: count.optional(),
    expectedLoadTimeMillis: z.number().optional(),
  }),
);
export type LoadQueues = z.infer<typeof loadQueueSchema>;

export function fetchLoadQueues(signal?: AbortSignal): Promise<LoadQueues> {
  return druidJson('/druid/coordinator/v1/loadqueue', loadQueueSchema, { signal, query: { simple: true } });
}

export const loadQueueQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.loadQueue(),
    queryFn: ({ signal }) => fetchLoadQueues(signal),
    staleTime: 5_000,
  });
