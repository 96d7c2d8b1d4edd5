import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadinessCheck, type Readiness } from './readiness.ts';
import { type ConsoleCluster, createServerApp, readinessTarget } from './server-app.ts';

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A stand-in Router whose /status/health answers as told; `silent` never answers. */
async function fakeRouter(health: { status: number } | 'silent'): Promise<string> {
  const server = createServer((request, response) => {
    if (request.url !== '/status/health' || health === 'silent') return;
    response.writeHead(health.status, { 'content-type': 'application/json' }).end('true');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: one we just closed. */
async function closedPort(): Promise<string> {
  const url = await fakeRouter({ status: 200 });
  const server = servers.pop() as Server;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

function routerCluster(url: string): ConsoleCluster {
  return { name: 'production', backend: { kind: 'router', target: new URL(url), timeoutMs: 60_000 } };
}

async function ready(clusters: ConsoleCluster[], timeoutMs = 2_000) {
  const readiness = createReadinessCheck(
    clusters.map((cluster) => readinessTarget(cluster, timeoutMs)),
    timeoutMs,
  );
  const app = createServerApp({ clusters, distDir: '/nonexistent', readiness });
  const response = await app.request('/console/ready');
  return { response, body: (await response.json()) as Readiness, readiness, app };
}

describe('GET /console/ready', () => {
  it('answers 200 when the Router answers its health check', async () => {
    const { response, body } = await ready([routerCluster(await fakeRouter({ status: 200 }))]);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(body).toMatchObject({ ready: true, draining: false, clusters: [{ name: 'production', ready: true }] });
  });

  it('answers 503, naming the cluster and why, when the Router fails, is down or is silent', async () => {
    const failing = await ready([routerCluster(await fakeRouter({ status: 500 }))]);
    expect(failing.response.status).toBe(503);
    expect(failing.body.clusters[0]).toMatchObject({ name: 'production', ready: false, status: 500 });

    const down = await closedPort();
    const unreachable = await ready([routerCluster(down)]);
    expect(unreachable.response.status).toBe(503);
    expect(unreachable.body.clusters[0]).toMatchObject({ ready: false, status: 502 });
    // Load balancers and whoever reaches the console may read this: the Router's address stays internal.
    expect(JSON.stringify(unreachable.body)).not.toContain(new URL(down).host);

    const silent = await ready([routerCluster(await fakeRouter('silent'))], 200);
    expect(silent.response.status).toBe(503);
    expect(silent.body.clusters[0]).toMatchObject({ ready: false });
    expect(silent.body.clusters[0]?.error).toMatch(/HTTP 504|no answer within 0.2 s/);
  });

  it('asks the local cluster in process', async () => {
    const local = new Hono();
    local.get('/status/health', (c) => c.json(true));
    const { response, body } = await ready([{ name: 'local', backend: { kind: 'local', app: local } }]);
    expect(response.status).toBe(200);
    expect(body.clusters).toMatchObject([{ name: 'local', ready: true, status: 200 }]);
  });

  it('answers 503 once the server is draining, even with a healthy Router', async () => {
    const { readiness, app } = await ready([routerCluster(await fakeRouter({ status: 200 }))]);
    readiness.drain();
    const response = await app.request('/console/ready');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ready: false, draining: true, clusters: [{ ready: true }] });
  });

  it('gives up on a health check that takes longer than its timeout', async () => {
    const never = { name: 'stuck', health: () => new Promise<Response>(() => {}) };
    const result = await createReadinessCheck([never], 50).check();
    expect(result).toMatchObject({ ready: false, clusters: [{ name: 'stuck', ready: false }] });
    expect(result.clusters[0]?.error).toBe('no answer within 0.05 s');
  });
});
