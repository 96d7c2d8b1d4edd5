import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MAX_FLEET_DATASOURCES } from './cluster/generate-fleet.ts';
import { type ClusterSpec, checkUnique, parseClusterFlag } from './cluster-config.ts';

export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  seed: 'demo' | 'none';
  generate: Array<{ dataSource: string; count: number }>;
  /** `--generate-fleet COUNT:SEGMENTS`: COUNT datasources fleet_00001… of SEGMENTS segments each. */
  generateFleet: { count: number; segments: number } | null;
  coordinatorPeriodMs: number;
  taskDurationMs: number;
  tiers: string | null;
  /** `--load-rate N`: segments a second each historical loads or drops; 0 = at once. */
  loadRate: number;
  router: string | null;
  routerCa: string | null;
  routerTimeoutMs: number;
  /** `--cluster NAME=URL` (repeatable): several Routers, each under /clusters/NAME/. */
  clusters: ClusterSpec[];
  /** `--config FILE`: the clusters from a JSON file (read by the command line, not here). */
  config: string | null;
  auth: string | null;
  /** `--properties FILE`: a Druid runtime.properties for the local cluster (kill settings and others). */
  properties: string | null;
  /** `--local`: serve the local cluster; also what happens when no Router is given. */
  local: boolean;
  /** `--access-log FILE|-`: one Combined Log Format line per request, `-` for stdout. */
  accessLog: string | null;
  /** How long a stopping server waits for requests in flight before it cuts them off. */
  shutdownTimeoutMs: number;
  help: boolean;
  version: boolean;
}

export const HELP = `Druid Data Console server

Usage: druid-data-console [options]        (from a clone: npm start -- [options])

Serves the console at http://HOST:PORT and the Druid API under /druid and /status, either from the local
Druid-compatible cluster (--local, the default) or by forwarding to a real Druid Router (--router).
GET /console/ready answers 200 when the console and its Druid Router answer, 503 otherwise (JSON body);
with several clusters (--cluster, --config) it lists each, and ?cluster=NAME answers for one.

Options (environment variable in brackets):
  --port N                  port to listen on (default 8888) [DRUID_CONSOLE_PORT]
  --host H                  address to bind (default 127.0.0.1) [DRUID_CONSOLE_HOST]
  --data DIR                local cluster data directory (default ./var) [DRUID_CONSOLE_DATA]
  --seed demo|none          what an empty data directory starts with (default demo) [DRUID_CONSOLE_SEED]
  --generate NAME:COUNT     add a generated datasource of COUNT segments (repeatable) [DRUID_CONSOLE_GENERATE]
  --generate-fleet COUNT:SEGMENTS
                            add COUNT generated datasources fleet_00001… of SEGMENTS segments each, some with
                            rules, some all unused (COUNT ≤ 99999) [DRUID_CONSOLE_GENERATE_FLEET]
  --coordinator-period MS   coordinator duty period, 0 = only on demand (default 10000) [DRUID_CONSOLE_COORDINATOR_PERIOD]
  --task-duration MS        how long a kill task runs (default 1500) [DRUID_CONSOLE_TASK_DURATION]
  --tiers LIST              tiers and historicals, e.g. _default_tier:2,hot:1 (the default) [DRUID_CONSOLE_TIERS]
  --load-rate N             segments a second each historical loads or drops, so rule changes take time
                            (default 0: at once) [DRUID_CONSOLE_LOAD_RATE]
  --auth FILE               require Basic auth; users and permissions from a JSON file [DRUID_CONSOLE_AUTH]
  --properties FILE         Druid runtime.properties for the local cluster: druid.coordinator.kill.*,
                            druid.manager.segments.killUnused.*, druid.worker.capacity… [DRUID_CONSOLE_PROPERTIES]
  --local                   serve the local cluster (the default when no --router is given)
  --router URL              forward Druid calls to this Router instead of the local cluster [DRUID_ROUTER_URL]
  --router-ca FILE          PEM CA certificate for an https Router with a private CA [DRUID_ROUTER_CA]
  --router-timeout MS       answer 504 when the Router is silent this long (default 60000) [DRUID_ROUTER_TIMEOUT]
  --cluster NAME=URL        serve several clusters (repeatable): NAME's Router API under /clusters/NAME/…,
                            its screens under /c/NAME/…
  --config FILE             the clusters from a JSON file [DRUID_CONSOLE_CONFIG]:
                            {"clusters": [{"name": "prod", "routerUrl": "https://router:9088", "caFile": "ca.pem",
                            "timeoutMs": 30000, "label": "production", "colour": "#b91c1c"}]}
  --access-log FILE|-       append a Combined Log Format line per request to FILE (reopened on SIGHUP), or
                            stdout for -; no credentials (Authorization, cookies, secret query values)
                            [DRUID_CONSOLE_ACCESS_LOG]
  --shutdown-timeout MS     on SIGTERM/SIGINT, wait this long for requests in flight (default 25000)
                            [DRUID_CONSOLE_SHUTDOWN_TIMEOUT]
  --version                 print the version
  --help                    show this help

Exit codes: 0 stopped normally, 1 runtime error (port in use, unreadable file, data directory locked),
2 bad usage (unknown flag, bad value).
`;

