import { afterEach, describe, expect, it, vi } from 'vitest';
import { druidRequest } from './client.ts';
import { setClientTarget } from './client-target.ts';
import { clusterHref, clusterLocation, fetchConsoleClusters, isProduction, targetCluster } from './console-clusters.ts';
import { getCredentials, setCredentials } from './credentials.ts';

const clusters = [{ name: 'prod', label: 'production', colour: '#b91c1c' }, { name: 'staging' }];

afterEach(() => {
  for (const cluster of ['prod', 'staging', null]) {
    setClientTarget({ baseUrl: '', cluster });
    setCredentials(null);
  }
  vi.unstubAllGlobals();
});

describe('the cluster in the address', () => {
  it('reads /c/NAME/ and the view path after it', () => {
    expect(clusterLocation('/c/staging/segments/wiki', clusters)).toEqual({
      kind: 'cluster',
      cluster: { name: 'staging' },
      viewPath: '/segments/wiki',
    });
    expect(clusterLocation('/c/prod', clusters)).toMatchObject({ kind: 'cluster', viewPath: '/' });
  });

  it('asks which cluster for a one-cluster link or an unknown name, never guessing', () => {
    expect(clusterLocation('/segments/wiki', clusters)).toEqual({
      kind: 'choose',
      viewPath: '/segments/wiki',
      unknownName: null,
    });
    expect(clusterLocation('/c/qa/rules', clusters)).toEqual({ kind: 'choose', viewPath: '/rules', unknownName: 'qa' });
  });

  it('links the same view, query included, on another cluster', () => {
    expect(clusterHref('prod', '/segments/wiki', '?state=unused')).toBe('/c/prod/segments/wiki?state=unused');
    expect(clusterHref('prod', '/')).toBe('/c/prod');
  });

  it('singles out production by label or name', () => {
    expect(clusters.map(isProduction)).toEqual([true, false]);
    expect(isProduction({ name: 'prod' })).toBe(true);
    expect(isProduction({ name: 'products' })).toBe(false);
  });

  it('treats a server that lists no clusters, or answers HTML (Vite, nginx), as one cluster', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
    expect(await fetchConsoleClusters()).toEqual([]);
    vi.stubGlobal('fetch', async () => Response.json({ clusters }));
    expect(await fetchConsoleClusters()).toEqual(clusters);
  });
});

describe('requests of a named cluster', () => {
  it("go to /clusters/NAME/ with that cluster's credentials only", async () => {
    const fetchMock = vi.fn(async () => Response.json([]));
    vi.stubGlobal('fetch', fetchMock);
    const stored = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
      removeItem: (key: string) => stored.delete(key),
    });
    targetCluster('prod');
    setCredentials({ username: 'admin', password: 'secret' });
    await druidRequest('/druid/coordinator/v1/rules');
    targetCluster('staging');
    expect(getCredentials()).toBeNull();
    await druidRequest('/druid/coordinator/v1/rules');

    const sent = fetchMock.mock.calls.map((call) => {
      const [url, init] = call as unknown as [string, RequestInit];
      return [url, (init.headers as Record<string, string>).Authorization];
    });
    expect(sent).toEqual([
      ['/clusters/prod/druid/coordinator/v1/rules', `Basic ${btoa('admin:secret')}`],
      ['/clusters/staging/druid/coordinator/v1/rules', undefined],
    ]);
    expect([...stored.keys()]).toEqual(['druid-console.credentials.prod']);
  });
});
