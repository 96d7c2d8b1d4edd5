import { describe, expect, it } from 'vitest';
import { observationFrom, observe, phaseOf, startChange, tierProgress } from './convergence-model.ts';

const SAVED = 1_000_000;
const at = (seconds: number) => SAVED + seconds * 1000;
const look = (seconds: number, toLoad: Record<string, number>, toDrop: Record<string, number> = {}) => ({
  at: at(seconds),
  toLoad,
  toDrop,
});

describe('following a rule change', () => {
  it('waits for the Coordinator, converges per tier, and ends with the time it took', () => {
    let change = startChange('wiki', '1 rule saved', SAVED);
    change = observe(change, look(2, { hot: 0 }), Number.POSITIVE_INFINITY);
    expect(phaseOf(change)).toBe('waiting');

    change = observe(change, look(4, { hot: 24 }, { _default_tier: 48 }), Number.POSITIVE_INFINITY);
    expect(phaseOf(change)).toBe('converging');
    change = observe(change, look(6, { hot: 12 }, { _default_tier: 12 }), Number.POSITIVE_INFINITY);
    expect(tierProgress(change)).toEqual([
      { tier: '_default_tier', toLoad: 0, loaded: 0, toDrop: 12, dropped: 36, fraction: 0.75 },
      { tier: 'hot', toLoad: 12, loaded: 12, toDrop: 0, dropped: 0, fraction: 0.5 },
    ]);

    change = observe(change, look(9, { hot: 0 }, { _default_tier: 0 }), Number.POSITIVE_INFINITY);
    expect(phaseOf(change)).toBe('applied');
    expect((change.finishedAt ?? 0) - change.savedAt).toBe(9000);
    expect(tierProgress(change).map((row) => row.fraction)).toEqual([1, 1]);
    // Later looks change nothing: the change is over.
    expect(observe(change, look(12, { hot: 5 }), 0)).toBe(change);
  });

  it('zero before anything was pending is done only once the settle time has passed', () => {
    let change = startChange('wiki', '1 rule saved', SAVED);
    change = observe(change, look(30, {}), 120_000);
    expect(phaseOf(change)).toBe('waiting');
    change = observe(change, look(121, {}), 120_000);
    expect(phaseOf(change)).toBe('nothing-to-move');
    expect(tierProgress(change)).toEqual([]);
  });

  it('a queue that grows raises the 100 % instead of going backwards past zero', () => {
    let change = startChange('wiki', '2 rules saved', SAVED);
    change = observe(change, look(1, { hot: 10 }), Number.POSITIVE_INFINITY);
    change = observe(change, look(2, { hot: 20 }), Number.POSITIVE_INFINITY);
    change = observe(change, look(3, { hot: 5 }), Number.POSITIVE_INFINITY);
    expect(tierProgress(change)[0]).toMatchObject({ loaded: 15, fraction: 0.75 });
  });
});

describe('observationFrom', () => {
  it('sums drops per tier from the servers of the load queue; loads come from loadstatus', () => {
    const servers = [
      { host: 'a:8083', tier: '_default_tier', type: 'historical', currSize: 0, maxSize: 1 },
      { host: 'b:8083', tier: '_default_tier', type: 'historical', currSize: 0, maxSize: 1 },
      { host: 'c:8083', tier: 'hot', type: 'historical', currSize: 0, maxSize: 1 },
    ];
    const queues = {
      'a:8083': { segmentsToLoad: 1, segmentsToDrop: 3 },
      'b:8083': { segmentsToLoad: 0, segmentsToDrop: 4 },
      'c:8083': { segmentsToLoad: 2, segmentsToDrop: 0 },
      'gone:8083': { segmentsToLoad: 0, segmentsToDrop: 9 },
    };
    expect(observationFrom(5, { unavailable: 0, missingReplicas: { hot: 2 } }, queues, servers)).toEqual({
      at: 5,
      toLoad: { hot: 2 },
      toDrop: { _default_tier: 7, hot: 0 },
    });
  });
});
