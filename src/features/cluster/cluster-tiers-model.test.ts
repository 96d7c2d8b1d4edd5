import { describe, expect, it } from 'vitest';
import { tierRows, usedShare } from './cluster-tiers-model.ts';

describe('tierRows', () => {
  it('groups historicals by tier with their queues and sums them per tier', () => {
    const servers = [
      { host: 'b:8083', tier: '_default_tier', type: 'historical', currSize: 20, maxSize: 100 },
      { host: 'a:8083', tier: '_default_tier', type: 'historical', currSize: 10, maxSize: 100 },
      { host: 'c:8083', tier: 'hot', type: 'historical', currSize: 5, maxSize: 50 },
      { host: 'broker:8082', tier: '_default_tier', type: 'broker', currSize: 0, maxSize: 0 },
    ];
    const queues = {
      'a:8083': { segmentsToLoad: 0, segmentsToDrop: 3, segmentsToDropSize: 30 },
      'c:8083': { segmentsToLoad: 4, segmentsToDrop: 0, segmentsToLoadSize: 40 },
    };
    const rows = tierRows(servers, queues);
    expect(
      rows.map(({ tier, currSize, maxSize, toLoad, toDrop }) => [tier, currSize, maxSize, toLoad, toDrop]),
    ).toEqual([
      ['_default_tier', 30, 200, 0, 3],
      ['hot', 5, 50, 4, 0],
    ]);
    expect(rows[0]?.historicals.map((h) => [h.host, h.toDrop, h.toDropSize])).toEqual([
      ['a:8083', 3, 30],
      ['b:8083', 0, 0],
    ]);
  });

  it('shows how full a server is, or a dash without a capacity', () => {
    expect(usedShare(25, 100)).toBe('25 %');
    expect(usedShare(0, 0)).toBe('—');
  });
});
