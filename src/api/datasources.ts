/**
 * The datasources list: every name in the metadata store (datasources whose segments are all unused included),
 * with the used totals the Coordinator reports, and a separate per-datasource summary of the unused segments.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';
import { fetchUnusedSegmentPage, UNUSED_PAGE_SIZE } from './segments.ts';
import { fetchUsedTotals } from './used-totals.ts';

const namesSchema = z.array(z.string());

export interface DataSourceSummary {
  name: string;
  usedCount: number;
  usedSize: number;
  /** Of the used segments; null when none are used. */
  minTime: number | null;
  maxTime: number | null;
}

/**
 * Names of every datasource in the metadata store, used or not (`?includeUnused`): a datasource whose segments are
 * all unused is exactly the one an operator may want to restore or kill, and the plain list leaves it out.
 */
export function fetchDataSourceNames(signal?: AbortSignal): Promise<string[]> {
  return druidJson('/druid/coordinator/v1/metadata/datasources', namesSchema, {
    query: { includeUnused: true },
    signal,
  });
}

/** The order names are shown in everywhere (list, kill picker, history): localeCompare's. */
export const nameOrder = new Intl.Collator().compare;

export const dataSourceNamesWithUnusedQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.dataSourceNamesWithUnused(),
    queryFn: async ({ signal }) => [...(await fetchDataSourceNames(signal))].sort(nameOrder),
  });

/**
 * Every name of either list, sorted: a datasource served only from realtime tasks is in `datasources?simple` but
 * not yet in the metadata store.
 */
export function mergeNames(names: readonly string[], served: ReadonlyMap<string, unknown>): string[] {
  const known = new Set(names);
  const extra = [...served.keys()].filter((name) => !known.has(name));
  return extra.length === 0 ? [...names] : [...names, ...extra].sort(nameOrder);
}

/** Names from the metadata store (`includeUnused`), totals from `datasources?simple`, sorted by name. */
export async function fetchDataSourceSummaries(signal?: AbortSignal): Promise<DataSourceSummary[]> {
  const [names, totals] = await Promise.all([fetchDataSourceNames(signal), fetchUsedTotals(signal)]);
  return mergeNames([...names].sort(nameOrder), totals).map((name) => {
    const used = totals.get(name);
    return {
      name,
      usedCount: used?.count ?? 0,
      usedSize: used?.size ?? 0,
      minTime: used?.minTime ?? null,
      maxTime: used?.maxTime ?? null,
    };
  });
}

export const dataSourceSummariesQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.dataSourceSummaries(),
    queryFn: ({ signal }) => fetchDataSourceSummaries(signal),
  });

export interface UnusedSummary {
  count: number;
  size: number;
  /** Earliest start and latest end of the unused segments; null when there are none. */
  start: number | null;
  end: number | null;
}

/**
 * Pages through the unused segments (10k a page, the next one read ahead in the listing worker), keeping only
 * totals; `onProgress` gets the running totals after each page.
 */
export async function fetchUnusedSummary(
  dataSource: string,
  signal?: AbortSignal,
  onProgress?: (summary: UnusedSummary) => void,
): Promise<UnusedSummary> {
  const summary: UnusedSummary = { count: 0, size: 0, start: null, end: null };
  let after: string | null = null;
  do {
    const page = await fetchUnusedSegmentPage(dataSource, after, { signal, nextLimit: UNUSED_PAGE_SIZE });
    for (const record of page.records) {
      summary.count++;
      summary.size += record.size;
      summary.start = summary.start === null ? record.start : Math.min(summary.start, record.start);
      summary.end = summary.end === null ? record.end : Math.max(summary.end, record.end);
    }
    after = page.nextAfter;
    onProgress?.({ ...summary });
  } while (after !== null);
  return summary;
}

/** The exact count, on demand; like the probe, aborted once no row shows it. */
export const unusedSummaryQueryOptions = (dataSource: string, onProgress?: (summary: UnusedSummary) => void) =>
  queryOptions({
    queryKey: druidKeys.unusedSummary(dataSource),
    queryFn: ({ signal }) => fetchUnusedSummary(dataSource, signal, onProgress),
    staleTime: 30_000,
  });
