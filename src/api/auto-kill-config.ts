/**
 * The auto-kill settings of a cluster: the Coordinator's and Overlord's static properties, the Coordinator's dynamic
 * config (read, partial POST with audit headers, history) and the task capacity the kill slots are cut from.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { auditHeaders } from './audit-author.ts';
import { druidJson, druidRequest } from './client.ts';
import { isDruidApiError } from './druid-api-error.ts';
import { type AuditEntry, auditEntriesSchema, toAuditEntries } from './history.ts';

/** Keys of this module, under the 'druid' prefix like every query key (query-keys.ts). */
export const autoKillKeys = {
  properties: () => ['druid', 'auto-kill', 'properties'] as const,
  dynamicConfig: () => ['druid', 'auto-kill', 'dynamic-config'] as const,
  configHistory: (count: number) => ['druid', 'auto-kill', 'config-history', count] as const,
  capacity: () => ['druid', 'auto-kill', 'capacity'] as const,
};

const propertiesSchema = z.record(z.string(), z.unknown());

export type PropertiesSource = 'coordinator' | 'status';

export interface KillProperties {
  /** String values only (Druid's are all strings). */
  properties: Record<string, string>;
  /** Where they came from: the Router's management proxy to the Coordinator, or the server's own /status. */
  source: PropertiesSource;
}

function asStrings(raw: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) if (typeof value === 'string') result[key] = value;
  return result;
}

/** Thrown when the only properties reachable are a Router's, which say nothing about kill. */
export class NotCoordinatorPropertiesError extends Error {}

/**
 * The Coordinator's properties through the Router's management proxy; on 404 (proxy off, or a Coordinator served
 * directly) the server's own /status/properties, unless they are a Router's. The Overlord's embedded-kill
 * properties come from the Overlord when it answers.
 */
export async function fetchKillProperties(signal?: AbortSignal): Promise<KillProperties> {
  let properties: Record<string, string>;
  let source: PropertiesSource = 'coordinator';
  try {
    properties = asStrings(await druidJson('/proxy/coordinator/status/properties', propertiesSchema, { signal }));
  } catch (error) {
    if (!isDruidApiError(error) || error.status !== 404) throw error;
    properties = asStrings(await druidJson('/status/properties', propertiesSchema, { signal }));
    source = 'status';
    if (/router/i.test(properties['druid.service'] ?? '')) {
      throw new NotCoordinatorPropertiesError(
        'Only the Router’s own properties are reachable; enable druid.router.managementProxy.enabled to read the Coordinator’s.',
      );
    }
  }
  if (source === 'coordinator') {
    try {
      const overlord = asStrings(await druidJson('/proxy/overlord/status/properties', propertiesSchema, { signal }));
      for (const [key, value] of Object.entries(overlord))
        if (key.startsWith('druid.manager.segments.')) properties[key] = value;
    } catch (error) {
      if (!isDruidApiError(error) || error.kind === 'aborted') throw error;
      // No Overlord properties: its embedded kill shows as its default.
    }
  }
  return { properties, source };
}

export const killPropertiesQueryOptions = () =>
  queryOptions({
    queryKey: autoKillKeys.properties(),
    queryFn: ({ signal }) => fetchKillProperties(signal),
    staleTime: 5 * 60_000,
  });

/** Druid accepts the whitelist as an array or a comma-separated string; older releases may send null. */
const nameSetSchema = z.union([z.array(z.unknown()), z.string(), z.null()]).optional();

export const dynamicConfigSchema = z.looseObject({
  killDataSourceWhitelist: nameSetSchema,
  killTaskSlotRatio: z.number().nullish(),
  maxKillTaskSlots: z.number().nullish(),
  killPendingSegmentsSkipList: nameSetSchema,
  millisToWaitBeforeDeleting: z.number().nullish(),
});
export type DynamicConfig = z.infer<typeof dynamicConfigSchema>;

/** The names of a whitelist in any of Druid's forms. */
export function nameList(value: unknown): string[] {
  if (typeof value === 'string')
    return [
      ...new Set(
        value
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean),
      ),
    ];
  if (Array.isArray(value)) return [...new Set(value.filter((name): name is string => typeof name === 'string'))];
  return [];
}

const CONFIG_PATH = '/druid/coordinator/v1/config';

export const dynamicConfigQueryOptions = () =>
  queryOptions({
    queryKey: autoKillKeys.dynamicConfig(),
    queryFn: ({ signal }) => druidJson(CONFIG_PATH, dynamicConfigSchema, { signal }),
  });

/** A partial POST: Druid merges the given fields into the current config and records one audit entry. */
export async function saveDynamicConfig(changes: Record<string, unknown>, author: string, comment: string) {
  await druidRequest(CONFIG_PATH, { method: 'POST', body: changes, headers: auditHeaders(author, comment) });
}

export interface ConfigAuditEntry extends AuditEntry {
  /** The payload string parsed (Druid serializes it as a JSON string), or null when it is not JSON. */
  config: Record<string, unknown> | null;
}

export function parseConfigPayload(payload: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(payload);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export async function fetchConfigHistory(count: number, signal?: AbortSignal): Promise<ConfigAuditEntry[]> {
  const raw = await druidJson(`${CONFIG_PATH}/history`, auditEntriesSchema, { query: { count }, signal });
  return toAuditEntries(raw).map((entry) => ({ ...entry, config: parseConfigPayload(entry.payload) }));
}

export const configHistoryQueryOptions = (count: number) =>
  queryOptions({
    queryKey: autoKillKeys.configHistory(count),
    queryFn: ({ signal }) => fetchConfigHistory(count, signal),
  });

const capacitySchema = z.looseObject({
  currentClusterCapacity: z.number().nullish(),
  maximumCapacityWithAutoScale: z.number().nullish(),
});

/** Task slots auto-kill's ratio applies to: the autoscaling maximum when Druid gives one (Druid 30+). */
export const taskCapacityQueryOptions = () =>
  queryOptions({
    queryKey: autoKillKeys.capacity(),
    queryFn: async ({ signal }) => {
      const capacity = await druidJson('/druid/indexer/v1/totalWorkerCapacity', capacitySchema, { signal });
      const slots = capacity.maximumCapacityWithAutoScale ?? capacity.currentClusterCapacity;
      return typeof slots === 'number' && slots >= 0 ? slots : null;
    },
    staleTime: 60_000,
  });

/** The kill task slots: min(⌊capacity × killTaskSlotRatio⌋, maxKillTaskSlots); null when unknown. */
export function killTaskSlots(capacity: number | null, config: DynamicConfig | undefined): number | null {
  // A release without killTaskSlotRatio has other slot rules: unknown rather than guessed.
  if (capacity === null || typeof config?.killTaskSlotRatio !== 'number') return null;
  const ratio = Math.min(config.killTaskSlotRatio, 1);
  return Math.min(Math.floor(capacity * ratio), config.maxKillTaskSlots ?? 2_147_483_647);
}
