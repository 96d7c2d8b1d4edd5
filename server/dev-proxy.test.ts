import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm run dev`: Vite, with the repository's vite.config.ts, in front of a stand-in console server that answers
 * every request with its path, so what Vite forwards and what it serves itself can be told apart.
 */
const ROOT = new URL('..', import.meta.url).pathname;
let upstream: Server;
let vite: ViteDevServer;
let viteUrl: string;
let cacheDir: string;

beforeAll(async () => {
  upstream = createHttpServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ forwarded: request.url }));
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  process.env.DRUID_CONSOLE_SERVER = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  // Its own cache and no dependency scan: nothing is written under the shared node_modules/.vite.
  cacheDir = mkdtempSync(join(tmpdir(), 'druid-console-vite-'));
  vite = await createServer({
    root: ROOT,
    cacheDir,
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { port: 0, host: '127.0.0.1' },
  });
  await vite.listen();
  viteUrl = vite.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
});

afterAll(async () => {
  delete process.env.DRUID_CONSOLE_SERVER;
  await vite?.close();
  upstream?.close();
  if (cacheDir) rmSync(cacheDir, { recursive: true, force: true });
});

async function forwarded(path: string): Promise<string | null> {
  const response = await fetch(`${viteUrl}${path}`, { headers: { Accept: 'application/json' } });
  if (!response.headers.get('content-type')?.includes('application/json')) return null;
  return ((await response.json()) as { forwarded: string }).forwarded;
}

describe('the dev server', () => {
  it('forwards the Druid API, the clusters list, readiness and each cluster’s API to the console server', async () => {
    for (const path of [
      '/druid/coordinator/v1/metadata/datasources',
      '/status/health',
      '/console/clusters',
      '/console/ready?cluster=prod',
      '/clusters/prod/druid/coordinator/v1/rules',
    ]) {
      expect(await forwarded(path), path).toBe(path);
    }
  });

  it('serves the screens itself, those of a named cluster and the Cluster page included', async () => {
    for (const path of ['/segments', '/c/prod/segments', '/cluster']) {
      expect(await forwarded(path), path).toBeNull();
    }
  });
});
