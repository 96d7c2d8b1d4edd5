import { z } from 'zod';
import { DEFAULT_RULES_KEY } from '../druid/rules.ts';
import { druidJson, druidRequest } from './client.ts';
import { isDruidApiError } from './druid-api-error.ts';

/** Wide enough for any segment a console shows; loadstatus's own default is only the last 14 days. */
const ALL_TIME = '1000-01-01T00:00:00.000Z/3000-01-01T00:00:00.000Z';

export interface DataSourceLoadStatus {
  /** Used segments on no historical. */
  unavailable: number;
  /** Per tier the rules load on, replicas still missing. */
  missingReplicas: Record<string, number>;
}

const simpleSchema = z.record(z.string(), z.number()).nullable();
const fullSchema = z.record(z.string(), z.record(z.string(), z.number())).nullable();

const path = (dataSource: string) => `/druid/coordinator/v1/datasources/${encodeURIComponent(dataSource)}/loadstatus`;

/**
 * `loadstatus?simple` and `?full` of one datasource over all time. A 204 (no used segment: everything dropped) is
 * nothing missing; so is full's 500 "replicant lookup is not initialized" when no rule loads anything: asked after
 * `simple` answered, it means no tier needs replicas, not a failure.
 */
export async function fetchLoadStatus(dataSource: string, signal?: AbortSignal): Promise<DataSourceLoadStatus> {
  if (dataSource === DEFAULT_RULES_KEY) return fetchClusterLoadStatus(signal);
  const query = { forceMetadataRefresh: 'false', interval: ALL_TIME };
  const simple = await druidJson(path(dataSource), simpleSchema, { signal, query: { ...query, simple: true } });
  const unavailable = simple?.[dataSource] ?? 0;
  if (simple === null) return { unavailable, missingReplicas: {} };
  const full = await druidRequest(path(dataSource), { signal, query: { ...query, full: true } }).catch((error) => {
    if (isDruidApiError(error) && error.status === 500) return { data: null };
    throw error;
  });
  const parsed = fullSchema.safeParse(full.data);
  const missingReplicas: Record<string, number> = {};
  for (const [tier, perDataSource] of Object.entries(parsed.success ? (parsed.data ?? {}) : {})) {
    missingReplicas[tier] = perDataSource[dataSource] ?? 0;
  }
  return { unavailable, missingReplicas };
}

const CLUSTER_PATH = '/druid/coordinator/v1/loadstatus';

/**
 * New default rules move segments of every datasource that reaches them: the cluster's `loadstatus?simple` and
 * `?full` (every datasource, all time), summed.
 */
async function fetchClusterLoadStatus(signal?: AbortSignal): Promise<DataSourceLoadStatus> {
  const [simple, full] = await Promise.all([
    druidJson(CLUSTER_PATH, z.record(z.string(), z.number()), { signal, query: { simple: true } }),
    druidJson(CLUSTER_PATH, z.record(z.string(), z.record(z.string(), z.number())), { signal, query: { full: true } }),
  ]);
  const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, n) => sum + n, 0);
  const missingReplicas: Record<string, number> = {};
  for (const [tier, perDataSource] of Object.entries(full)) missingReplicas[tier] = total(perDataSource);
  return { unavailable: total(simple), missingReplicas };
}
