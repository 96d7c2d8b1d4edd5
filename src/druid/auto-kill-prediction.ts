/**
 * What the Coordinator's auto-kill (KillUnusedSegments duty) will delete and when, from its settings: every kill
 * period, for each datasource the whitelist allows (empty: all), at most `maxSegments` unused segments in time order
 * whose interval ends before now − durationToRetain (unless ignored) and that were marked unused before
 * now − bufferPeriod, within the kill task slots. Pure, so the view and its tests agree.
 */

export interface AutoKillPlan {
  /** `druid.coordinator.kill.on`; null when the properties could not be read. */
  on: boolean | null;
  periodMs: number;
  durationToRetainMs: number;
  ignoreDurationToRetain: boolean;
  bufferPeriodMs: number;
  maxSegments: number;
  /** `killDataSourceWhitelist`; empty means every datasource; null when the dynamic config could not be read. */
  whitelist: readonly string[] | null;
  /** min(⌊capacity × killTaskSlotRatio⌋, maxKillTaskSlots); null when unknown. */
  maxSlots: number | null;
}

export type DataSourceExclusion = 'kill-off' | 'not-in-whitelist' | 'no-task-slots';

/** Why auto-kill never touches this datasource (null: it may). Unknown settings exclude nothing. */
export function dataSourceExclusion(dataSource: string, plan: AutoKillPlan): DataSourceExclusion | null {
  if (plan.on === false) return 'kill-off';
  if (plan.whitelist && plan.whitelist.length > 0 && !plan.whitelist.includes(dataSource)) return 'not-in-whitelist';
  if (plan.maxSlots === 0) return 'no-task-slots';
  return null;
}

export const EXCLUSION_TEXT: Record<DataSourceExclusion, string> = {
  'kill-off': 'Auto-kill is off (druid.coordinator.kill.on is false)',
  'not-in-whitelist': 'Not in killDataSourceWhitelist',
  'no-task-slots': 'No task slot for kill tasks (killTaskSlotRatio × capacity, maxKillTaskSlots)',
};

export interface UnusedSegmentTimes {
  start: number;
  end: number;
  /** `usedStatusLastUpdatedDate`; null when Druid has none for it (older rows, older Druid). */
  lastUpdated: number | null;
}

export type SegmentWait = 'buffer' | 'durationToRetain' | 'no-last-updated' | null;

/**
 * When the segment becomes eligible, and what it waits for now. Druid compares `used_status_last_updated <= now −
 * bufferPeriod` in SQL, so a segment without that date is never picked.
 */
export function eligibleAt(segment: UnusedSegmentTimes, plan: AutoKillPlan, now: number) {
  if (segment.lastUpdated === null) return { at: null, waitingFor: 'no-last-updated' as SegmentWait };
  const afterBuffer = segment.lastUpdated + plan.bufferPeriodMs;
  // "Ends before now − durationToRetain": the end must be strictly before, hence the extra millisecond.
  const afterRetention = plan.ignoreDurationToRetain ? Number.NEGATIVE_INFINITY : segment.end + plan.durationToRetainMs;
  const at = Math.max(afterBuffer, afterRetention);
  let waitingFor: SegmentWait = null;
  if (at > now) waitingFor = afterRetention >= afterBuffer ? 'durationToRetain' : 'buffer';
  return { at, waitingFor };
}

export interface SegmentForecast {
  /** The run expected to kill it, or null (never, or beyond the simulated runs). */
  killAt: number | null;
  eligibleAt: number | null;
  waitingFor: SegmentWait;
}

/** Runs simulated at most: beyond them a segment's date is "later". */
export const MAX_SIMULATED_RUNS = 2_000;

/**
 * The kill run of each segment of one datasource (in `segments` order). Runs happen at `nextRunAt` and every
 * kill period after; each takes up to maxSegments of the segments eligible then, earliest interval first.
 */
