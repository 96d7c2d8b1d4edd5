import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchDataSourceSummaries, mergeNames } from './datasources.ts';

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('fetchDataSourceSummaries', () => {
  it('lists datasources whose segments are all unused next to the served ones', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      if (url.includes('metadata')) return json(['wikipedia_hour', 'données_ventes_été', 'archived']);
      return json([
        {
          name: 'wikipedia_hour',
          properties: {
            tiers: {},
            segments: {
              count: 24,
              size: 1200,
              minTime: '2015-09-12T00:00:00.000Z',
              maxTime: '2015-09-13T00:00:00.000Z',
            },
          },
        },
        { name: 'données_ventes_été', properties: { segments: { count: 7, size: 70 } } },
      ]);
    });
    const summaries = await fetchDataSourceSummaries();
    expect(urls.sort()).toEqual([
      '/druid/coordinator/v1/datasources?simple',
      '/druid/coordinator/v1/metadata/datasources?includeUnused',
    ]);
    expect(summaries).toEqual([
      { name: 'archived', usedCount: 0, usedSize: 0, minTime: null, maxTime: null },
      { name: 'données_ventes_été', usedCount: 7, usedSize: 70, minTime: null, maxTime: null },
      {
        name: 'wikipedia_hour',
        usedCount: 24,
        usedSize: 1200,
        minTime: Date.UTC(2015, 8, 12),
        maxTime: Date.UTC(2015, 8, 13),
      },
    ]);
  });
});

describe('mergeNames', () => {
  it('adds served names the metadata store does not list yet (realtime-only), in order', () => {
    const served = new Map([
      ['b', 1],
      ['d', 1],
    ]);
    expect(mergeNames(['a', 'b', 'c'], served)).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeNames(['a', 'b', 'd'], served)).toEqual(['a', 'b', 'd']);
  });
});
