import { type Context, Hono } from 'hono';
import { accessLogMiddleware } from './access-log.ts';
import { clusterRequest, jsonError } from './proxy/cluster-request.ts';
import { proxyRequest } from './proxy/router-proxy.ts';
import { type ReadinessCheck, type ReadinessTarget, readinessResponse } from './readiness.ts';
import { staticFilesHandler } from './static-files.ts';

export type DruidBackend =
  | { kind: 'local'; app: Hono }
  | { kind: 'router'; target: URL; timeoutMs: number; ca?: string };

/** A Druid cluster the console serves: alone at Druid's own paths, or one of several under /clusters/NAME/. */
export interface ConsoleCluster {
  name: string;
  backend: DruidBackend;
  /** Shown in the header, e.g. "production". */
  label?: string;
  /** `#rrggbb` of the header band. */
  colour?: string;
}

export interface ServerAppOptions {
  clusters: ConsoleCluster[];
  /**
   * Each cluster's API under `/clusters/NAME/…` (`--cluster`, `--config`). Without it the one cluster answers at
   * Druid's own paths, as a Router does (`--router`, `--local`).
   */
  named?: boolean;
  distDir: string;
  /** Receives one Combined Log Format line per request (`--access-log`). */
  accessLog?: (line: string) => void;
  /** Answers `GET /console/ready` (200 or 503 with a JSON body); without it that path is the console's like any other. */
  readiness?: ReadinessCheck;
}

const API_PREFIXES = ['/druid/', '/status', '/local-cluster/', '/proxy/'];
export const READY_PATH = '/console/ready';
/** What the browser learns of the clusters: names, labels and colours, never a Router's address. */
export const CLUSTERS_PATH = '/console/clusters';

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

type ApiHandler = (request: Request, c: Context) => Response | Promise<Response>;

function apiHandler(backend: DruidBackend): ApiHandler {
  if (backend.kind === 'router') return (request) => proxyRequest(request, backend);
  return (request, c) => backend.app.fetch(request, c.env) as Response | Promise<Response>;
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
  const { clusters, named = false } = options;
  if (clusters.length === 0 || (!named && clusters.length > 1))
    throw new Error('Several clusters are served under /clusters/NAME/ only (named: true).');
  const app = new Hono();
  if (options.accessLog) app.use(accessLogMiddleware(options.accessLog));
  const staticFiles = staticFilesHandler(options.distDir);
  const handlers = new Map(clusters.map((cluster) => [cluster.name, apiHandler(cluster.backend)]));
  const { readiness } = options;
  if (readiness) {
    // `?cluster=NAME` answers for that cluster alone, for a load balancer in front of one cluster's users.
    app.get(READY_PATH, async (c) => {
      const name = c.req.query('cluster');
      const all = await readiness.check();
      if (name === undefined) return readinessResponse(all);
      const clusters = all.clusters.filter((cluster) => cluster.name === name);
      if (clusters.length === 0) return jsonError(404, `No cluster named "${name}" in this console.`);
      const ready = !all.draining && clusters.every((cluster) => cluster.ready);
      return readinessResponse({ ...all, ready, clusters });
    });
  }
  const listed = named ? clusters.map(({ name, label, colour }) => ({ name, label, colour })) : [];
  app.get(CLUSTERS_PATH, (c) => c.json({ clusters: listed }, 200, { 'cache-control': 'no-store' }));
  const answer = async (c: Context, handler: ApiHandler, request: Request) => {
    const response = await handler(request, c);
    return c.req.header('X-Druid-Console') ? withoutBasicChallenge(response) : response;
  };
  const single = named ? null : (handlers.get(clusters[0]?.name ?? '') ?? null);
  app.all('*', async (c) => {
    const path = new URL(c.req.url).pathname;
    if (single && isApiPath(path)) return answer(c, single, c.req.raw);
    if (!single) {
      const routed = clusterRequest(c.req.raw, path, handlers);
      if (routed instanceof Response) return routed;
      if (routed) return answer(c, routed.handler, routed.request);
      if (isApiPath(path)) return jsonError(404, `This console serves several clusters: ask /clusters/NAME${path}`);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    return staticFiles(c);
  });
  return app;
}