function integer(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got "${text}"`);
  return value;
}

function parseGenerate(text: string): { dataSource: string; count: number } {
  const at = text.lastIndexOf(':');
  if (at <= 0) throw new Error(`--generate expects NAME:COUNT, got "${text}"`);
  return { dataSource: text.slice(0, at), count: integer('generate', text.slice(at + 1), 1) };
}

const FLEET_FORMAT = /^(\d+):(\d+)$/;

function parseGenerateFleet(text: string): { count: number; segments: number } {
  const match = FLEET_FORMAT.exec(text.trim());
  const count = Number(match?.[1]);
  const segments = Number(match?.[2]);
  if (!match || count < 1 || segments < 1)
    throw new Error(`--generate-fleet expects COUNT:SEGMENTS, two integers ≥ 1 such as 10000:300, got "${text}"`);
  if (count > MAX_FLEET_DATASOURCES)
    throw new Error(`--generate-fleet makes at most ${MAX_FLEET_DATASOURCES} datasources, got ${count}`);
  if (!Number.isSafeInteger(count * segments))
    throw new Error(`--generate-fleet COUNT × SEGMENTS is too large, got "${text}"`);
  return { count, segments };
}

/** Flags win over environment variables, which win over defaults. */
export function parseServerOptions(argv: string[], env: NodeJS.ProcessEnv): ServerOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      seed: { type: 'string' },
      generate: { type: 'string', multiple: true },
      'generate-fleet': { type: 'string' },
      'coordinator-period': { type: 'string' },
      'task-duration': { type: 'string' },
      tiers: { type: 'string' },
      'load-rate': { type: 'string' },
      auth: { type: 'string' },
      properties: { type: 'string' },
      router: { type: 'string' },
      'router-ca': { type: 'string' },
      'router-timeout': { type: 'string' },
      cluster: { type: 'string', multiple: true },
      config: { type: 'string' },
      local: { type: 'boolean' },
      'access-log': { type: 'string' },
      'shutdown-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  const seed = values.seed ?? env.DRUID_CONSOLE_SEED ?? 'demo';
  if (seed !== 'demo' && seed !== 'none') throw new Error(`--seed must be demo or none, got "${seed}"`);
  const generate = values.generate ?? (env.DRUID_CONSOLE_GENERATE ? env.DRUID_CONSOLE_GENERATE.split(',') : []);
  const generateFleet = values['generate-fleet'] ?? env.DRUID_CONSOLE_GENERATE_FLEET ?? null;
  if (values.local && values.router !== undefined)
    throw new Error('--local and --router exclude each other: serve the local cluster or forward to a Router');
  const clusters = checkUnique((values.cluster ?? []).map(parseClusterFlag));
  const config = values.config ?? (clusters.length ? null : (env.DRUID_CONSOLE_CONFIG ?? null));
  if (clusters.length && config !== null)
    throw new Error('--cluster and --config exclude each other: list the clusters in one place');
  const several = clusters.length > 0 || config !== null;
  if (several && (values.local || values.router !== undefined))
    throw new Error(`${clusters.length ? '--cluster' : '--config'} excludes --local and --router`);
  // --local wins over a DRUID_ROUTER_URL in the environment, as every flag wins over its variable.
  const router = values.local || several ? null : (values.router ?? env.DRUID_ROUTER_URL ?? null);
  if (router !== null && !/^https?:\/\/[^/]+/.test(router))
    throw new Error(`--router must be an http(s) URL, got "${router}"`);
  return {
    port: integer('port', values.port ?? env.DRUID_CONSOLE_PORT ?? '8888', 0),
    host: values.host ?? env.DRUID_CONSOLE_HOST ?? '127.0.0.1',
    dataDir: resolve(values.data ?? env.DRUID_CONSOLE_DATA ?? 'var'),
    seed,
    generate: generate.map(parseGenerate),
    generateFleet: generateFleet === null ? null : parseGenerateFleet(generateFleet),
    coordinatorPeriodMs: integer(
      'coordinator-period',
      values['coordinator-period'] ?? env.DRUID_CONSOLE_COORDINATOR_PERIOD ?? '10000',
      0,
    ),
    taskDurationMs: integer('task-duration', values['task-duration'] ?? env.DRUID_CONSOLE_TASK_DURATION ?? '1500', 0),
    tiers: values.tiers ?? env.DRUID_CONSOLE_TIERS ?? null,
    loadRate: integer('load-rate', values['load-rate'] ?? env.DRUID_CONSOLE_LOAD_RATE ?? '0', 0),
    router,
    routerCa: values['router-ca'] ?? env.DRUID_ROUTER_CA ?? null,
    routerTimeoutMs: integer('router-timeout', values['router-timeout'] ?? env.DRUID_ROUTER_TIMEOUT ?? '60000', 1),
    clusters,
    config,
    auth: values.auth ?? env.DRUID_CONSOLE_AUTH ?? null,
    properties: values.properties ?? env.DRUID_CONSOLE_PROPERTIES ?? null,
    local: router === null && !several,
    accessLog: values['access-log'] ?? env.DRUID_CONSOLE_ACCESS_LOG ?? null,
    shutdownTimeoutMs: integer(
      'shutdown-timeout',
      values['shutdown-timeout'] ?? env.DRUID_CONSOLE_SHUTDOWN_TIMEOUT ?? '25000',
      0,
    ),
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
