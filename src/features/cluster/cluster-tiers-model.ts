import type { LoadQueues } from '../../api/load-queue.ts';
import { type DruidServer, isHistorical } from '../../api/servers.ts';

export interface HistoricalRow {
  host: string;
  tier: string;
  currSize: number;
  maxSize: number;
  toLoad: number;
  toDrop: number;
  toLoadSize: number;
  toDropSize: number;
}

export interface TierRow {
  tier: string;
  historicals: HistoricalRow[];
  currSize: number;
  maxSize: number;
  toLoad: number;
  toDrop: number;
}

/** Historicals grouped by tier, with their load queues; tiers and hosts sorted. */
export function tierRows(servers: readonly DruidServer[], queues: LoadQueues | undefined): TierRow[] {
  const tiers = new Map<string, TierRow>();
  for (const server of servers.filter(isHistorical).sort((a, b) => a.host.localeCompare(b.host))) {
    const tier = server.tier ?? '';
    const queue = queues?.[server.host];
    const row: HistoricalRow = {
      host: server.host,
      tier,
      currSize: server.currSize,
      maxSize: server.maxSize,
      toLoad: queue?.segmentsToLoad ?? 0,
      toDrop: queue?.segmentsToDrop ?? 0,
      toLoadSize: queue?.segmentsToLoadSize ?? 0,
      toDropSize: queue?.segmentsToDropSize ?? 0,
    };
    const into = tiers.get(tier) ?? { tier, historicals: [], currSize: 0, maxSize: 0, toLoad: 0, toDrop: 0 };
    into.historicals.push(row);
    into.currSize += row.currSize;
    into.maxSize += row.maxSize;
    into.toLoad += row.toLoad;
    into.toDrop += row.toDrop;
    tiers.set(tier, into);
  }
  return [...tiers.values()].sort((a, b) => a.tier.localeCompare(b.tier));
}

/** "12 %" of capacity used; "—" without a capacity. */
export function usedShare(currSize: number, maxSize: number): string {
  return maxSize > 0 ? `${Math.round((100 * currSize) / maxSize)} %` : '—';
}
