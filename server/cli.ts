import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { AccessLogOpenError, openAccessLog } from './access-log-file.ts';
import { HELP, parseServerOptions, type ServerOptions } from './cli-options.ts';
import { DataDirLockedError } from './cluster/db.ts';
import { type RuntimeProperties, RuntimePropertiesError } from './cluster/properties/runtime-properties.ts';
import { readRuntimePropertiesFile } from './cluster/properties/runtime-properties-file.ts';
import { handleShutdownSignals } from './graceful-shutdown.ts';
import { createReadinessCheck } from './readiness.ts';
import { type ConsoleCluster, createServerApp, readinessTarget } from './server-app.ts';

export interface CliContext {
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** The package's version, printed by --version. */
  version: string;
  /** The built console to serve. */
  distDir: string;
  /** Runs after the flags are read and before anything starts (a clone builds dist/ here). */
  beforeStart?: () => void;
}

/** Exit codes: 0 stopped normally, 1 runtime error, 2 bad usage. */
const EXIT_RUNTIME = 1;
const EXIT_USAGE = 2;
/** Load balancers give up on a probe after a few seconds; a Router slower than this is not ready. */
const READINESS_TIMEOUT_MS = 3_000;

/** An error the operator can act on: its message alone is printed, without a stack. */
class StartError extends Error {}

function fail(error: unknown): never {
  const known =
    error instanceof StartError || error instanceof RuntimePropertiesError || error instanceof AccessLogOpenError;
  console.error(known || error instanceof DataDirLockedError ? (error as Error).message : error);
  process.exit(EXIT_RUNTIME);
}

function readFlagFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new StartError(`${flag} ${file}: ${(error as Error).message}`);
  }
}

/** One cluster today: the Router given, or the local cluster (imported only then: it loads SQLite's addon). */
async function openClusters(
  options: ServerOptions,
  runtime: RuntimeProperties | undefined,
): Promise<{ clusters: ConsoleCluster[]; close(): void }> {
  if (options.router) {
    const ca = options.routerCa ? readFlagFile('--router-ca', options.routerCa) : undefined;
    const backend = {
      kind: 'router' as const,
      target: new URL(options.router),
      timeoutMs: options.routerTimeoutMs,
      ca,
    };
    return { clusters: [{ name: 'default', backend }], close: () => {} };
  }
  if (options.auth) readFlagFile('--auth', options.auth);
  const { startLocalBackend } = await import('./local-backend.ts');
  const local = startLocalBackend(options, runtime);
  return { clusters: [{ name: 'default', backend: local.backend }], close: local.close };
}

function listen(app: ReturnType<typeof createServerApp>, options: ServerOptions): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
      resolve(server as Server),
    ) as Server;
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${options.host}:${options.port}`;
      if (error.code === 'EADDRINUSE') reject(new StartError(`Port ${where} is in use: pass another with --port.`));
      else if (error.code === 'EACCES') reject(new StartError(`Not allowed to listen on ${where}: ${error.message}`));
      else reject(error);
    });
  });
}

/** The command line of `druid-data-console` and `npm start`: flags → clusters → one Hono app on one port. */
export async function runCli(context: CliContext): Promise<void> {
  let options: ServerOptions;
  try {
    options = parseServerOptions(context.argv, context.env);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    process.exit(EXIT_USAGE);
  }
  if (options.help) return void console.log(HELP);
  if (options.version) return void console.log(context.version);
  try {
    // A bad properties file stops the start before anything else happens, naming the property and the file.
    const runtime = options.properties && !options.router ? readRuntimePropertiesFile(options.properties) : undefined;
    const accessLog = options.accessLog ? openAccessLog(options.accessLog) : null;
    // logrotate's postrotate sends SIGHUP. Only then is it caught: otherwise it still ends the server, as when the
    // terminal that started it closes.
    if (accessLog && options.accessLog !== '-') {
      process.on('SIGHUP', () => {
        const error = accessLog.reopen();
        if (error) console.error(`${error.message}; still writing to the file opened before.`);
        else console.log(`Reopened the access log ${options.accessLog}.`);
      });
    }
    context.beforeStart?.();
    const opened = await openClusters(options, runtime);
    const readiness = createReadinessCheck(
      opened.clusters.map((cluster) => readinessTarget(cluster, READINESS_TIMEOUT_MS)),
      READINESS_TIMEOUT_MS,
    );
    const app = createServerApp({
      clusters: opened.clusters,
      distDir: context.distDir,
      readiness,
      accessLog: accessLog?.write,
    });
    const server = await listen(app, options).catch((error) => {
      opened.close();
      throw error;
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const target = options.router
      ? `forwarding Druid calls to ${options.router}`
      : `local cluster in ${options.dataDir}`;
    console.log(`Druid Data Console at http://${options.host}:${port} (${target}; version ${context.version})`);
    handleShutdownSignals({
      server,
      timeoutMs: options.shutdownTimeoutMs,
      onDrain: () => readiness.drain(),
      cleanup: async () => {
        opened.close();
        await accessLog?.close();
      },
      log: (message) => console.log(message),
      exit: (code) => process.exit(code),
    });
  } catch (error) {
    fail(error);
  }
}
