import { queryOptions } from '@tanstack/react-query';
import { formatInstant } from '../druid/instant.ts';
import { type AuditEntry, fetchRuleHistory } from './history.ts';
import { druidKeys } from './query-keys.ts';
import { fetchAllRules } from './rules.ts';
import { type AsOfRow, rebuildRulesAsOf, unresolvedKeys } from './rules-as-of.ts';

const DAY_MS = 86_400_000;
/**
 * How far back to look for the version in force, widening only while some changed key has none yet: most lists
 * changed within a month, some within a year, and only the last step reads everything Druid kept before.
 */
const LOOK_BACK_MS = [31 * DAY_MS, 366 * DAY_MS, null] as const;
const BEGINNING = -30_610_224_000_000; // 1000-01-01, before any audit entry and still plain ISO text

export interface RulesAsOf {
  time: number;
  rows: AsOfRow[];
  /** History requests made (all datasources at once, by interval): a handful whatever the number of datasources. */
  requests: number;
}

/**
 * Current rules (one request), every change after `time` (one request), then the changes before `time` in at most
 * three widening windows. Never one request per datasource. Druid's interval filter includes both ends.
 */
export async function fetchRulesAsOf(time: number, now: number, signal?: AbortSignal): Promise<RulesAsOf> {
  const history = (start: number, end: number) =>
    fetchRuleHistory(
      { dataSource: null, mode: 'interval', interval: `${formatInstant(start)}/${formatInstant(end)}` },
      signal,
    );
  // A day past now covers a Coordinator clock a little ahead of this browser's.
  const [current, after] = await Promise.all([fetchAllRules(signal), history(time + 1, Math.max(now, time) + DAY_MS)]);
  const before: AuditEntry[] = [];
  let requests = 1;
  let end = time;
  for (const lookBack of LOOK_BACK_MS) {
    if (unresolvedKeys(time, after, before).length === 0) break;
    const start = lookBack === null ? BEGINNING : time - lookBack;
    if (start >= end) continue;
    before.push(...(await history(start, end)));
    requests++;
    end = start;
  }
  return { time, rows: rebuildRulesAsOf({ time, current, after, before }), requests };
}

export const rulesAsOfQueryOptions = (time: number, now: number) =>
  queryOptions({
    // Under the history prefix, so saving rules (which invalidates history) refreshes it.
    queryKey: [...druidKeys.history(), 'as-of', time] as const,
    queryFn: ({ signal }) => fetchRulesAsOf(time, now, signal),
    staleTime: 15_000,
  });
