import { describe, expect, it } from 'vitest';
import { type Answer, decideExistence, type ExistenceAnswers } from './datasource-existence.ts';
import { readRuleList } from './rules.ts';

const ok = <T>(value: T): Answer<T> => ({ status: 'ok', value });
const pending = { status: 'pending' } as const;
const NAMES = ['sales_events', 'social_media', 'wikipedia_hour'];
const LOAD = [{ type: 'loadForever', tieredReplicants: { _default_tier: 1 } }];

function answers(overrides: Partial<ExistenceAnswers> = {}): ExistenceAnswers {
  return { names: ok(NAMES), ownRules: ok(readRuleList([])), served: ok(new Set<string>()), ...overrides };
}

describe('decideExistence', () => {
  it('finds a name of the metadata store without asking anything else', () => {
    expect(decideExistence('social_media', answers({ ownRules: pending, served: pending }))).toEqual({
      state: 'exists',
    });
  });

  it('waits for the names, and does not decide when they failed', () => {
    expect(decideExistence('social_media', answers({ names: pending }))).toEqual({ state: 'checking' });
    const error = new Error('HTTP 500');
    expect(decideExistence('social_media', answers({ names: { status: 'error', error } }))).toEqual({
      state: 'unknown',
      error,
    });
  });

  it('tells a name with rules but no segments from a missing one', () => {
    expect(decideExistence('future_ds', answers({ ownRules: ok(readRuleList(LOAD)), served: pending }))).toEqual({
      state: 'rules-only',
    });
    // Rules this console cannot parse are still rules of its own.
    expect(decideExistence('future_ds', answers({ ownRules: ok(readRuleList([{ type: 'fromTheFuture' }])) }))).toEqual({
      state: 'rules-only',
    });
  });

  it('does not count an emptied rule list (the defaults apply) as rules', () => {
    expect(decideExistence('wikipedia_hours', answers())).toEqual({
      state: 'missing',
      suggestions: ['wikipedia_hour'],
    });
  });

  it('waits for the rules, then for the served names, before calling a name missing', () => {
    expect(decideExistence('realtime_only', answers({ ownRules: pending }))).toEqual({ state: 'checking' });
    expect(decideExistence('realtime_only', answers({ served: pending }))).toEqual({ state: 'checking' });
    expect(decideExistence('realtime_only', answers({ served: ok(new Set(['realtime_only'])) }))).toEqual({
      state: 'exists',
    });
  });

  it('suggests from the stored and the served names', () => {
    expect(decideExistence('realtime_onyl', answers({ served: ok(new Set(['realtime_only'])) }))).toEqual({
      state: 'missing',
      suggestions: ['realtime_only'],
    });
    expect(decideExistence('orders', answers())).toEqual({ state: 'missing', suggestions: [] });
  });
});
