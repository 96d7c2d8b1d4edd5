import type Database from 'better-sqlite3';
import { DEFAULT_RULES_KEY, findMatchingRule, isLoadRule, parseRules, type Rule } from '../../src/druid/rules.ts';
import type { TierConfig } from './context.ts';

/** A group's segments as one historical should hold them: what the Coordinator's RunRules assigns it. */
export interface TargetGroup {
  key: string;
  start: number;
  end: number;
  version: string;
  count: number;
  size: number;
}

interface UsedGroup {
  start: number;
  end: number;
  version: string;
  used_count: number;
  used_size: number;
  overshadowed: number;
}

const parsedRules = new Map<string, Rule[]>();

/** Parsed once per distinct rule list: 10,000 datasources share a few hundred lists, and parsing is the cost. */
export function parsedRulesOf(list: unknown[] | undefined): Rule[] {
  const text = JSON.stringify(list ?? []);
  let rules = parsedRules.get(text);
  if (!rules) {
    if (parsedRules.size > 10_000) parsedRules.clear();
    const parsed = parseRules(list ?? []);
    rules = parsed.ok ? parsed.rules : [];
    parsedRules.set(text, rules);
  }
  return rules;
}

/** Stable small hash, so a group's replicas always land on the same historicals of a tier. */
function hashOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash >>> 0;
}

/**
 * Per historical host, the groups of one datasource it should hold: used, non-overshadowed groups whose first
 * matching rule loads them (`min(replicas, servers)` servers of each tier, spread by the group's hash) or broadcasts
 * them (every server). Drop rules and groups no rule matches are held nowhere.
 */
export function targetsOf(
  db: Database.Database,
  tiers: readonly TierConfig[],
  dataSource: string,
  now: number,
  allRules: Record<string, unknown[]>,
): Map<string, Map<string, TargetGroup>> {
  const rules = parsedRulesOf(allRules[dataSource]);
  const defaults = parsedRulesOf(allRules[DEFAULT_RULES_KEY]);
  const byHost = new Map<string, Map<string, TargetGroup>>();
  const hold = (host: string, group: TargetGroup) => {
    const held = byHost.get(host) ?? new Map<string, TargetGroup>();
    byHost.set(host, held);
    held.set(group.key, group);
  };
  const groups = db
    .prepare<[string], UsedGroup>(
      `SELECT start_ms AS start, end_ms AS "end", version, used_count, used_size, overshadowed FROM segment_groups
       WHERE dataSource = ? AND used_count > 0`,
    )
    .all(dataSource);
  for (const g of groups) {
    if (g.overshadowed) continue;
    const match = findMatchingRule(rules, defaults, g, now);
    if (!match) continue;
    const key = `${g.start}/${g.end}/${g.version}`;
    const target = { key, start: g.start, end: g.end, version: g.version, count: g.used_count, size: g.used_size };
    if (match.rule.type.startsWith('broadcast')) {
      for (const tier of tiers) for (const server of tier.servers) hold(server.host, target);
      continue;
    }
    if (!isLoadRule(match.rule)) continue;
    for (const [tierName, replicas] of Object.entries(match.rule.tieredReplicants)) {
      const servers = tiers.find((tier) => tier.name === tierName)?.servers ?? [];
      const first = hashOf(key) % Math.max(servers.length, 1);
      for (let i = 0; i < Math.min(replicas, servers.length); i++) {
        hold(servers[(first + i) % servers.length]?.host ?? '', target);
      }
    }
  }
  return byHost;
}

/** Per tier, how many replicas of a group its first matching rule requires (broadcast: every server of every tier). */
export function replicaDecider(tiers: readonly TierConfig[], rules: Rule[], defaults: Rule[], now: number) {
  return (group: { start: number; end: number }): Map<string, number> => {
    const match = findMatchingRule(rules, defaults, group, now);
    const required = new Map<string, number>();
    if (!match) return required;
    if (match.rule.type.startsWith('broadcast')) {
      for (const tier of tiers) required.set(tier.name, tier.servers.length);
    } else if (isLoadRule(match.rule)) {
      for (const [tier, replicas] of Object.entries(match.rule.tieredReplicants)) required.set(tier, replicas);
    }
    return required;
  };
}
