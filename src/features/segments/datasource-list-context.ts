import { createContext, useContext } from 'react';
import type { UsedTotals } from '../../api/datasources.ts';
import type { RuleListResult } from '../../api/rules.ts';

/**
 * What every row of the datasources list shares: the used totals and the rules, each one request for all rows. A
 * context keeps the column definitions static and lets the memoised rows update their cells when these arrive.
 */
export interface DataSourceListShared {
  /** Undefined while `datasources?simple` is on its way. */
  totals:
    | ReadonlyMap<string, { count: number; size: number; minTime: number | null; maxTime: number | null }>
    | undefined;
  totalsFailed: boolean;
  rules: Record<string, RuleListResult> | undefined;
  rulesFailed: boolean;
}

export const DataSourceListContext = createContext<DataSourceListShared | null>(null);

export function useDataSourceListShared(): DataSourceListShared {
  const shared = useContext(DataSourceListContext);
  if (!shared) throw new Error('DataSourceListContext is missing');
  return shared;
}

export type { UsedTotals };
