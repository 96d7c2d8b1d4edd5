import type Database from 'better-sqlite3';
import { type RuntimeProperties, runtimePropertiesFrom } from './properties/runtime-properties.ts';

/** A tier of the static topology: the historicals that serve it and their capacity. */
export interface TierConfig {
  name: string;
  servers: Array<{ host: string; maxSize: number }>;
}

export interface ClusterConfig {
  dataDir: string;
  /** Druid version reported by /status. */
  version: string;
  /** How long a kill task stays RUNNING, so a person can watch it (ms). */
  taskDurationMs: number;
  /** Period of the coordinator duty (ms); 0 disables the timer (tests trigger it over HTTP). */
  coordinatorPeriodMs: number;
  tiers: TierConfig[];
  /** `--load-rate N`: segments a historical loads or drops a second; 0 or absent: at once. */
  loadRate?: number;
  /** `--properties FILE`: Druid's runtime.properties (kill settings, worker capacity); Druid's defaults when absent. */
  runtime?: RuntimeProperties;
}

const DEFAULT_RUNTIME = runtimePropertiesFrom(new Map(), null);

export function runtimeOf(config: ClusterConfig): RuntimeProperties {
  return config.runtime ?? DEFAULT_RUNTIME;
}

/** Everything a route or duty of the local cluster needs; passed explicitly, no globals. */
export interface ClusterContext {
  db: Database.Database;
  /** Current time in epoch ms; injectable so tests can pin it. */
  now(): number;
  config: ClusterConfig;
}
