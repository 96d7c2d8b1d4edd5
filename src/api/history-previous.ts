import { queryOptions } from '@tanstack/react-query';
import { formatInstant, tryParseInstant } from '../druid/instant.ts';
import { type AuditEntry, fetchRuleHistory, parseEntryId } from './history.ts';
import { druidKeys } from './query-keys.ts';

const DAY_MS = 86_400_000;
/** Look back a month, then a year, then to the beginning: most rule lists change often, some almost never. */
const LOOK_BACK_MS = [31 * DAY_MS, 366 * DAY_MS, null] as const;
const BEGINNING = '1000-01-01T00:00:00.000Z';

/**
 * The version before `entry` of the same key within a loaded list (newest first), or undefined when the list does
 * not reach back far enough to say. A loaded list is always contiguous in time (a window or the last N), so the next
 * older entry with the same key in it really is the previous version.
 */
export function previousInList(entries: readonly AuditEntry[], entry: AuditEntry): AuditEntry | undefined {
  const index = entries.findIndex((candidate) => candidate.id === entry.id);
  if (index < 0) return undefined;
  for (let i = index + 1; i < entries.length; i++) {
    const candidate = entries[i];
    if (candidate && candidate.key === entry.key && candidate.time < entry.time) return candidate;
  }
  return undefined;
}

/**
 * Asks Druid for the version of `entry.key` saved just before `entry`, widening the window until one turns up;
 * null when `entry` is the first recorded version.
 */
export async function fetchPreviousEntry(entry: AuditEntry, signal?: AbortSignal): Promise<AuditEntry | null> {
  if (Number.isNaN(entry.time)) return null;
  for (const lookBack of LOOK_BACK_MS) {
    const start = lookBack === null ? BEGINNING : formatInstant(entry.time - lookBack);
    // Druid's interval filter includes both ends, so the entry itself comes back too; skip it by time.
    const interval = `${start}/${formatInstant(entry.time)}`;
    const older = await fetchRuleHistory({ dataSource: entry.key, mode: 'interval', interval }, signal);
    const previous = older.find((candidate) => candidate.time < entry.time);
    if (previous) return previous;
  }
  return null;
}

export const previousEntryQueryOptions = (entry: AuditEntry) =>
  queryOptions({
    queryKey: druidKeys.historyPrevious(entry.key, entry.auditTime),
    queryFn: ({ signal }) => fetchPreviousEntry(entry, signal),
    // History before an entry never changes.
    staleTime: Number.POSITIVE_INFINITY,
  });

/**
 * One entry by its id (`key@auditTime`), for links to a change outside the window on screen. Druid's interval filter
 * includes both ends, so a one-millisecond interval at the entry's time finds it.
 */
export async function fetchEntryById(id: string, signal?: AbortSignal): Promise<AuditEntry | null> {
  const parts = parseEntryId(id);
  const time = parts ? tryParseInstant(parts.auditTime) : null;
  if (!parts || time === null) return null;
  const interval = `${formatInstant(time)}/${formatInstant(time + 1)}`;
  const entries = await fetchRuleHistory({ dataSource: parts.key, mode: 'interval', interval }, signal);
  return entries.find((entry) => entry.time === time) ?? null;
}

export const entryByIdQueryOptions = (id: string) =>
  queryOptions({
    queryKey: druidKeys.historyEntryById(id),
    queryFn: ({ signal }) => fetchEntryById(id, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
