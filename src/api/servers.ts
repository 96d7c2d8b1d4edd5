import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';

/** `GET /druid/coordinator/v1/servers?simple`: every data server with its tier and capacity (bytes). */
export const serversSchema = z.array(
  z.looseObject({
    host: z.string(),
    tier: z.string().nullish(),
    type: z.string(),
    priority: z.number().optional(),
    currSize: z.number(),
    maxSize: z.number(),
  }),
);
export type DruidServer = z.infer<typeof serversSchema>[number];

export function fetchServers(signal?: AbortSignal): Promise<DruidServer[]> {
  return druidJson('/druid/coordinator/v1/servers', serversSchema, { signal, query: { simple: true } });
}

/** Servers that hold segments for rules: historicals (brokers and tasks also appear in `servers?simple`). */
export const isHistorical = (server: DruidServer) => server.type === 'historical' && Boolean(server.tier);

export const serversQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.servers(),
    queryFn: ({ signal }) => fetchServers(signal),
    staleTime: 10_000,
  });

/** `GET /druid/coordinator/v1/tiers/{tier}?simple`: per datasource and interval, the segments served in a tier. */
const tierIntervalsSchema = z.record(z.string(), z.record(z.string(), z.looseObject({ count: z.number() })));

/** Segments served in a tier (a replica counted once per server that holds it), summed from its intervals. */
export async function fetchTierSegmentCount(tier: string, signal?: AbortSignal): Promise<number> {
  const path = `/druid/coordinator/v1/tiers/${encodeURIComponent(tier)}`;
  const perDataSource = await druidJson(path, tierIntervalsSchema, { signal, query: { simple: true } });
  let count = 0;
  for (const intervals of Object.values(perDataSource))
    for (const entry of Object.values(intervals)) count += entry.count;
  return count;
}

export const tierSegmentCountQueryOptions = (tier: string) =>
  queryOptions({
    queryKey: druidKeys.tierSegmentCount(tier),
    queryFn: ({ signal }) => fetchTierSegmentCount(tier, signal),
    staleTime: 10_000,
  });
