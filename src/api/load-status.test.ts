import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchLoadStatus } from './load-status.ts';
import { tierNamesOf } from './tiers.ts';

/** Answers each request with the next of `answers` (status, body), and records the URLs asked. */
function answer(...answers: Array<[number, string]>) {
  const urls: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const [status, body] = answers.shift() ?? [500, ''];
      return new Response(status === 204 ? null : body, {
        status,
        headers: body.startsWith('{') ? { 'content-type': 'application/json' } : {},
      });
    }),
  );
  return urls;
}

afterEach(() => vi.unstubAllGlobals());

describe('fetchLoadStatus', () => {
  it('reads the unavailable count, then the missing replicas per tier, over all time', async () => {
    const urls = answer([200, '{"wiki":3}'], [200, '{"hot":{"wiki":24},"_default_tier":{"wiki":0}}']);
    expect(await fetchLoadStatus('wiki')).toEqual({ unavailable: 3, missingReplicas: { hot: 24, _default_tier: 0 } });
    expect(urls[0]).toMatch(/^\/druid\/coordinator\/v1\/datasources\/wiki\/loadstatus\?forceMetadataRefresh=false/);
    expect(urls[0]).toContain('&simple');
    expect(urls[1]).toContain('&full');
  });

  it('a 204 (no used segment left) is nothing missing, without asking for the tiers', async () => {
    const urls = answer([204, '']);
    expect(await fetchLoadStatus('gone')).toEqual({ unavailable: 0, missingReplicas: {} });
    expect(urls).toHaveLength(1);
  });

  it("full's 500 when no rule loads anything is no tier needing replicas", async () => {
    answer([200, '{"wiki":0}'], [500, 'Coordinator segment replicant lookup is not initialized yet. Try again later.']);
    expect(await fetchLoadStatus('wiki')).toEqual({ unavailable: 0, missingReplicas: {} });
  });

  it('the cluster defaults are followed over every datasource: the cluster loadstatus, summed', async () => {
    const urls = answer([200, '{"a":1,"b":2}'], [200, '{"hot":{"a":4,"b":5},"_default_tier":{"a":0}}']);
    expect(await fetchLoadStatus('_default')).toEqual({
      unavailable: 3,
      missingReplicas: { hot: 9, _default_tier: 0 },
    });
    expect(urls).toEqual(['/druid/coordinator/v1/loadstatus?simple', '/druid/coordinator/v1/loadstatus?full']);
  });
});

describe('tierNamesOf', () => {
  it('takes the tiers of historicals only, sorted and once each', () => {
    const server = { currSize: 0, maxSize: 1 };
    const servers = [
      { host: 'h1', tier: 'hot', type: 'historical', ...server },
      { host: 'h2', tier: '_default_tier', type: 'historical', ...server },
      { host: 'h3', tier: 'hot', type: 'historical', ...server },
      { host: 'b1', tier: '_default_tier', type: 'broker', ...server },
      { host: 't1', tier: 'tasks', type: 'indexer-executor', ...server },
    ];
    expect(tierNamesOf(servers)).toEqual(['_default_tier', 'hot']);
  });
});
