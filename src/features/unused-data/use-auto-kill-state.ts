import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  dynamicConfigQueryOptions,
  killPropertiesQueryOptions,
  killTaskSlots,
  nameList,
  taskCapacityQueryOptions,
} from '../../api/auto-kill-config.ts';
import { type KillTaskEntry, killHistoryQueryOptions, lastAutomaticKillAt } from '../../api/kill-history.ts';
import { druidKeys } from '../../api/query-keys.ts';
import { isTaskComplete } from '../../api/tasks.ts';
import { type AutoKillPlan, nextKillRun } from '../../druid/auto-kill-prediction.ts';
import { readStaticKillSettings, type StaticKillSettings } from '../../druid/auto-kill-settings.ts';

/** How many kill tasks the view lists and reads the last automatic one from. */
export const KILL_HISTORY_MAX = 50;

/** Ticks every 30 s so "eligible now" and the next run move on while the page stays open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** When a kill task the view saw running (or had not seen) completes, its datasource's unused segments reload. */
function useRefreshOnKillDone(entries: readonly KillTaskEntry[] | undefined) {
  const client = useQueryClient();
  const seen = useRef<Map<string, boolean> | null>(null);
  useEffect(() => {
    if (!entries) return;
    const first = seen.current === null;
    const known = seen.current ?? new Map<string, boolean>();
    for (const { task } of entries) {
      const complete = isTaskComplete(task);
      if (!first && complete && known.get(task.id) !== true && task.dataSource)
        void client.invalidateQueries({ queryKey: druidKeys.segments(task.dataSource) });
      known.set(task.id, complete);
    }
    seen.current = known;
  }, [entries, client]);
}

/**
 * Everything the view knows about auto-kill, each part from its own request so one that fails (a 403, a 404 on an
 * older Druid) leaves the others shown; unknown parts stay null in the plan and exclude nothing.
 */
export function useAutoKillState() {
  const properties = useQuery(killPropertiesQueryOptions());
  const config = useQuery(dynamicConfigQueryOptions());
  const capacity = useQuery(taskCapacityQueryOptions());
  const history = useQuery(killHistoryQueryOptions(KILL_HISTORY_MAX));
  const now = useNow();
  useRefreshOnKillDone(history.data);

  const settings: StaticKillSettings | null = useMemo(
    () => (properties.data ? readStaticKillSettings(properties.data.properties) : null),
    [properties.data],
  );
  const plan: AutoKillPlan = useMemo(() => {
    const known = settings ?? readStaticKillSettings({});
    return {
      on: settings ? settings.on.value : null,
      periodMs: known.periodMs.value,
      durationToRetainMs: known.durationToRetainMs.value,
      ignoreDurationToRetain: known.ignoreDurationToRetain.value,
      bufferPeriodMs: known.bufferPeriodMs.value,
      maxSegments: known.maxSegments.value,
      whitelist: config.data ? nameList(config.data.killDataSourceWhitelist) : null,
      maxSlots: killTaskSlots(capacity.data ?? null, config.data),
    };
  }, [settings, config.data, capacity.data]);
  const lastAutoKill = history.data ? lastAutomaticKillAt(history.data) : null;
  const indexingPeriodMs = (settings ?? readStaticKillSettings({})).indexingPeriodMs.value;
  const nextRunAt = nextKillRun(now, plan, indexingPeriodMs, lastAutoKill);
  return { properties, config, capacity, history, settings, plan, now, nextRunAt, lastAutoKill };
}

export type AutoKillState = ReturnType<typeof useAutoKillState>;
