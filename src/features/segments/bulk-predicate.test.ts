import { describe, expect, it } from 'vitest';
import { ETERNITY } from '../../druid/interval.ts';
import { planPredicate } from './bulk-predicate.ts';
import { EMPTY_FILTERS, type SegmentFilters } from './segment-filters.ts';

const filters = (change: Partial<SegmentFilters>): SegmentFilters => ({ ...EMPTY_FILTERS, ...change });
const DAY = { start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 0, 2) };

describe('planPredicate', () => {
  it('is all time and every version without filters', () => {
    expect(planPredicate('markUnused', EMPTY_FILTERS)).toEqual({
      ok: true,
      predicate: { action: 'markUnused', interval: ETERNITY, versions: null },
    });
  });

  it('is {interval, versions} for a fully-inside interval and one version', () => {
    const plan = planPredicate(
      'markUsed',
      filters({ interval: '2024-01-01/2024-01-02', match: 'contained', version: 'v2', states: ['unused'] }),
    );
    expect(plan).toEqual({ ok: true, predicate: { action: 'markUsed', interval: DAY, versions: ['v2'] } });
  });

  it('refuses an overlapping interval: Druid marks only segments fully inside', () => {
    const plan = planPredicate('markUnused', filters({ interval: '2024-01-01/2024-01-02', match: 'overlap' }));
    expect(plan).toMatchObject({ ok: false, reason: expect.stringContaining('fully inside') });
  });

  it('refuses what no predicate expresses: an ID text, used without overshadowed', () => {
    expect(planPredicate('markUnused', filters({ idText: 'T05' })).ok).toBe(false);
    expect(planPredicate('markUnused', filters({ states: ['used'] }))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('overshadowed'),
    });
    expect(planPredicate('markUnused', filters({ states: ['used', 'overshadowed'] })).ok).toBe(true);
  });

  it('refuses an action the state filter leaves nothing to do for', () => {
    expect(planPredicate('markUnused', filters({ states: ['unused'] })).ok).toBe(false);
    expect(planPredicate('markUsed', filters({ states: ['used', 'overshadowed'] })).ok).toBe(false);
    // Used segments selected along with unused ones are already used: markUsed changes exactly the unused ones.
    expect(planPredicate('markUsed', filters({ states: ['used', 'unused'] })).ok).toBe(true);
  });

  it('refuses an interval filter that does not parse', () => {
    expect(planPredicate('markUnused', filters({ interval: 'yesterday-ish', match: 'contained' })).ok).toBe(false);
  });
});