export function forecastSegments(
  segments: readonly UnusedSegmentTimes[],
  plan: AutoKillPlan,
  now: number,
  nextRunAt: number,
): SegmentForecast[] {
  const forecasts: SegmentForecast[] = segments.map((segment) => {
    const { at, waitingFor } = eligibleAt(segment, plan, now);
    return { killAt: null, eligibleAt: at, waitingFor };
  });
  const period = Math.max(plan.periodMs, 1);
  const batch = Math.max(plan.maxSegments, 0);
  if (batch === 0) return forecasts;
  const pending = segments
    .map((segment, index) => ({ index, segment, at: forecasts[index]?.eligibleAt ?? null }))
    .filter((item): item is { index: number; segment: UnusedSegmentTimes; at: number } => item.at !== null)
    .sort((a, b) => a.segment.start - b.segment.start || a.segment.end - b.segment.end);
  let remaining = pending;
  let run = nextRunAt;
  for (let runs = 0; remaining.length > 0 && runs < MAX_SIMULATED_RUNS; runs++) {
    const earliest = remaining.reduce((min, item) => Math.min(min, item.at), Number.POSITIVE_INFINITY);
    // Jump over runs that would find nothing eligible.
    if (earliest > run) run += Math.ceil((earliest - run) / period) * period;
    const next: typeof remaining = [];
    let taken = 0;
    for (const item of remaining) {
      if (taken < batch && item.at <= run) {
        const forecast = forecasts[item.index];
        if (forecast) forecast.killAt = run;
        taken++;
      } else next.push(item);
    }
    remaining = next;
    run += period;
  }
  return forecasts;
}

/**
 * The next run of the duty at the latest: one kill period after the last automatic kill task when that is still
 * ahead, otherwise the next indexing-period tick (which acts at once because the kill period has passed).
 */
export function nextKillRun(now: number, plan: AutoKillPlan, indexingPeriodMs: number, lastAutoKillAt: number | null) {
  if (lastAutoKillAt !== null && lastAutoKillAt + plan.periodMs > now) return lastAutoKillAt + plan.periodMs;
  return now + indexingPeriodMs;
}

export interface DataSourceForecast {
  exclusion: DataSourceExclusion | null;
  /** Segments eligible at the next run (all would go, maxSegments per run). */
  eligibleNow: number;
  /** Segments the next run deletes. */
  nextRunCount: number;
  nextRunAt: number;
  /** When the last of the given segments is expected to go; null if some never go or go beyond the simulation. */
  lastKillAt: number | null;
  /** The first date a currently waiting segment becomes eligible. */
  nextEligibleAt: number | null;
  waiting: Record<Exclude<SegmentWait, null>, number>;
}

export function forecastDataSource(
  dataSource: string,
  segments: readonly UnusedSegmentTimes[],
  plan: AutoKillPlan,
  now: number,
  nextRunAt: number,
): DataSourceForecast {
  const exclusion = dataSourceExclusion(dataSource, plan);
  const waiting = { buffer: 0, durationToRetain: 0, 'no-last-updated': 0 };
  const result: DataSourceForecast = {
    exclusion,
    eligibleNow: 0,
    nextRunCount: 0,
    nextRunAt,
    lastKillAt: null,
    nextEligibleAt: null,
    waiting,
  };
  const each: SegmentForecast[] = exclusion
    ? segments.map((segment) => {
        const { at, waitingFor } = eligibleAt(segment, plan, now);
        return { killAt: null, eligibleAt: at, waitingFor };
      })
    : forecastSegments(segments, plan, now, nextRunAt);
  let allKilled = segments.length > 0 && !exclusion;
  let last = Number.NEGATIVE_INFINITY;
  for (const forecast of each) {
    const at = forecast.eligibleAt;
    if (at !== null && at <= nextRunAt) result.eligibleNow++;
    if (at !== null && at > nextRunAt)
      result.nextEligibleAt = result.nextEligibleAt === null ? at : Math.min(result.nextEligibleAt, at);
    if (forecast.waitingFor) waiting[forecast.waitingFor]++;
    if (forecast.killAt === nextRunAt) result.nextRunCount++;
    if (forecast.killAt === null) allKilled = false;
    else last = Math.max(last, forecast.killAt);
  }
  result.lastKillAt = allKilled ? last : null;
  return result;
}
