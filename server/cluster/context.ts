import type Database from 'better-sqlite3';

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
}

/** Everything a route or duty of the local cluster needs; passed explicitly, no globals. */
export interface ClusterContext {
  db: Database.Database;
  /** Current time in epoch ms; injectable so tests can pin it. */
  now(): number;
  config: ClusterConfig;
}
