import { describe, expect, it } from 'vitest';
import type { ImportImpact, ImportImpactEntry } from '../../api/rules-import-impact.ts';
import type { PlanEntry } from '../../api/rules-import-plan.ts';
import type { RetentionChange } from '../../druid/retention-change.ts';
import { confirmationWord } from './apply-import-dialog.tsx';

const entry = (name: string) => ({ name }) as PlanEntry;
const zero = { count: 0, bytes: 0 };
const dropping = (name: string, count: number): ImportImpactEntry => {
  const change: RetentionChange = {
    newlyDropped: { count, bytes: count },
    noLongerDropped: zero,
    newlyBroadcast: zero,
    noLongerBroadcast: zero,
    changed: { count, bytes: count },
    tiers: {},
  };
  return { name, segments: count, bytes: count, change, inFile: true };
};
const impact = (...entries: ImportImpactEntry[]): ImportImpact => ({ entries, unknown: [] });

describe('confirmationWord', () => {
  it('asks for nothing when no selected change drops served data or touches _default', () => {
    expect(confirmationWord([entry('a')], impact(dropping('b', 3)))).toBeUndefined();
  });
  it('asks for the one datasource losing data, a count for several, and _default above all', () => {
    expect(confirmationWord([entry('a'), entry('b')], impact(dropping('b', 3)))).toBe('b');
    expect(confirmationWord([entry('a'), entry('b')], impact(dropping('a', 1), dropping('b', 3)))).toBe(
      '2 datasources',
    );
    expect(confirmationWord([entry('a'), entry('_default')], impact(dropping('a', 1)))).toBe('_default');
  });
});
