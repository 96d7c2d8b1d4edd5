import { readFileSync } from 'node:fs';
import type { ServerOptions } from './cli-options.ts';
import { createBasicAuth } from './cluster/auth/basic-auth.ts';
import type { ClusterConfig } from './cluster/context.ts';
import { openLocalCluster } from './cluster/local-cluster.ts';
import { formatDuration } from './cluster/properties/property-values.ts';
import type { RuntimeProperties } from './cluster/properties/runtime-properties.ts';
import { DEFAULT_TIERS, parseTiers } from './cluster/topology.ts';
import type { DruidBackend } from './server-app.ts';

export const LOCAL_DRUID_VERSION = '33.0.0-local';
/** The properties the local cluster acts on; others are kept and reported only. */
const KNOWN_PROPERTY =
  /^druid\.(coordinator\.kill\.(on|period|durationToRetain|ignoreDurationToRetain|bufferPeriod|maxSegments)|coordinator\.period\.indexingPeriod|manager\.segments\.killUnused\.(enabled|bufferPeriod|dutyPeriod)|worker\.capacity|server\.hiddenProperties)$/;

/** Says which kill settings the file set and which other properties it carries (kept, shown by /status/properties). */
function logRuntimeProperties(runtime: RuntimeProperties): void {
  const { kill, embeddedKill } = runtime;
  const keys = [...runtime.properties.keys()];
  console.log(
    `Read ${keys.length} properties from ${runtime.file}: auto-kill ${kill.on ? 'on' : 'off'}` +
      (kill.on ? ` (every ${formatDuration(kill.periodMs)}, at most ${kill.maxSegments} segments a task)` : '') +
      `, Overlord kill ${embeddedKill.enabled ? 'on' : 'off'}, ${runtime.workerCapacity} task slots.`,
  );
  const others = keys.filter((key) => !KNOWN_PROPERTY.test(key));
  if (others.length > 0) console.log(`Kept without effect here: ${others.join(', ')}.`);
}

export interface LocalBackend {
  backend: DruidBackend;
  /** Stops the duties and tasks, copies the WAL into the database file and closes the store. */
  close(): void;
}

/**
 * Opens the local cluster. Loaded only when it is served (see cli.ts), so `--router` never loads SQLite's native
 * addon.
 */
export function startLocalBackend(options: ServerOptions, runtime: RuntimeProperties | undefined): LocalBackend {
  const config: ClusterConfig = {
    dataDir: options.dataDir,
    version: LOCAL_DRUID_VERSION,
    taskDurationMs: options.taskDurationMs,
    coordinatorPeriodMs: options.coordinatorPeriodMs,
    tiers: options.tiers ? parseTiers(options.tiers) : DEFAULT_TIERS,
    loadRate: options.loadRate,
    runtime,
  };
  const auth = options.auth ? createBasicAuth(JSON.parse(readFileSync(options.auth, 'utf8'))) : null;
  if (config.runtime) logRuntimeProperties(config.runtime);
  const cluster = openLocalCluster({
    config,
    seed: options.seed,
    generate: options.generate,
    generateFleet: options.generateFleet,
    identity: auth ? auth.identity : undefined,
    log: (message) => console.log(message),
  });
  const app = auth ? auth.wrap(cluster.app) : cluster.app;
  return {
    backend: { kind: 'local', app },
    close: () => {
      // Nothing else runs on this thread meanwhile, so after this the database file alone holds every write and the
      // WAL is empty: a copy of the data directory taken after a stop needs no WAL replay.
      cluster.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
      cluster.close();
    },
  };
}
