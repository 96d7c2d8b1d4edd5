import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import {
  dynamicConfigQueryOptions,
  killPropertiesQueryOptions,
  killTaskSlots,
  nameList,
  taskCapacityQueryOptions,
} from '../../api/auto-kill-config.ts';
import { killHistoryQueryOptions, lastAutomaticKillAt } from '../../api/kill-history.ts';
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
