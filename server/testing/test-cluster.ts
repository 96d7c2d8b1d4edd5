import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createBasicAuth } from '../cluster/auth/basic-auth.ts';
import type { AuthConfig } from '../cluster/auth/permissions.ts';
import type { ClusterConfig, ClusterContext } from '../cluster/context.ts';
import { openLocalCluster } from '../cluster/local-cluster.ts';
import { runtimePropertiesFrom } from '../cluster/properties/runtime-properties.ts';
import { DEFAULT_TIERS } from '../cluster/topology.ts';

export interface TestCluster {
  baseUrl: string;
  dataDir: string;
  ctx: ClusterContext;
  /** Shorthand for fetch(baseUrl + path). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Stops the server and closes the store; keeps the data directory when `keepData` (restart tests). */
  stop(options?: { keepData?: boolean }): Promise<void>;
}

export interface TestClusterOptions {
  seed?: 'demo' | 'none';
  dataDir?: string;
  config?: Partial<ClusterConfig>;
  generate?: Array<{ dataSource: string; count: number }>;
  auth?: AuthConfig;
  now?: () => number;
  /** A runtime.properties as key/value pairs, as `--properties` would give it. */
  properties?: Record<string, string>;
}

/** A real local cluster over real HTTP on a free port, with its own data directory, for API tests. */
export async function startTestCluster(options: TestClusterOptions = {}): Promise<TestCluster> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'druid-console-api-'));
  const auth = options.auth ? createBasicAuth(options.auth) : null;
  const cluster = openLocalCluster({
    config: {
      dataDir,
      version: '33.0.0-test',
      taskDurationMs: 50,
      coordinatorPeriodMs: 0,
      tiers: DEFAULT_TIERS,
      runtime: options.properties
        ? runtimePropertiesFrom(new Map(Object.entries(options.properties)), 'test.properties')
        : undefined,
      ...options.config,
    },
    seed: options.seed ?? 'demo',
    generate: options.generate,
    identity: auth?.identity,
    now: options.now,
  });
  const app = auth ? auth.wrap(cluster.app) : cluster.app;
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    dataDir,
    ctx: cluster.ctx,
    fetch: (path, init) => fetch(`${baseUrl}${path}`, init),
    stop: async ({ keepData = false } = {}) => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      cluster.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
