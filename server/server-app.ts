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

/** The one origin the browser talks to: the built console plus the Druid API (local cluster or a real Router). */
export function createServerApp(backend: DruidBackend, distDir: string): Hono {
  const app = new Hono();
  const staticFiles = staticFilesHandler(distDir);
  const api =
    backend.kind === 'router'
      ? routerProxyHandler(backend)
      : (c: Context) => backend.app.fetch(c.req.raw, c.env) as Response | Promise<Response>;
  app.all('*', (c) => {
    if (isApiPath(new URL(c.req.url).pathname)) return api(c);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    return staticFiles(c);
  });
  return app;
}
