import { createContext, useContext } from 'react';
import type { RuleListResult } from '../../api/rules.ts';
import type { UsedTotals } from '../../api/used-totals.ts';

/**
 * What every row of the datasources list shares: the used totals and the rules, each one request for all rows. A
 * context keeps the column definitions static and lets the memoised rows update their cells when these arrive.
 */
export interface DataSourceListShared {
  /** Undefined while `datasources?simple` is on its way. */
  totals: ReadonlyMap<string, UsedTotals> | undefined;
  totalsFailed: boolean;
  rules: Record<string, RuleListResult> | undefined;
  rulesFailed: boolean;
  /** How long a row waits on screen before asking for its unused segments: 0 until the list is first scrolled. */
  dwellMs: number;
}

export const DataSourceListContext = createContext<DataSourceListShared | null>(null);

export function useDataSourceListShared(): DataSourceListShared {
  const shared = useContext(DataSourceListContext);
  if (!shared) throw new Error('DataSourceListContext is missing');
  return shared;
}
