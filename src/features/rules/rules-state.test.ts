// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { computeEffectiveRetention } from '../../druid/effective-retention.ts';
import type { Rule } from '../../druid/rules.ts';
import { computeRetentionChange } from './retention-change.ts';
import { newRuleForm } from './rule-form-model.ts';
import { checkConflict, formFingerprint, rulesFingerprint, sameRules } from './rules-compare.ts';
import { clearDraft, draftKey, type RulesDraft, readDraft, writeDraft } from './rules-draft-storage.ts';

const load = (replicants: Record<string, number>): Rule => ({
  type: 'loadForever',
  tieredReplicants: replicants,
  useDefaultTierForNull: true,
});

describe('rule comparison and conflict detection', () => {
  it('ignores key order, tier order and the printed form of intervals', () => {
    expect(sameRules([load({ a: 1, b: 2 })], [load({ b: 2, a: 1 })])).toBe(true);
    expect(
      sameRules(
        [{ type: 'dropByInterval', interval: '2020-01-01/2022-02-01' }],
        [{ type: 'dropByInterval', interval: '2020-01-01T00:00:00.000Z/2022-02-01T00:00:00.000Z' }],
      ),
    ).toBe(true);
  });

  it('sees order, values and rules added or removed', () => {
    const a: Rule = { type: 'dropForever' };
    const b = load({ hot: 1 });
    expect(sameRules([a, b], [b, a])).toBe(false);
    expect(sameRules([b], [load({ hot: 2 })])).toBe(false);
    expect(sameRules([b], [b, a])).toBe(false);
  });

  it('matches form values against the rules they came from', () => {
    const form = newRuleForm('loadForever', 'hot');
    expect(formFingerprint([form])).toBe(rulesFingerprint([load({ hot: 2 })]));
  });

  it('reports a change made elsewhere, or an unreadable server list, as a conflict', () => {
    const base = [load({ _default_tier: 2 })];
    expect(checkConflict(base, { rules: [load({ _default_tier: 2 })], raw: [], error: null })).toEqual({
      kind: 'unchanged',
    });
    expect(checkConflict(base, { rules: [], raw: [], error: null })).toEqual({ kind: 'changed', server: [] });
    expect(checkConflict(base, { rules: [], raw: [{ type: 'x' }], error: 'Rule 1: unknown type' }).kind).toBe(
      'unreadable',
    );
  });
});

describe('draft storage', () => {
  const draft: RulesDraft = {
    version: 1,
    dataSource: 'données été',
    rules: [{ ...newRuleForm('loadByPeriod'), period: 'P1' }],
    baseRules: [{ type: 'loadForever' }],
    savedAt: 1_700_000_000_000,
    restoredFrom: null,
  };

  afterEach(() => localStorage.clear());

  it('keeps half-typed edits per datasource', () => {
    expect(writeDraft(draft)).toBe(true);
    expect(readDraft('données été')).toEqual(draft);
    expect(readDraft('other')).toBeNull();
    clearDraft('données été');
    expect(readDraft('données été')).toBeNull();
  });

  it('drops corrupt entries instead of failing', () => {
    localStorage.setItem(draftKey('x'), '{not json');
    expect(readDraft('x')).toBeNull();
    expect(localStorage.getItem(draftKey('x'))).toBeNull();
    localStorage.setItem(draftKey('y'), JSON.stringify({ ...draft, dataSource: 'y', rules: [{ type: 'nope' }] }));
    expect(readDraft('y')).toBeNull();
  });
});

describe('computeRetentionChange', () => {
  const hour = 3_600_000;
  const t0 = Date.UTC(2015, 8, 12);
  const segments = Array.from({ length: 24 }, (_, i) => ({
    start: t0 + i * hour,
    end: t0 + (i + 1) * hour,
    size: 100,
  }));
  const now = Date.UTC(2026, 0, 1);
  const defaults = [load({ _default_tier: 2 })];
  const retention = (rules: Rule[]) => computeEffectiveRetention({ rules, defaultRules: defaults, segments, now });
  const sizes = segments.map((s) => s.size);

  it('counts segments a new drop rule would drop, and the replicas it frees', () => {
    const saved = retention([]);
    const edited = retention([
      { type: 'dropByInterval', interval: '2015-09-12T00:00:00.000Z/2015-09-12T06:00:00.000Z' },
    ]);
    const change = computeRetentionChange(saved, edited, sizes);
    expect(change.newlyDropped).toEqual({ count: 6, bytes: 600 });
    expect(change.noLongerDropped).toEqual({ count: 0, bytes: 0 });
    expect(change.tiers).toEqual({ _default_tier: { replicas: -12, bytes: -1200 } });
    expect(change.changed.count).toBe(6);
  });

  it('counts replica changes per tier and undone drops', () => {
    const saved = retention([{ type: 'dropForever' }]);
    const edited = retention([load({ hot: 1 })]);
    const change = computeRetentionChange(saved, edited, sizes);
    expect(change.noLongerDropped.count).toBe(24);
    expect(change.tiers).toEqual({ hot: { replicas: 24, bytes: 2400 } });
    expect(computeRetentionChange(saved, saved, sizes).changed.count).toBe(0);
  });
});
