import { formatInstant } from '../../src/druid/instant.ts';
import { addPeriod } from '../../src/druid/period.ts';
import { type ClusterContext, runtimeOf } from './context.ts';
import { deepStorageDir } from './deep-storage.ts';
import { dataSourceNames } from './segment-store.ts';
import { killUnusedSegments } from './tasks.ts';

/**
 * Druid 34's kill on the Overlord (UnusedSegmentsKiller, `druid.manager.segments.killUnused.enabled`): for every
 * datasource, every interval that has unused segments (at most 10,000 per datasource), earliest end first, deletes
 * the unused segments of exactly that interval marked unused before now − bufferPeriod, at most 1,000 per interval.
 * No whitelist, no durationToRetain, no task slot, and no task in the tasks API: Druid runs these "embedded" kill
 * tasks inside the Overlord without persisting them. (Druid refreshes its queue of intervals at most daily; here
 * every run looks afresh.)
 */
const INTERVALS_PER_DATASOURCE = 10_000;
const SEGMENTS_PER_INTERVAL = 1_000;
const SLICE_MS = 20;

export interface EmbeddedKillReport {
  ran: boolean;
  /** segment/killed/metadataStore/count summed over the run. */
  killedSegments: number;
  /** Intervals whose kill deleted at least one segment. */
  killedIntervals: number;
}

export async function runEmbeddedKill(ctx: ClusterContext): Promise<EmbeddedKillReport> {
  const { embeddedKill } = runtimeOf(ctx.config);
  const report: EmbeddedKillReport = { ran: false, killedSegments: 0, killedIntervals: 0 };
  if (!embeddedKill.enabled) return report;
  report.ran = true;
  const maxUsedStatusLastUpdatedTime = formatInstant(addPeriod(ctx.now(), embeddedKill.bufferPeriod, -1));
  const root = deepStorageDir(ctx.config.dataDir);
  const candidates = ctx.db.prepare<[string, number], { start: number; end: number }>(
    `SELECT DISTINCT start_ms AS start, end_ms AS "end" FROM segment_groups
     WHERE dataSource = ? AND unused_count > 0 ORDER BY end_ms, start_ms LIMIT ?`,
  );
  let sliceStart = Date.now();
  for (const dataSource of dataSourceNames(ctx.db, true)) {
    for (const interval of candidates.all(dataSource, INTERVALS_PER_DATASOURCE)) {
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
      const killed = killUnusedSegments(ctx.db, root, dataSource, interval, {
        exact: true,
        limit: SEGMENTS_PER_INTERVAL,
        maxUsedStatusLastUpdatedTime,
      });
      report.killedSegments += killed;
      if (killed > 0) report.killedIntervals++;
    }
  }
  return report;
}
