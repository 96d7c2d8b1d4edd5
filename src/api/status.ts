import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';

/** GET /status, served by every Druid process including the Router. */
export const statusSchema = z.looseObject({
  version: z.string(),
  modules: z
    .array(
      z.looseObject({ name: z.string().optional(), artifact: z.string().optional(), version: z.string().nullish() }),
    )
    .optional(),
  memory: z
    .looseObject({
      maxMemory: z.number(),
      totalMemory: z.number(),
      freeMemory: z.number(),
      usedMemory: z.number(),
      directMemory: z.number().optional(),
    })
    .optional(),
});
export type DruidStatus = z.infer<typeof statusSchema>;

export const statusQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.status(),
    queryFn: ({ signal }) => druidJson('/status', statusSchema, { signal }),
    staleTime: 60_000,
  });

/** Present only on the local cluster; a real Router answers 404, which means "real cluster". */
export const localClusterInfoSchema = z.looseObject({
  mode: z.literal('local'),
  dataDir: z.string().optional(),
  coordinatorPeriodMs: z.number().optional(),
  taskDurationMs: z.number().optional(),
});

export const localClusterInfoQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.localCluster(),
    queryFn: async ({ signal }) => {
      try {
        return await druidJson('/local-cluster/info', localClusterInfoSchema, { signal });
      } catch {
        return null;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
