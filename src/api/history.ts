import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { tryParseInstant } from '../druid/instant.ts';
import { parseRules, type Rule } from '../druid/rules.ts';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';

/**
 * One entry of Druid's audit log for rules (`AuditEntry.java`). Everything but key and time may be missing or null
 * depending on the Druid version (`identity` arrived around 29) and on audit config (payload truncation).
 */
export const auditEntrySchema = z.looseObject({
  key: z.string(),
  type: z.string().nullish(),
  auditInfo: z
    .looseObject({
      author: z.string().nullish(),
      identity: z.string().nullish(),
      comment: z.string().nullish(),
      ip: z.string().nullish(),
    })
    .nullish(),
  payload: z.unknown(),
  auditTime: z.string(),
});

export const auditEntriesSchema = z.array(auditEntrySchema);

export interface AuditEntry {
  /** `key@auditTime`, unique within one list (a `#n` suffix separates entries saved in the same millisecond). */
  id: string;
  /** The datasource, or `_default` for the cluster defaults. */
  key: string;
  author: string;
  identity: string | null;
  comment: string;
  ip: string | null;
  /** The rules as Druid stored them: a JSON string. */
  payload: string;
  auditTime: string;
  /** auditTime in epoch ms; NaN when Druid sent a time we cannot read. */
  time: number;
}

/**
 * All datasources, or one; by time range (Druid: oldest first) or by the last N changes (Druid: newest first).
 * A null interval asks for Druid's default window (the last 7 days unless the cluster configures otherwise).
 */
export type HistoryScope =
  | { dataSource: string | null; mode: 'interval'; interval: string | null }
  | { dataSource: string | null; mode: 'count'; count: number };

export function entryId(key: string, auditTime: string): string {
  return `${key}@${auditTime}`;
}

/** Splits `key@auditTime` (the `@` searched from the end, since only keys may contain one). */
export function parseEntryId(id: string): { key: string; auditTime: string } | null {
  const at = id.lastIndexOf('@');
  if (at <= 0 || at === id.length - 1) return null;
  return { key: id.slice(0, at), auditTime: id.slice(at + 1).replace(/#\d+$/, '') };
}

function payloadText(payload: unknown): string {
  if (typeof payload === 'string') return payload;
  if (payload === null || payload === undefined) return '';
  return JSON.stringify(payload);
}

/** Normalizes Druid's entries and orders them newest first, whichever order Druid used. */
export function toAuditEntries(raw: z.infer<typeof auditEntriesSchema>): AuditEntry[] {
  const entries = raw.map((item, index) => ({
    index,
    key: item.key,
    author: item.auditInfo?.author ?? '',
    identity: item.auditInfo?.identity ?? null,
    comment: item.auditInfo?.comment ?? '',
    ip: item.auditInfo?.ip ?? null,
    payload: payloadText(item.payload),
    auditTime: item.auditTime,
    time: tryParseInstant(item.auditTime) ?? Number.NaN,
  }));
  // Newest first; equal times keep Druid's relative order reversed (Druid writes them in insertion order).
  entries.sort((a, b) => byTimeDescending(a.time, b.time) || b.index - a.index);
  const seen = new Map<string, number>();
  return entries.map(({ index: _index, ...entry }) => {
    const base = entryId(entry.key, entry.auditTime);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...entry, id: n === 0 ? base : `${base}#${n}` };
  });
}

function byTimeDescending(a: number, b: number): number {
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  return b - a;
}

export function historyPath(dataSource: string | null): string {
  return dataSource === null
    ? '/druid/coordinator/v1/rules/history'
    : `/druid/coordinator/v1/rules/${encodeURIComponent(dataSource)}/history`;
}

export async function fetchRuleHistory(scope: HistoryScope, signal?: AbortSignal): Promise<AuditEntry[]> {
  // Druid ignores `count` when `interval` is present, so send exactly one of them.
  const query = scope.mode === 'interval' ? { interval: scope.interval } : { count: scope.count };
  const raw = await druidJson(historyPath(scope.dataSource), auditEntriesSchema, { query, signal });
  return toAuditEntries(raw);
}

export const ruleHistoryQueryOptions = (scope: HistoryScope) =>
  queryOptions({
    queryKey: druidKeys.historyOf(scope),
    queryFn: ({ signal }) => fetchRuleHistory(scope, signal),
    staleTime: 15_000,
  });

/**
 * Whether the cluster has recorded any rule change at all; false suggests an audit log that is switched off
 * (`druid.audit.manager.type=log` keeps no history to read back).
 */
export const anyRuleHistoryQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.historyAny(),
    queryFn: async ({ signal }) =>
      (await fetchRuleHistory({ dataSource: null, mode: 'count', count: 1 }, signal)).length > 0,
    staleTime: 60_000,
  });

export type AuditRulesResult = { ok: true; rules: Rule[]; json: unknown } | { ok: false; error: string };

/** The rules an entry recorded, read the way the rules API reads them. */
export function parseAuditRules(payload: string): AuditRulesResult {
  if (payload.trim() === '')
    return { ok: false, error: 'This entry has no payload (the cluster may omit or truncate audit payloads).' };
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { ok: false, error: 'The payload is not valid JSON (it may have been truncated by the audit log).' };
  }
  const parsed = parseRules(json);
  return parsed.ok ? { ok: true, rules: parsed.rules, json } : { ok: false, error: parsed.error };
}
