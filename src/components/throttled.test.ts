import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttled } from './throttled.ts';

describe('throttled', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('delivers the first value at once and only the latest of a burst afterwards', () => {
    const seen: number[] = [];
    const progress = throttled((n: number) => seen.push(n), 100);
    progress.push(1);
    progress.push(2);
    progress.push(3);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(99);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([1, 3]);
  });

  it('delivers at once again once the interval has passed', () => {
    const seen: number[] = [];
    const progress = throttled((n: number) => seen.push(n), 100);
    progress.push(1);
    vi.advanceTimersByTime(150);
    progress.push(2);
    expect(seen).toEqual([1, 2]);
  });

  it('drops a waiting value when cancelled', () => {
    const seen: number[] = [];
    const progress = throttled((n: number) => seen.push(n), 100);
    progress.push(1);
    progress.push(2);
    progress.cancel();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([1]);
  });
});
