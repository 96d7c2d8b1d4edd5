import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { isBuildStale } from '../scripts/build-freshness.ts';
import { HELP, parseServerOptions, type ServerOptions } from './cli-options.ts';
import { createBasicAuth } from './cluster/auth/basic-auth.ts';
import type { ClusterConfig } from './cluster/context.ts';
import { DataDirLockedError } from './cluster/db.ts';
import { type LocalCluster, openLocalCluster } from './cluster/local-cluster.ts';
import { formatDuration } from './cluster/properties/property-values.ts';
import { type RuntimeProperties, RuntimePropertiesError } from './cluster/properties/runtime-properties.ts';
import { readRuntimePropertiesFile } from './cluster/properties/runtime-properties-file.ts';
import { DEFAULT_TIERS, parseTiers } from './cluster/topology.ts';
import { createServerApp, type DruidBackend } from './server-app.ts';

const ROOT = new URL('..', import.meta.url).pathname;
export const LOCAL_DRUID_VERSION = '33.0.0-local';
/** The properties the local cluster acts on; others are kept and reported only. */
const KNOWN_PROPERTY =
  /^druid\.(coordinator\.kill\.(on|period|durationToRetain|ignoreDurationToRetain|bufferPeriod|maxSegments)|coordinator\.period\.indexingPeriod|manager\.segments\.killUnused\.(enabled|bufferPeriod|dutyPeriod)|worker\.capacity|server\.hiddenProperties)$/;

function ensureBuilt(): void {
  if (process.env.DRUID_CONSOLE_SKIP_BUILD === '1' || !isBuildStale(ROOT)) return;
  console.log('Building the console (dist/ is missing or older than the sources)…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

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

function startLocal(
  options: ServerOptions,
  runtime: RuntimeProperties | undefined,
): { backend: DruidBackend; cluster: LocalCluster } {
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
  return { backend: { kind: 'local', app }, cluster };
}

function main(): void {
  let options: ServerOptions;
  try {
    options = parseServerOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(HELP);
    return;
  }
  // A bad properties file stops the start before anything else happens, naming the property and the file.
  let runtime: RuntimeProperties | undefined;
  try {
    runtime = options.properties && !options.router ? readRuntimePropertiesFile(options.properties) : undefined;
  } catch (error) {
    console.error(error instanceof RuntimePropertiesError ? error.message : error);
    process.exit(1);
  }
  ensureBuilt();
  let cluster: LocalCluster | null = null;
  let backend: DruidBackend;
  if (options.router) {
    const ca = options.routerCa ? readFileSync(options.routerCa, 'utf8') : undefined;
    backend = { kind: 'router', target: new URL(options.router), timeoutMs: options.routerTimeoutMs, ca };
  } else {
    try {
      ({ backend, cluster } = startLocal(options, runtime));
    } catch (error) {
      console.error(error instanceof DataDirLockedError ? error.message : error);
      process.exit(1);
    }
  }
  const app = createServerApp(backend, join(ROOT, 'dist'));
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
    const target = options.router
      ? `forwarding Druid calls to ${options.router}`
      : `local cluster in ${options.dataDir}`;
    console.log(`Druid Data Console at http://${options.host}:${info.port} (${target})`);
  });
  const shutdown = () => {
    server.close();
    cluster?.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main();
