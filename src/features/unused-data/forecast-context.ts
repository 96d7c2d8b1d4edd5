import { createContext, useContext } from 'react';
import type { AutoKillPlan } from '../../druid/auto-kill-prediction.ts';

/** What every row of the unused-data list shares: the plan, the clock and the protect action. */
export interface ForecastShared {
  plan: AutoKillPlan;
  now: number;
  nextRunAt: number;
  /** Rows wait this long on screen before asking (0 until the list is first scrolled). */
  dwellMs: number;
  /**
   * Datasources auto-kill considers when they outnumber its task slots (each run submits at most one task per slot,
   * so some may wait for later runs); null when the slots suffice or are unknown.
   */
  competing: { slots: number; dataSources: number } | null;
  /** Opens the protect (or allow) dialog; null while the whitelist is unknown. */
  onProtect: ((dataSource: string, protect: boolean) => void) | null;
}

export const ForecastContext = createContext<ForecastShared | null>(null);

export function useForecastShared(): ForecastShared {
  const shared = useContext(ForecastContext);
  if (!shared) throw new Error('ForecastContext is missing');
  return shared;
}
