import type { Hono } from 'hono';
import { createClusterApp } from './cluster-app.ts';
import type { ClusterConfig, ClusterContext } from './context.ts';
import { scheduleCoordinatorDuty } from './coordinator-duty.ts';
import { openDatabase } from './db.ts';
import { generateFleet } from './generate-fleet.ts';
import { generateSegments } from './generate-segments.ts';
import { assignAfterDuty } from './historicals.ts';
import { startKillDuties } from './kill-duties.ts';
import { ensureDefaultRules } from './rules-store.ts';
import { seedDemo } from './seed-demo.ts';
import { hasSegments } from './segment-store.ts';
import { warmServedSummaries } from './served-summary.ts';
import { TaskRunner } from './tasks.ts';

export interface LocalClusterOptions {
  config: ClusterConfig;
  /** What an empty data directory starts with. */
  seed: 'demo' | 'none';
  /** Generated datasources to add (benchmarks): skipped when the datasource already has segments. */
  generate?: Array<{ dataSource: string; count: number }>;
  /** A generated fleet of datasources (see generate-fleet.ts); members that already have segments are kept. */
  generateFleet?: { count: number; segments: number } | null;
  identity?: (request: Request) => string | null;
  now?: () => number;
  log?: (message: string) => void;
}

export interface LocalCluster {
  ctx: ClusterContext;
  app: Hono;
  close(): void;
}

/** Opens the data directory, seeds it on first start, and wires the API, the task runner and the duty. */
export function openLocalCluster(options: LocalClusterOptions): LocalCluster {
  const log = options.log ?? (() => {});
  const store = openDatabase(options.config.dataDir);
  const ctx: ClusterContext = { db: store.db, now: options.now ?? Date.now, config: options.config };
  try {
    if (store.created) {
      ensureDefaultRules(ctx.db, ctx.now());
      if (options.seed === 'demo') {
        seedDemo(ctx);
        log('Seeded the demo datasets of the Druid docs.');
      }
    }
    for (const { dataSource, count } of options.generate ?? []) {
      if (hasSegments(ctx.db, dataSource)) continue;
      const started = Date.now();
      const n = generateSegments(ctx, dataSource, count);
      log(`Generated ${n} segments for ${dataSource} in ${Date.now() - started} ms.`);
    }
    if (options.generateFleet) {
      const started = Date.now();
      const fleet = generateFleet(ctx, options.generateFleet.count, options.generateFleet.segments);
      log(
        `Generated ${fleet.dataSources} fleet datasources, ${fleet.segments} segments, in ${Date.now() - started} ms.`,
      );
    }
  } catch (error) {
    store.close();
    throw error;
  }
  store.checkpointInBackground();
  // With --load-rate the historicals start out holding what the rules assign them; later changes queue.
  assignAfterDuty(ctx, true);
  const tasks = new TaskRunner(ctx);
  tasks.resumeRunning();
  const stopDuty = scheduleCoordinatorDuty(ctx, (error) => log(`Coordinator duty failed: ${String(error)}`));
  const killDuties = startKillDuties(ctx, tasks, (error) => log(`Automatic kill failed: ${String(error)}`));
  const app = createClusterApp(ctx, tasks, { identity: options.identity, killDuties });
  // In the background, in slices: the server answers while 10,000 datasources' summaries are read.
  const warming = Date.now();
  warmServedSummaries(ctx.db).then(
    (count) => count > 0 && log(`Served summaries of ${count} datasources read in ${Date.now() - warming} ms.`),
    (error) => log(`Warming the served summaries failed: ${String(error)}`),
  );
  return {
    ctx,
    app,
    close: () => {
      stopDuty();
      killDuties.stop();
      tasks.stop();
      store.close();
    },
  };
}
