/**
 * What the rules index lists: `_default`, every datasource (unused-only ones too: Druid's console cannot edit their
 * rules) and any name that still has rules although its segments are gone.
 */
import { queryOptions } from '@tanstack/react-query';
import { DEFAULT_RULES_KEY } from '../druid/rules.ts';
import { fetchDataSourceNames } from './datasources.ts';
import { druidKeys } from './query-keys.ts';
import { fetchAllRules, type RuleListResult } from './rules.ts';

export interface RulesIndexEntry {
  name: string;
  /** The name's own rules; null when it has none stored (the defaults apply). */
  rules: RuleListResult | null;
  /** False for names that only appear in the rules table. */
  hasSegments: boolean;
}

export interface RulesIndex {
  defaultRules: RuleListResult | null;
  dataSources: RulesIndexEntry[];
}

export function buildRulesIndex(names: readonly string[], rules: Record<string, RuleListResult>): RulesIndex {
  const withSegments = new Set(names);
  const all = new Set([...names, ...Object.keys(rules)]);
  all.delete(DEFAULT_RULES_KEY);
  const dataSources = [...all]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, rules: rules[name] ?? null, hasSegments: withSegments.has(name) }));
  return { defaultRules: rules[DEFAULT_RULES_KEY] ?? null, dataSources };
}

export async function fetchRulesIndex(signal?: AbortSignal): Promise<RulesIndex> {
  const [names, rules] = await Promise.all([fetchDataSourceNames(signal), fetchAllRules(signal)]);
  return buildRulesIndex(names, rules);
}

export const rulesIndexQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.rulesIndex(),
    queryFn: ({ signal }) => fetchRulesIndex(signal),
  });
