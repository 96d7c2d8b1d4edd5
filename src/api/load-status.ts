import { z } from 'zod';
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
