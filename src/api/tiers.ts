import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';

/** `GET /druid/coordinator/v1/tiers`: a JSON set of tier names (no order); sorted here. */
export const tiersSchema = z.array(z.string()).transform((tiers) => [...new Set(tiers)].sort());

export function fetchTiers(signal?: AbortSignal): Promise<string[]> {
  return druidJson('/druid/coordinator/v1/tiers', tiersSchema, { signal });
}

/** Tiers that have servers now; rule editors suggest them but must allow others (a tier may come online later). */
export const tiersQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.tiers(),
    queryFn: ({ signal }) => fetchTiers(signal),
    staleTime: 60_000,
  });
