import type { Hono } from 'hono';
import { formatInstant } from '../../../src/druid/instant.ts';
import type { ClusterContext } from '../context.ts';
import { type Historical, historicals, historicalsWithRules, type QueueItem } from '../historicals.ts';
import { loadStatistics, percentJson } from '../load-statistics.ts';
import { dataSourceNames } from '../segment-store.ts';
import { hasFlag, jsonResponse, rawJsonResponse } from './http.ts';
import { underReplicatedJson } from './load-status.ts';

const heldSize = (server: Historical) => {
  let size = 0;
  for (const groups of server.held.values()) for (const group of groups.values()) size += group.size;
  return size;
};

/** IDs (or payloads) of the segments a queue item still has to move: the group's last partitions first held. */
function queuedSegments(ctx: ClusterContext, item: QueueItem, full: boolean): unknown[] {
  const { group } = item;
  const rows = ctx.db
    .prepare<[string, number, number, string, number], { id: string; payload: string }>(
      `SELECT id, payload FROM druid_segments WHERE dataSource = ? AND start_ms = ? AND end_ms = ? AND version = ?
       ORDER BY partition_num DESC LIMIT ?`,
    )
    .all(item.dataSource, group.start, group.end, group.version, item.count);
  return rows.map((row) => (full ? JSON.parse(row.payload) : row.id));
}

/** Tiers, servers, load queues and load status of the simulated historicals (historicals.ts). */
export function registerHistoricalRoutes(app: Hono, ctx: ClusterContext): void {
  app.get('/druid/coordinator/v1/tiers', async (c) => {
    // The names come from the topology: no need to bring what each historical holds up to date.
    if (!hasFlag(c, 'simple')) return jsonResponse(200, [...new Set(ctx.config.tiers.map((t) => t.name))]);
    const servers = await historicals(ctx);
    const tiers: Record<string, { currSize: number; maxSize: number }> = {};
    for (const server of servers) {
      const tier = tiers[server.tier] ?? { currSize: 0, maxSize: 0 };
      tiers[server.tier] = { currSize: tier.currSize + heldSize(server), maxSize: tier.maxSize + server.maxSize };
    }
    return jsonResponse(200, tiers);
  });

  // TiersResource.getTierDataSources: datasources served in a tier; ?simple with their intervals' size and count.
  app.get('/druid/coordinator/v1/tiers/:tier', async (c) => {
    const tier = c.req.param('tier').toLowerCase();
    const servers = (await historicals(ctx)).filter((s) => s.tier.toLowerCase() === tier);
    const byDataSource = new Map<string, Record<string, { size: number; count: number }>>();
    for (const server of servers) {
      for (const [dataSource, groups] of server.held) {
        const intervals = byDataSource.get(dataSource) ?? {};
        byDataSource.set(dataSource, intervals);
        for (const group of groups.values()) {
          const key = `${formatInstant(group.start)}/${formatInstant(group.end)}`;
          const into = intervals[key] ?? { size: 0, count: 0 };
          intervals[key] = { size: into.size + group.size, count: into.count + group.count };
        }
      }
    }
    if (!hasFlag(c, 'simple')) return jsonResponse(200, [...byDataSource.keys()].sort());
    return jsonResponse(200, Object.fromEntries(byDataSource));
  });

  app.get('/druid/coordinator/v1/servers', async (c) => {
    const servers = (await historicals(ctx)).map((server) => ({
      host: server.host,
      tier: server.tier,
      type: 'historical',
      priority: 0,
      currSize: heldSize(server),
      maxSize: server.maxSize,
    }));
    if (hasFlag(c, 'simple')) return jsonResponse(200, servers);
    if (hasFlag(c, 'full'))
      return jsonResponse(
        200,
        servers.map((server) => ({ ...server, segments: {} })),
      );
    return jsonResponse(
      200,
      servers.map((server) => server.host),
    );
  });

  // CoordinatorResource.getLoadQueue: per server, counts and sizes (simple), segment IDs, or DataSegments (full).
  app.get('/druid/coordinator/v1/loadqueue', async (c) => {
    const rate = ctx.config.loadRate ?? 0;
    const queues: Record<string, unknown> = {};
    for (const server of await historicals(ctx)) {
      const loads = server.queue.filter((item) => item.action === 'load');
      const drops = server.queue.filter((item) => item.action === 'drop');
      const sum = (items: QueueItem[], pick: (item: QueueItem) => number) => items.reduce((n, i) => n + pick(i), 0);
      if (hasFlag(c, 'simple')) {
        const pending = sum(server.queue, (i) => i.count);
        queues[server.host] = {
          segmentsToLoad: sum(loads, (i) => i.count),
          segmentsToDrop: sum(drops, (i) => i.count),
          segmentsToLoadSize: sum(loads, (i) => i.size),
          segmentsToDropSize: sum(drops, (i) => i.size),
          expectedLoadTimeMillis: rate > 0 ? Math.ceil((pending * 1000) / rate) : 0,
        };
        continue;
      }
      const full = hasFlag(c, 'full');
      queues[server.host] = {
        segmentsToLoad: loads.flatMap((item) => queuedSegments(ctx, item, full)),
        segmentsToDrop: drops.flatMap((item) => queuedSegments(ctx, item, full)),
      };
    }
    return jsonResponse(200, queues);
  });

  // CoordinatorResource.getLoadStatus: every datasource with used segments, over all their segments.
  app.get('/druid/coordinator/v1/loadstatus', async (c) => {
    const clusterView = hasFlag(c, 'computeUsingClusterView');
    const { servers, assigned } = await historicalsWithRules(ctx);
    const all = dataSourceNames(ctx.db, false).map(
      (name) =>
        [name, loadStatistics(ctx, name, null, clusterView, servers, assigned.get(name) ?? null)] as [
          string,
          ReturnType<typeof loadStatistics>,
        ],
    );
    const served = all.filter(([, stats]) => stats.total > 0);
    if (hasFlag(c, 'full')) return rawJsonResponse(underReplicatedJson(served));
    const value = hasFlag(c, 'simple') ? (s: (typeof all)[number][1]) => String(s.unavailable) : percentJson;
    return rawJsonResponse(`{${served.map(([name, stats]) => `${JSON.stringify(name)}:${value(stats)}`).join(',')}}`);
  });
}
