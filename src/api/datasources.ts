/**
 * The datasources list: every name in the metadata store (datasources whose segments are all unused included),
 * with the used totals the Coordinator reports, and a separate per-datasource summary of the unused segments.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';
import { fetchUnusedSegmentPage } from './segments.ts';

const namesSchema = z.array(z.string());

const simpleDataSourcesSchema = z.array(
  z.looseObject({
    name: z.string(),
    properties: z
      .looseObject({
        segments: z
          .looseObject({
            count: z.number(),
            size: z.number(),
            minTime: z.string().nullish(),
            maxTime: z.string().nullish(),
          })
          .nullish(),
      })
      .nullish(),
  }),
);

export interface DataSourceSummary {
  name: string;
  usedCount: number;
  usedSize: number;
  /** Of the used segments; null when none are used. */
  minTime: number | null;
  maxTime: number | null;
}

function ms(text: string | null | undefined): number | null {
  if (!text) return null;
  const value = Date.parse(text);
  return Number.isNaN(value) ? null : value;
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

export const dataSourceNamesWithUnusedQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.dataSourceNamesWithUnused(),
    queryFn: async ({ signal }) => [...(await fetchDataSourceNames(signal))].sort((a, b) => a.localeCompare(b)),
  });

/** Names from the metadata store (`includeUnused`), totals from `datasources?simple`, sorted by name. */
export async function fetchDataSourceSummaries(signal?: AbortSignal): Promise<DataSourceSummary[]> {
  const [names, served] = await Promise.all([
    fetchDataSourceNames(signal),
    druidJson('/druid/coordinator/v1/datasources', simpleDataSourcesSchema, { query: { simple: true }, signal }),
  ]);
  const totals = new Map(served.map((entry) => [entry.name, entry.properties?.segments]));
  const all = new Set([...names, ...totals.keys()]);
  return [...all]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const segments = totals.get(name);
      return {
        name,
        usedCount: segments?.count ?? 0,
        usedSize: segments?.size ?? 0,
        minTime: ms(segments?.minTime),
        maxTime: ms(segments?.maxTime),
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

/** Pages through the unused segments, keeping only totals. */
export async function fetchUnusedSummary(dataSource: string, signal?: AbortSignal): Promise<UnusedSummary> {
  const summary: UnusedSummary = { count: 0, size: 0, start: null, end: null };
  let after: string | null = null;
  do {
    const page = await fetchUnusedSegmentPage(dataSource, after, { signal });
    for (const record of page.records) {
      summary.count++;
      summary.size += record.size;
      summary.start = summary.start === null ? record.start : Math.min(summary.start, record.start);
      summary.end = summary.end === null ? record.end : Math.max(summary.end, record.end);
    }
    after = page.nextAfter;
  } while (after !== null);
  return summary;
}

export const unusedSummaryQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.unusedSummary(dataSource),
    queryFn: ({ signal }) => fetchUnusedSummary(dataSource, signal),
    staleTime: 30_000,
  });
