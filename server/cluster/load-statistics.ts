import type { Interval } from '../../src/druid/interval.ts';
import type { ClusterContext } from './context.ts';
import { replicaDecider } from './historical-targets.ts';
import type { AssignedRules, Historical } from './historicals.ts';

/** What loadstatus reports for one datasource: served segments, those on no historical, missing replicas per tier. */
export interface LoadStatistics {
  total: number;
  unavailable: number;
  /** Per tier its rules require replicas on, the replicas missing (Druid's under-replicated count). */
  underReplicated: Map<string, number>;
}

interface ServedGroup {
  start: number;
  end: number;
  version: string;
  used_count: number;
}

/**
 * Used, non-overshadowed segments overlapping `interval` (all of them when null), against what the historicals hold.
 * `clusterView` (computeUsingClusterView) counts a tier's replicas only up to its number of servers, as Druid does
 * when it compares with the servers it can actually load on.
 */
export function loadStatistics(
  ctx: ClusterContext,
  dataSource: string,
  interval: Interval | null,
  clusterView: boolean,
  servers: readonly Historical[],
  assigned: AssignedRules | null,
): LoadStatistics {
  const where = interval ? ' AND start_ms < ? AND end_ms > ?' : '';
  const groups = ctx.db
    .prepare<Array<string | number>, ServedGroup>(
      `SELECT start_ms AS start, end_ms AS "end", version, used_count FROM segment_groups
       WHERE dataSource = ? AND used_count > 0 AND overshadowed = 0${where}`,
    )
    .all(...(interval ? [dataSource, interval.end, interval.start] : [dataSource]));
  // Required replicas as the Coordinator's last run decided them; none before its first run over the datasource.
  const decide = assigned
    ? replicaDecider(ctx.config.tiers, assigned.rules, assigned.defaults, assigned.at)
    : () => new Map<string, number>();
  const stats: LoadStatistics = { total: 0, unavailable: 0, underReplicated: new Map() };
  for (const group of groups) {
    const key = `${group.start}/${group.end}/${group.version}`;
    let available = 0;
    const heldPerTier = new Map<string, number>();
    for (const server of servers) {
      const count = server.held.get(dataSource)?.get(key)?.count ?? 0;
      available = Math.max(available, count);
      heldPerTier.set(server.tier, (heldPerTier.get(server.tier) ?? 0) + count);
    }
    stats.total += group.used_count;
    stats.unavailable += group.used_count - available;
    for (const [tier, replicas] of decide(group)) {
      const tierServers = ctx.config.tiers.find((t) => t.name === tier)?.servers.length ?? 0;
      const required = clusterView ? Math.min(replicas, tierServers) : replicas;
      const missing = Math.max(group.used_count * required - (heldPerTier.get(tier) ?? 0), 0);
      stats.underReplicated.set(tier, (stats.underReplicated.get(tier) ?? 0) + missing);
    }
  }
  return stats;
}

/** Druid's percentage as its JSON double: `100.0`, `50.0`, `33.333333333333336`. */
export function percentJson(stats: LoadStatistics): string {
  const percent = 100 * ((stats.total - stats.unavailable) / stats.total);
  return Number.isInteger(percent) ? percent.toFixed(1) : String(percent);
}
