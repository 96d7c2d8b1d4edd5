import { type Context, Hono } from 'hono';
import { accessLogMiddleware } from './access-log.ts';
import { proxyRequest, routerProxyHandler } from './proxy/router-proxy.ts';
import { type ReadinessCheck, type ReadinessTarget, readinessResponse } from './readiness.ts';
import { staticFilesHandler } from './static-files.ts';

export type DruidBackend =
  | { kind: 'local'; app: Hono }
  | { kind: 'router'; target: URL; timeoutMs: number; ca?: string };

/** A Druid cluster the console serves. One today, at Druid's own paths; a list so that more can be added. */
export interface ConsoleCluster {
  name: string;
  backend: DruidBackend;
}

export interface ServerAppOptions {
  clusters: ConsoleCluster[];
  distDir: string;
  /** Receives one Combined Log Format line per request (`--access-log`). */
  accessLog?: (line: string) => void;
  /** Answers `GET /console/ready` (200 or 503 with a JSON body); without it that path is the console's like any other. */
  readiness?: ReadinessCheck;
}

const API_PREFIXES = ['/druid/', '/status', '/local-cluster/', '/proxy/'];
export const READY_PATH = '/console/ready';

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/**
 * A 401 with `WWW-Authenticate: Basic` makes the browser show its own login prompt (and hangs a headless one).
 * For the console's own requests the challenge moves to `X-Druid-Authenticate`; the console asks in its own dialog.
 */
function withoutBasicChallenge(response: Response): Response {
  const challenge = response.headers.get('www-authenticate');
  if (response.status !== 401 || !challenge) return response;
  const headers = new Headers(response.headers);
  headers.delete('www-authenticate');
  headers.set('X-Druid-Authenticate', challenge);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

function apiHandler(backend: DruidBackend): (c: Context) => Response | Promise<Response> {
  if (backend.kind === 'router') return routerProxyHandler(backend);
  return (c) => backend.app.fetch(c.req.raw, c.env) as Response | Promise<Response>;
}

/** How readiness asks a cluster's `/status/health`: in process for the local cluster, through the proxy otherwise. */
export function readinessTarget(cluster: ConsoleCluster, timeoutMs: number): ReadinessTarget {
  const { backend } = cluster;
  const health = new URL('http://console/status/health');
  return {
    name: cluster.name,
    health: async () =>
      backend.kind === 'router'
        ? proxyRequest(new Request(health), { ...backend, timeoutMs: Math.min(timeoutMs, backend.timeoutMs) })
        : backend.app.fetch(new Request(health)),
  };
}

/** The one origin the browser talks to: the built console plus the Druid API (local cluster or a real Router). */
export function createServerApp(options: ServerAppOptions): Hono {
  const [cluster] = options.clusters;
  if (!cluster || options.clusters.length > 1) throw new Error('The console serves exactly one cluster for now.');
  const app = new Hono();
  if (options.accessLog) app.use(accessLogMiddleware(options.accessLog));
  const staticFiles = staticFilesHandler(options.distDir);
  const api = apiHandler(cluster.backend);
  const { readiness } = options;
  if (readiness) app.get(READY_PATH, async () => readinessResponse(await readiness.check()));
  app.all('*', async (c) => {
    if (isApiPath(new URL(c.req.url).pathname)) {
      const response = await api(c);
      return c.req.header('X-Druid-Console') ? withoutBasicChallenge(response) : response;
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    return staticFiles(c);
  });
  return app;
}
