/**
 * What is left of a datasource being retired, read from Druid in a few bounded requests, never a listing of its
 * segments: its name in the metadata store's list (`?includeUnused`) and in the served list, its served summary
 * (`intervals?simple`), its own rules, whether any unused segment remains (`limit=1`) and, only when nothing is
 * served but the metadata store still lists it among datasources with used segments, those used segment IDs
 * (overshadowed or not loaded yet).
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ETERNITY } from '../druid/interval.ts';
import { druidJson } from './client.ts';
import { fetchDataSourceNames } from './datasources.ts';
import { fetchIntervalSummaries, type IntervalSummaries } from './interval-summaries.ts';
import { fetchUnusedPage } from './kill.ts';
import { usedIdsOverlapping } from './predicate-count.ts';
import { druidKeys } from './query-keys.ts';
import { fetchRulesOf, type RuleListResult } from './rules.ts';

export interface RetireFacts {
  /** Listed by `metadata/datasources?includeUnused`: some segment, used or unused, is in the metadata store. */
  inMetadata: boolean;
  /** Listed by `datasources`: the Coordinator serves some of its segments. */
  inServed: boolean;
  /** Served segments per interval (count, size, range). */
  served: IntervalSummaries;
  /** Its own rules (`raw` exactly as Druid sent them); `[]` means the cluster's defaults apply. */
  ownRules: RuleListResult;
  /** Used segments in the metadata store: the served count, or the exact count of used IDs when none is served. */
  usedCount: number;
  /** At least one unused segment is left (a kill still has something to delete). */
  hasUnused: boolean;
}

const namesSchema = z.array(z.string());

export async function fetchRetireFacts(dataSource: string, signal?: AbortSignal): Promise<RetireFacts> {
  const [metadataNames, withUsedNames, servedNames, served, rules, unused] = await Promise.all([
    fetchDataSourceNames(signal),
    // Without includeUnused: only datasources with a used segment in the metadata store.
    druidJson('/druid/coordinator/v1/metadata/datasources', namesSchema, { signal }),
    druidJson('/druid/coordinator/v1/datasources', namesSchema, { signal }),
    fetchIntervalSummaries(dataSource, signal),
    fetchRulesOf(dataSource, signal),
    fetchUnusedPage(dataSource, { limit: 1 }, signal),
  ]);
  // Served segments are used ones. With none served, used IDs are listed only if the metadata store has some
  // (overshadowed or not loaded yet): after a mark all unused, none.
  const hasUsed = withUsedNames.includes(dataSource);
  const usedCount =
    served.count > 0 || !hasUsed ? served.count : (await usedIdsOverlapping(dataSource, [ETERNITY], signal)).length;
  return {
    inMetadata: metadataNames.includes(dataSource),
    inServed: servedNames.includes(dataSource),
    served,
    ownRules: rules,
    usedCount,
    hasUnused: unused.length > 0,
  };
}

export const retireFactsQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.retireFacts(dataSource),
    queryFn: ({ signal }) => fetchRetireFacts(dataSource, signal),
  });
