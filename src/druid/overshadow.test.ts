import { describe, expect, it } from 'vitest';
import { findOvershadowed, type TimelineEntry } from './overshadow.ts';

const DAY = 86_400_000;
const entry = (id: string, startDay: number, endDay: number, version: string): TimelineEntry => ({
  id,
  start: startDay * DAY,
  end: endDay * DAY,
  version,
});

describe('findOvershadowed', () => {
  it('marks every partition of a lower version under a higher version of the same interval', () => {
    const result = findOvershadowed([entry('a0', 0, 1, 'v1'), entry('a1', 0, 1, 'v1'), entry('b', 0, 1, 'v2')]);
    expect([...result].sort()).toEqual(['a0', 'a1']);
  });

  it('needs the higher versions to cover the whole interval', () => {
    const partial = findOvershadowed([entry('month', 0, 30, 'v1'), entry('day', 3, 4, 'v2')]);
    expect(partial.size).toBe(0);
    const days = Array.from({ length: 30 }, (_, d) => entry(`d${d}`, d, d + 1, 'v2'));
    expect(findOvershadowed([entry('month', 0, 30, 'v1'), ...days])).toEqual(new Set(['month']));
  });

  it('lets a coarser higher version overshadow finer lower versions', () => {
    const result = findOvershadowed([entry('day', 3, 4, 'v1'), entry('month', 0, 30, 'v2')]);
    expect(result).toEqual(new Set(['day']));
  });

  it('compares versions as strings, as Druid does', () => {
    expect(findOvershadowed([entry('a', 0, 1, '2024-05-01'), entry('b', 0, 1, '2024-04-01')])).toEqual(new Set(['b']));
  });

  it('leaves neighbours and equal versions alone', () => {
    expect(findOvershadowed([entry('a', 0, 1, 'v1'), entry('b', 1, 2, 'v2'), entry('c', 0, 1, 'v1')]).size).toBe(0);
  });
});
