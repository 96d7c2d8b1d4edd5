import type Database from 'better-sqlite3';
import { formatInstant, MIN_INSTANT } from '../../src/druid/instant.ts';
import { type ClusterContext, runtimeOf } from './context.ts';
import { currentDynamicConfig } from './dynamic-config.ts';
import { dataSourceNames } from './segment-store.ts';
import type { TaskRunner } from './tasks.ts';
import { eligibleUnusedIntervals } from './unused-marks.ts';

/**
 * The Coordinator's KillUnusedSegments duty (Druid 30+), run by the indexing duty group every indexing period and
 * acting once `druid.coordinator.kill.period` has passed since it last submitted: for each datasource of
 * `killDataSourceWhitelist` (empty: every datasource in the metadata store), the intervals of at most `maxSegments`
 * unused segments that end before now − durationToRetain (unless ignored) and were marked unused before
 * now − bufferPeriod, in time order from where the last task of that datasource ended; one kill task over their
 * umbrella interval, within the kill task slots.
 */
export const AUTO_KILL_PREFIX = 'coordinator-issued';
/** DateTimes.COMPARE_DATE_AS_STRING_MAX: the end bound when durationToRetain is ignored. */
const MAX_END = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const SLICE_MS = 20;

/** What one run did, with the names of Druid's metrics. */
export interface AutoKillReport {
  /** False when kill is off or the kill period has not passed since the last run that had slots. */
  ran: boolean;
  reason: string | null;
  /** killTask/maxSlot/count: min(⌊capacity × killTaskSlotRatio⌋, maxKillTaskSlots). */
  maxSlots: number;
  /** killTask/availableSlot/count: maxSlots − auto-kill tasks still running. */
  availableSlots: number;
  /** kill/task/count */
  submittedTasks: number;
  /** kill/eligibleUnusedSegments/count per datasource looked at (at most maxSegments each). */
  eligibleUnusedSegments: Record<string, number>;
  taskIds: string[];
}

interface DutyState {
  lastKillTime: number | null;
  lastKillIntervalEnd: Map<string, number>;
}

const states = new WeakMap<ClusterContext, DutyState>();

function stateOf(ctx: ClusterContext): DutyState {
  let state = states.get(ctx);
  if (!state) {
    state = { lastKillTime: null, lastKillIntervalEnd: new Map() };
    states.set(ctx, state);
  }
  return state;
}

function runningAutoKillTasks(db: Database.Database): number {
  const row = db
    .prepare<[string], { n: number }>(
      "SELECT count(*) AS n FROM druid_tasks WHERE status_code = 'RUNNING' AND type = 'kill' AND id LIKE ? ESCAPE '\\'",
    )
    .get(`${AUTO_KILL_PREFIX.replaceAll('_', '\\_')}\\_%`);
  return row?.n ?? 0;
}

/** One run of the duty, as the indexing duty group runs it. Runs never overlap (the caller awaits). */
export async function runAutoKill(ctx: ClusterContext, tasks: TaskRunner): Promise<AutoKillReport> {
  const { kill, workerCapacity } = runtimeOf(ctx.config);
  const report: AutoKillReport = {
    ran: false,
    reason: null,
    maxSlots: 0,
    availableSlots: 0,
    submittedTasks: 0,
    eligibleUnusedSegments: {},
    taskIds: [],
  };
  if (!kill.on) return { ...report, reason: 'druid.coordinator.kill.on is false' };
  const state = stateOf(ctx);
  const now = ctx.now();
  if (state.lastKillTime !== null && now < state.lastKillTime + kill.periodMs) {
    return { ...report, reason: 'druid.coordinator.kill.period has not passed since the last run' };
  }
  const config = currentDynamicConfig(ctx.db);
  report.maxSlots = Math.min(
    Math.floor(workerCapacity * Math.min(config.killTaskSlotRatio, 1)),
    config.maxKillTaskSlots,
  );
  report.availableSlots = Math.max(0, report.maxSlots - runningAutoKillTasks(ctx.db));
  const whitelist = config.killDataSourceWhitelist.filter((name): name is string => typeof name === 'string');
  const dataSources = whitelist.length > 0 ? whitelist : dataSourceNames(ctx.db, true);
  if (report.availableSlots > 0) {
    report.ran = true;
    state.lastKillTime = now;
    const maxUsedStatusLastUpdatedTime = now - kill.bufferPeriodMs;
    const maxEnd = kill.ignoreDurationToRetain ? MAX_END : now - kill.durationToRetainMs;
    const maxUsedText = formatInstant(maxUsedStatusLastUpdatedTime);
    let sliceStart = Date.now();
    for (const dataSource of dataSources) {
      if (report.submittedTasks >= report.availableSlots) break;
      if (Date.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = Date.now();
      }
      // SegmentsMetadataManager.getUnusedSegmentIntervals, from groups' marks (unused-marks.ts), not a row scan.
      const intervals = await eligibleUnusedIntervals(ctx.db, dataSource, {
        minStart: state.lastKillIntervalEnd.get(dataSource) ?? MIN_INSTANT,
        maxEnd,
        maxMark: maxUsedText,
        limit: kill.maxSegments,
      });
      report.eligibleUnusedSegments[dataSource] = intervals.length;
      if (intervals.length === 0) {
        state.lastKillIntervalEnd.delete(dataSource);
        continue;
      }
      // JodaUtils.umbrellaInterval; the rows come ordered by start.
      const umbrella = {
        start: intervals[0]?.start ?? 0,
        end: intervals.reduce((end, i) => Math.max(end, i.end), MIN_INSTANT),
      };
      const id = tasks.submitKill(dataSource, umbrella, {
        idPrefix: AUTO_KILL_PREFIX,
        limit: kill.maxSegments,
        maxUsedStatusLastUpdatedTime,
      });
      report.taskIds.push(id);
      report.submittedTasks++;
      state.lastKillIntervalEnd.set(dataSource, umbrella.end);
    }
  } else {
    report.reason = 'no kill task slot available';
  }
  // Datasources no longer considered forget where their last kill ended.
  const considered = new Set(dataSources);
  for (const name of state.lastKillIntervalEnd.keys()) {
    if (!considered.has(name)) state.lastKillIntervalEnd.delete(name);
  }
  return report;
}
