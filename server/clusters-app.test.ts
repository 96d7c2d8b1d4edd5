import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReadinessCheck } from './readiness.ts';
import { type ConsoleCluster, createServerApp, readinessTarget } from './server-app.ts';

/** Two fake Routers behind one console started with `--cluster a=… --cluster b=…`, over real HTTP. */
interface Seen {
  method: string;
  url: string;
  authorization?: string;
  body: string;
}

const routers: Record<'a' | 'b', { server: Server; seen: Seen[] }> = {
  a: { server: createRouter('a'), seen: [] },
  b: { server: createRouter('b'), seen: [] },
};
let consoleServer: ReturnType<typeof serve>;
let base: string;

function createRouter(name: 'a' | 'b'): Server {
  return createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      routers[name].seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization,
        body,
      });
      if (req.url === '/status/health') return void res.end('true');
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Basic realm="druid"' });
      res.end(JSON.stringify({ router: name }));
    });
  });
}

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  const clusters: ConsoleCluster[] = [];
  for (const name of ['a', 'b'] as const) {
    const target = new URL(`http://127.0.0.1:${await listen(routers[name].server)}`);
    clusters.push({
      name,
      backend: { kind: 'router', target, timeoutMs: 2000 },
      ...(name === 'a' ? { label: 'production', colour: '#b91c1c' } : {}),
    });
  }
  const readiness = createReadinessCheck(
    clusters.map((cluster) => readinessTarget(cluster, 2000)),
    2000,
  );
  const app = createServerApp({ clusters, named: true, distDir: '/nonexistent', readiness });
  await new Promise<void>((resolve) => {
    consoleServer = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
      base = `http://127.0.0.1:${info.port}`;
      resolve();
    });
  });
});

afterAll(async () => {
  for (const { server } of Object.values(routers)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await new Promise((resolve) => consoleServer.close(resolve));
});

beforeEach(() => {
  routers.a.seen = [];
  routers.b.seen = [];
});

describe('several clusters under /clusters/NAME/', () => {
  it("forwards each name to its own Router at Druid's own path, body and query included", async () => {
    const post = await fetch(`${base}/clusters/b/druid/coordinator/v1/rules/wiki?count=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[{"type":"loadForever"}]',
    });
    expect(await post.json()).toEqual({ router: 'b' });
    expect(routers.b.seen).toEqual([
      { method: 'POST', url: '/druid/coordinator/v1/rules/wiki?count=1', body: '[{"type":"loadForever"}]' },
    ]);
    expect(routers.a.seen).toEqual([]);
    expect(await (await fetch(`${base}/clusters/a/status/health`)).text()).toBe('true');
    expect(routers.a.seen.map((seen) => seen.url)).toEqual(['/status/health']);
  });

  it('sends an Authorization header only to the cluster it was sent to', async () => {
    const authorization = `Basic ${btoa('admin:secret')}`;
    await fetch(`${base}/clusters/a/druid/coordinator/v1/rules`, { headers: { authorization } });
    await fetch(`${base}/clusters/b/druid/coordinator/v1/rules`);
    expect(routers.a.seen.map((seen) => seen.authorization)).toEqual([authorization]);
    expect(routers.b.seen.map((seen) => seen.authorization)).toEqual([undefined]);
  });

  it('keeps the allowlist per cluster and answers 404 JSON for unknown names and unprefixed Druid paths', async () => {
    for (const path of [
      '/clusters/a/druid/v2/sql',
      '/clusters/a/local-cluster/coordinator/run',
      '/clusters/a//druid/coordinator/v1/rules',
      '/clusters/a/druid/coordinator/v1/%2e%2e/%2e%2e/status/properties',
      '/clusters/a/druid%2fcoordinator/v1/rules',
      '/clusters/c/druid/coordinator/v1/rules',
      '/clusters/a',
      '/druid/coordinator/v1/rules',
      '/status/health',
    ]) {
      const response = await fetch(`${base}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 404, 'application/json']);
    }
    expect(await (await fetch(`${base}/clusters/c/status`)).json()).toEqual({
      error: 'No cluster named "c" in this console.',
    });
    expect([...routers.a.seen, ...routers.b.seen]).toEqual([]);
  });

  it('moves the Basic challenge aside for the console, as with one cluster', async () => {
    const response = await fetch(`${base}/clusters/a/druid/coordinator/v1/rules`, {
      headers: { 'X-Druid-Console': '1' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBeNull();
    expect(response.headers.get('x-druid-authenticate')).toBe('Basic realm="druid"');
  });

  it('lists names, labels and colours for the browser, never a Router address', async () => {
    const text = await (await fetch(`${base}/console/clusters`)).text();
    expect(JSON.parse(text)).toEqual({
      clusters: [{ name: 'a', label: 'production', colour: '#b91c1c' }, { name: 'b' }],
    });
    expect(text).not.toContain('127.0.0.1');
  });

  it('reports readiness per cluster', async () => {
    const ready = await (await fetch(`${base}/console/ready`)).json();
    expect(ready.clusters.map(({ name, ready }: { name: string; ready: boolean }) => ({ name, ready }))).toEqual([
      { name: 'a', ready: true },
      { name: 'b', ready: true },
    ]);
    const one = await fetch(`${base}/console/ready?cluster=b`);
    expect(one.status).toBe(200);
    expect((await one.json()).clusters.map(({ name }: { name: string }) => name)).toEqual(['b']);
    expect((await fetch(`${base}/console/ready?cluster=c`)).status).toBe(404);
  });
});

describe('one cluster', () => {
  it("lists no named clusters, so the browser keeps Druid's own paths", async () => {
    const app = createServerApp({
      clusters: [
        { name: 'default', backend: { kind: 'router', target: new URL('http://127.0.0.1:1'), timeoutMs: 100 } },
      ],
      distDir: '/nonexistent',
    });
    expect(await (await app.request('/console/clusters')).json()).toEqual({ clusters: [] });
    expect(() => createServerApp({ clusters: [], distDir: '/nonexistent' })).toThrow();
  });
});
