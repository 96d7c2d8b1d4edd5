import { describe, expect, it } from 'vitest';
import type { UnusedCount } from '../../api/kill-count.ts';
import { countSoFar } from './kill-count-progress.tsx';

const empty: UnusedCount = {
  status: 'counting',
  count: 0,
  bytes: 0,
  range: null,
  versions: [],
  versionCount: 0,
  otherVersions: { count: 0, size: 0 },
  head: [],
  headCount: 0,
  tail: [],
  tailCount: 0,
  ignored: 0,
  pages: 0,
  elapsedMs: 0,
  error: null,
};

describe('countSoFar', () => {
  it('never shows a bare 0 while counting', () => {
    expect(countSoFar(empty)).toBe('no unused segment found so far');
  });

  it('marks every figure as partial, with the right plurals', () => {
    const one = { ...empty, count: 1, bytes: 1500, versionCount: 1 };
    expect(countSoFar(one)).toBe('1 unused segment (1.5 KB), 1 version so far');
    const range = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 2) };
    expect(countSoFar({ ...one, count: 3, versionCount: 2, range })).toBe(
      '3 unused segments (1.5 KB), from 2024-01-01 00:00 – 2024-01-02 00:00 UTC, 2 versions so far',
    );
  });
});
