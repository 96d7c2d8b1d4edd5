import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { type DruidServer, isHistorical, serversQueryOptions } from './servers.ts';

/** `GET /druid/coordinator/v1/tiers`: a JSON set of tier names (no order); sorted here. */
export const tiersSchema = z.array(z.string()).transform((tiers) => [...new Set(tiers)].sort());

export function fetchTiers(signal?: AbortSignal): Promise<string[]> {
  return druidJson('/druid/coordinator/v1/tiers', tiersSchema, { signal });
}

/** Tiers of the historicals, sorted. */
export const tierNamesOf = (servers: readonly DruidServer[]): string[] =>
  [...new Set(servers.filter(isHistorical).map((server) => server.tier ?? ''))].sort();

/**
 * Tiers that have historicals now, from `servers?simple` (as Druid's console reads them without SQL) and sharing the
 * cluster page's cache, so the rules editor suggests and lints against the tiers that page shows. Rule editors must
 * still allow others (a tier may come online later).
 */
export const tiersQueryOptions = () => queryOptions({ ...serversQueryOptions(), select: tierNamesOf });
