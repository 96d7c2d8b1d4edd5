/**
 * The audit entry a "restore" link points at (`/rules/:ds?restore=<auditTime>`), read back from Druid's rule history
 * with an interval of one millisecond around its time.
 */
import { queryOptions } from '@tanstack/react-query';
import { formatInstant, tryParseInstant } from '../druid/instant.ts';
import { type AuditEntry, type AuditRulesResult, fetchRuleHistory, parseAuditRules } from './history.ts';
import { druidKeys } from './query-keys.ts';

export interface RestoreEntry {
  entry: AuditEntry;
  rules: AuditRulesResult;
}

export async function fetchRestoreEntry(
  dataSource: string,
  auditTime: string,
  signal?: AbortSignal,
): Promise<RestoreEntry> {
  const time = tryParseInstant(auditTime);
  if (time === null) throw new Error(`"${auditTime}" is not a time; the restore link is broken.`);
  // Druid's history interval is inclusive at both ends (SQL BETWEEN), so [t, t + 1 ms] holds t.
  const interval = `${formatInstant(time)}/${formatInstant(time + 1)}`;
  const entries = await fetchRuleHistory({ dataSource, mode: 'interval', interval }, signal);
  const entry = entries.find((candidate) => candidate.time === time && candidate.key === dataSource);
  if (!entry) throw new Error(`Druid has no rule change of ${dataSource} recorded at ${formatInstant(time)}.`);
  return { entry, rules: parseAuditRules(entry.payload) };
}

export const restoreEntryQueryOptions = (dataSource: string, auditTime: string) =>
  queryOptions({
    queryKey: druidKeys.historyEntry(dataSource, auditTime),
    queryFn: ({ signal }) => fetchRestoreEntry(dataSource, auditTime, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
