import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from '../testing/test-cluster.ts';
import { COORDINATOR, call, getJson, METADATA, OVERLORD } from './api-helpers.ts';

// Cross-cutting HTTP behaviour: unknown paths, standard headers, no CORS (druid-api.md §1.6, §7.4).
let cluster: TestCluster;
beforeAll(async () => {
  cluster = await startTestCluster();
});
afterAll(() => cluster.stop());

describe('unknown paths', () => {
  it.each([
    ['GET', '/nope'],
    ['GET', '/druid/coordinator/v1/nope'],
    ['GET', '/druid/indexer/v1/nope'],
    ['GET', `${METADATA}/datasources/kttm1/nope`],
    ['POST', '/druid/indexer/v1/nope/markUnused'],
  ])('%s %s: 404', async (method, path) => {
    const response = await call(cluster, method, path);
    expect(response.status).toBe(404);
  });
});

describe('standard response headers', () => {
  it.each([
    ['a listing', `${METADATA}/datasources`],
    ['a 204', `${COORDINATOR}/nowhere`],
    ['a 404', `${METADATA}/datasources/nowhere/segments`],
    ['an error', `${METADATA}/datasources/kttm1/unusedSegments?limit=-1`],
    ['status', '/status'],
  ])('GET %s carries Cache-Control no-store and frame-ancestors none', async (_label, path) => {
    const response = await call(cluster, 'GET', path);
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, max-age=0');
    expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });

  it('DELETE responses carry them too, POST responses do not (as StandardResponseHeaderFilterHolder)', async () => {
    const deleted = await call(cluster, 'DELETE', `${OVERLORD}/nowhere`);
    expect(deleted.headers.get('cache-control')).toBe('no-cache, no-store, max-age=0');
    const posted = await call(cluster, 'POST', `${OVERLORD}/nowhere`);
    expect(posted.headers.get('cache-control')).toBeNull();
  });

  it('JSON responses say so', async () => {
    const response = await call(cluster, 'GET', '/druid/coordinator/v1/rules');
    expect(response.headers.get('content-type')).toContain('application/json');
  });
});

describe('no CORS, as core Druid', () => {
  it('sends no Access-Control-* header on a cross-origin GET', async () => {
    const response = await call(cluster, 'GET', `${METADATA}/datasources`, {
      headers: { Origin: 'https://evil.example' },
    });
    expect(response.status).toBe(200);
    const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
    expect(cors).toEqual([]);
  });

  it('does not answer a preflight with permission', async () => {
    const response = await call(cluster, 'OPTIONS', `${OVERLORD}/kttm1/markUnused`, {
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
  });
});

describe('status', () => {
  it('GET /status reports the version and memory', async () => {
    const status = await getJson<{ version: string; modules: unknown[]; memory: Record<string, number> }>(
      cluster,
      '/status',
    );
    expect(status.version).toBe('33.0.0-test');
    expect(status.modules).toEqual([]);
    expect(Object.keys(status.memory).sort()).toEqual(
      ['directMemory', 'freeMemory', 'maxMemory', 'totalMemory', 'usedMemory'].sort(),
    );
  });

  it('GET /status/health is the JSON literal true', async () => {
    const response = await call(cluster, 'GET', '/status/health');
    expect(response.text).toBe('true');
  });
});
