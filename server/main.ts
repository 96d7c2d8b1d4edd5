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
import { DEFAULT_TIERS, parseTiers } from './cluster/topology.ts';
import { createServerApp, type DruidBackend } from './server-app.ts';

const ROOT = new URL('..', import.meta.url).pathname;
export const LOCAL_DRUID_VERSION = '33.0.0-local';

function ensureBuilt(): void {
  if (process.env.DRUID_CONSOLE_SKIP_BUILD === '1' || !isBuildStale(ROOT)) return;
  console.log('Building the console (dist/ is missing or older than the sources)…');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
}

function startLocal(options: ServerOptions): { backend: DruidBackend; cluster: LocalCluster } {
  const config: ClusterConfig = {
    dataDir: options.dataDir,
    version: LOCAL_DRUID_VERSION,
    taskDurationMs: options.taskDurationMs,
    coordinatorPeriodMs: options.coordinatorPeriodMs,
    tiers: options.tiers ? parseTiers(options.tiers) : DEFAULT_TIERS,
  };
  const auth = options.auth ? createBasicAuth(JSON.parse(readFileSync(options.auth, 'utf8'))) : null;
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
  ensureBuilt();
  let cluster: LocalCluster | null = null;
  let backend: DruidBackend;
  if (options.router) {
    const ca = options.routerCa ? readFileSync(options.routerCa, 'utf8') : undefined;
    backend = { kind: 'router', target: new URL(options.router), timeoutMs: options.routerTimeoutMs, ca };
  } else {
    try {
      ({ backend, cluster } = startLocal(options));
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
