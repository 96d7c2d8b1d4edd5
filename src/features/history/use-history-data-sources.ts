import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dataSourceNamesWithUnusedQueryOptions } from '../../api/datasources.ts';
import type { AuditEntry } from '../../api/history.ts';
import { allRulesQueryOptions } from '../../api/rules.ts';

/**
 * Every name whose history one may want: datasources in the metadata store, keys with rules (`_default` included)
 * and keys seen in the loaded history (a datasource deleted long ago still has its audit trail).
 */
export function useHistoryDataSources(entries: readonly AuditEntry[]): string[] {
  const names = useQuery(dataSourceNamesWithUnusedQueryOptions());
  const rules = useQuery(allRulesQueryOptions());
  return useMemo(() => {
    const all = new Set<string>(['_default']);
    for (const name of names.data ?? []) all.add(name);
    for (const key of Object.keys(rules.data ?? {})) all.add(key);
    for (const entry of entries) all.add(entry.key);
    return [...all].sort((a, b) => (a === '_default' ? -1 : b === '_default' ? 1 : a.localeCompare(b)));
  }, [names.data, rules.data, entries]);
}
