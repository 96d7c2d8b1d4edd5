import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchUsedTotals, readUsedTotals } from './used-totals.ts';

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('fetchUsedTotals', () => {
  it('reads every served datasource from one datasources?simple request', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return json([
        { name: 'a', properties: { tiers: {}, segments: { count: 2, size: 20, minTime: '2015-09-12T00:00:00.000Z' } } },
        { name: 'b', properties: {} },
        { name: 'c' },
      ]);
    });
    const totals = await fetchUsedTotals();
    expect(urls).toEqual(['/druid/coordinator/v1/datasources?simple']);
    expect([...totals]).toEqual([
      ['a', { count: 2, size: 20, minTime: Date.UTC(2015, 8, 12), maxTime: null }],
      ['b', { count: 0, size: 0, minTime: null, maxTime: null }],
      ['c', { count: 0, size: 0, minTime: null, maxTime: null }],
    ]);
  });

  it('fails with a message naming the field of a malformed answer', async () => {
    vi.stubGlobal('fetch', async () => json([{ name: 'a' }, { name: 'b', properties: { segments: { count: '2' } } }]));
    await expect(fetchUsedTotals()).rejects.toMatchObject({
      kind: 'invalid-response',
      message:
        'Unexpected response from /druid/coordinator/v1/datasources at 1.properties.segments.count: expected a number.',
    });
  });
});

describe('readUsedTotals', () => {
  it('reads an empty answer as no datasources and refuses what is not a list of named entries', () => {
    expect(readUsedTotals(null)).toEqual(new Map());
    expect(readUsedTotals({})).toBe('expected a list of datasources');
    expect(readUsedTotals([{ name: 7 }])).toBe('at 0.name: expected a string');
    expect(readUsedTotals([{ name: 'a', properties: { segments: [] } }])).toBe(
      'at 0.properties.segments: expected an object',
    );
  });

  it('reads 10,000 datasources', () => {
    const served = Array.from({ length: 10_000 }, (_, i) => ({
      name: `fleet_${i}`,
      properties: { segments: { count: 300, size: 1e9, minTime: '2023-12-30T11:00:00.000Z', maxTime: '2024-01-01' } },
    }));
    const totals = readUsedTotals(served);
    expect(typeof totals === 'string' ? totals : totals.size).toBe(10_000);
  });
});
