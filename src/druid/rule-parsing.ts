/** Reading rule lists from JSON with messages that name the rule's position and field, and writing them back. */
import type { z } from 'zod';
import { DEFAULT_RULES_KEY, isRuleType, RULE_TYPES, type Rule, ruleSchema } from './rule-schemas.ts';

export type ParseRulesResult = { ok: true; rules: Rule[] } | { ok: false; error: string };

export interface ParseRulesOptions {
  /** The datasource the rules are for; `_default` adds Druid's check that cluster-level rules are not empty. */
  dataSource?: string;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' || issue.path.length === 0) return issue.message;
  const field = issue.path.map(String).join('.');
  return issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
}

/** Parses one rule; `position` is 1-based and only used in messages. */
export function parseRule(json: unknown, position: number): { ok: true; rule: Rule } | { ok: false; error: string } {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { ok: false, error: `Rule ${position}: must be a JSON object` };
  const type: unknown = (json as { type?: unknown }).type;
  if (type === undefined) return { ok: false, error: `Rule ${position}: "type" is missing` };
  if (!isRuleType(type))
    return {
      ok: false,
      error: `Rule ${position}: unknown type ${JSON.stringify(type)}; expected one of ${RULE_TYPES.join(', ')}`,
    };
  const parsed = ruleSchema.safeParse(json);
  if (parsed.success) return { ok: true, rule: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `Rule ${position} (${type}): ${issue ? describeIssue(issue) : 'invalid rule'}` };
}

/**
 * Parses a rule list as Druid's `POST /druid/coordinator/v1/rules/{dataSource}` would accept it. The first problem is
 * reported, e.g. `Rule 2 (loadByPeriod): period "P1Q" is not a valid ISO-8601 period`.
 */
export function parseRules(json: unknown, options: ParseRulesOptions = {}): ParseRulesResult {
  if (json === null || json === undefined) return { ok: false, error: 'Rules cannot be null.' };
  if (!Array.isArray(json)) return { ok: false, error: 'Rules must be a JSON array of rule objects' };
  if (options.dataSource === DEFAULT_RULES_KEY && json.length === 0)
    return { ok: false, error: 'Cluster-level rules cannot be empty.' };
  const rules: Rule[] = [];
  for (const [index, item] of json.entries()) {
    const result = parseRule(item, index + 1);
    if (!result.ok) return result;
    rules.push(result.rule);
  }
  return { ok: true, rules };
}

/** JSON Druid accepts: every field the rules carry (including unknown ones they arrived with), nothing added. */
export function serializeRules(rules: readonly Rule[]): unknown[] {
  return JSON.parse(JSON.stringify(rules)) as unknown[];
}
