/**
 * Retention rules over HTTP: read one list, read them all, replace one list with an audit author and comment.
 * Lists are parsed with Druid's own rules (src/druid) but never thrown away: a list this console cannot read (a rule
 * type from a newer Druid, say) comes back with its raw JSON and the reason, so views can still show it.
 */
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { DEFAULT_RULES_KEY, parseRules, type Rule, serializeRules } from '../druid/rules.ts';
import { auditHeaders } from './audit-author.ts';
import { druidJson, druidRequest } from './client.ts';
import { druidKeys } from './query-keys.ts';

export interface RuleListResult {
  /** The parsed rules, Druid's defaults applied; empty when `error` is set. */
  rules: Rule[];
  /** The JSON exactly as Druid sent it. */
  raw: unknown[];
  /** Why the list could not be read, naming the rule's position and field. */
  error: string | null;
}

export function readRuleList(raw: unknown[]): RuleListResult {
  // No `_default` emptiness check here: an old cluster may hold an empty list; only saving one is refused.
  const parsed = parseRules(raw);
  return parsed.ok ? { rules: parsed.rules, raw, error: null } : { rules: [], raw, error: parsed.error };
}

const ruleListSchema = z
  .array(z.unknown())
  .nullable()
  .transform((list) => list ?? []);
const allRulesSchema = z.record(z.string(), ruleListSchema);

export function rulesPath(dataSource: string): string {
  return `/druid/coordinator/v1/rules/${encodeURIComponent(dataSource)}`;
}

/** The datasource's own rules (`[]` when it has none; Druid never answers 404 here). */
export async function fetchRulesOf(dataSource: string, signal?: AbortSignal): Promise<RuleListResult> {
  return readRuleList(await druidJson(rulesPath(dataSource), ruleListSchema, { signal }));
}

/** Every datasource's rules plus `_default`, keyed by name. */
export async function fetchAllRules(signal?: AbortSignal): Promise<Record<string, RuleListResult>> {
  const map = await druidJson('/druid/coordinator/v1/rules', allRulesSchema, { signal });
  return Object.fromEntries(Object.entries(map).map(([name, list]) => [name, readRuleList(list)]));
}

export const rulesOfQueryOptions = (dataSource: string) =>
  queryOptions({
    queryKey: druidKeys.rulesOf(dataSource),
    queryFn: ({ signal }) => fetchRulesOf(dataSource, signal),
  });

export const defaultRulesQueryOptions = () => rulesOfQueryOptions(DEFAULT_RULES_KEY);

export const allRulesQueryOptions = () =>
  queryOptions({
    queryKey: druidKeys.rules(),
    queryFn: ({ signal }) => fetchAllRules(signal),
  });

export interface SaveRulesInput {
  dataSource: string;
  rules: readonly Rule[];
  author: string;
  comment: string;
}

/** Replaces the whole list (`POST /rules/:ds`, 200 with an empty body); Druid records an audit entry. */
export async function saveRules({ dataSource, rules, author, comment }: SaveRulesInput): Promise<void> {
  await druidRequest(rulesPath(dataSource), {
    method: 'POST',
    body: serializeRules(rules),
    headers: auditHeaders(author, comment),
  });
}
