import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { druidJson } from './client.ts';
import { druidKeys } from './query-keys.ts';

/**
 * Names of every datasource in the metadata store, used or not (`?includeUnused`): a datasource whose segments are
 * all unused is exactly the one an operator may want to kill, and the plain list leaves it out.
 */
export const dataSourceNamesWithUnusedQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.dataSourceNamesWithUnused(),
    queryFn: async ({ signal }) => {
      const names = await druidJson('/druid/coordinator/v1/metadata/datasources', z.array(z.string()), {
        query: { includeUnused: true },
        signal,
      });
      return [...names].sort((a, b) => a.localeCompare(b));
    },
  });
