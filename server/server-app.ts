import { type Context, Hono } from 'hono';
import { routerProxyHandler } from './proxy/router-proxy.ts';
import { staticFilesHandler } from './static-files.ts';

export type DruidBackend =
  | { kind: 'local'; app: Hono }
  | { kind: 'router'; target: URL; timeoutMs: number; ca?: string };

const API_PREFIXES = ['/druid/', '/status', '/local-cluster/', '/proxy/'];

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

/** The one origin the browser talks to: the built console plus the Druid API (local cluster or a real Router). */
export function createServerApp(backend: DruidBackend, distDir: string): Hono {
  const app = new Hono();
  const staticFiles = staticFilesHandler(distDir);
  const api =
    backend.kind === 'router'
      ? routerProxyHandler(backend)
      : (c: Context) => backend.app.fetch(c.req.raw, c.env) as Response | Promise<Response>;
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
