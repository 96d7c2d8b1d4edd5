// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { RetireFacts } from '../../api/retire-facts.ts';
import { notedWith, type RetireNote, readRetireNote, writeRetireNote } from './retire-note.ts';
import { deriveRetireState } from './retire-steps.ts';

const LOAD = { type: 'loadForever', tieredReplicants: { _default_tier: 2 } };

/** A served datasource with rules of its own: nothing of the retirement done yet. */
function facts(overrides: Partial<RetireFacts> = {}): RetireFacts {
  return {
    inMetadata: true,
    inServed: true,
    served: { intervals: [], count: 14, size: 1400, range: { start: 0, end: 10 } },
    ownRules: { rules: [], raw: [LOAD], error: null },
    usedCount: 14,
    hasUnused: false,
    ...overrides,
  };
}
const NO_RULES = { rules: [], raw: [], error: null };
const note = (done: RetireNote['done']): RetireNote => ({ startedAt: 1, done, killTaskIds: [] });

describe('deriveRetireState', () => {
  it('starts with the rules, every later step waiting', () => {
    const state = deriveRetireState({ facts: facts(), note: null, killRunning: false });
    expect(state.current).toBe('rules');
    expect(state.steps).toEqual({ rules: 'current', mark: 'later', kill: 'later', check: 'later' });
    expect(state.unknown).toBe(false);
  });

  it('goes on at the first step Druid does not show done, whatever the note says', () => {
    const state = deriveRetireState({
      facts: facts({ ownRules: NO_RULES }),
      note: note(['rules', 'mark']),
      killRunning: false,
    });
    expect(state.current).toBe('mark');
    expect(state.steps.rules).toBe('done');
    // The note said "marked", Druid still serves 14 used segments: someone marked them used since.
    expect(state.undone).toEqual(['mark']);
  });

  it('names rules restored since this browser cleared them, and asks for them again first', () => {
    const state = deriveRetireState({
      facts: facts({ usedCount: 0, inServed: false, hasUnused: true }),
      note: note(['rules', 'mark']),
      killRunning: false,
    });
    expect(state.current).toBe('rules');
    expect(state.undone).toEqual(['rules']);
    expect(state.steps.mark).toBe('done');
  });

  it('kills once nothing is used, and offers no second kill while a task runs', () => {
    const left = facts({ ownRules: NO_RULES, usedCount: 0, inServed: false, hasUnused: true });
    expect(deriveRetireState({ facts: left, note: null, killRunning: false }).steps.kill).toBe('current');
    expect(deriveRetireState({ facts: left, note: null, killRunning: true }).steps.kill).toBe('running');
    // All unused segments gone but the task not yet reported done: still running, not done.
    const emptied = { ...left, hasUnused: false, inMetadata: false };
    expect(deriveRetireState({ facts: emptied, note: null, killRunning: true }).current).toBe('kill');
  });

  it('is not done killing while segments are still used, even with no unused one', () => {
    const state = deriveRetireState({
      facts: facts({ ownRules: NO_RULES, hasUnused: false }),
      note: null,
      killRunning: false,
    });
    expect(state.steps.kill).toBe('later');
  });

  it('checks every list last: retired when gone from the metadata store, the served list and with no rules', () => {
    const gone = facts({ ownRules: NO_RULES, usedCount: 0, inServed: false, inMetadata: false, hasUnused: false });
    const lingering = deriveRetireState({
      facts: { ...gone, inServed: true },
      note: note(['rules']),
      killRunning: false,
    });
    expect(lingering.current).toBe('check');
    const retired = deriveRetireState({ facts: gone, note: note(['rules', 'mark', 'kill']), killRunning: false });
    expect(retired.current).toBeNull();
    expect(retired.steps).toEqual({ rules: 'done', mark: 'done', kill: 'done', check: 'done' });
    expect(retired.unknown).toBe(false);
    // The same facts with no retirement noted: a name Druid does not know at all.
    expect(deriveRetireState({ facts: gone, note: null, killRunning: false }).unknown).toBe(true);
  });
});

describe('retire note', () => {
  beforeEach(() => localStorage.clear());

  it('records steps and kill tasks once each, and ignores a note it cannot read', () => {
    const first = notedWith(null, { done: 'rules' }, 5);
    const second = notedWith(notedWith(first, { killTaskId: 't1' }, 9), { done: 'rules', killTaskId: 't1' }, 9);
    expect(second).toEqual({ startedAt: 5, done: ['rules'], killTaskIds: ['t1'] });
    writeRetireNote('ds', second);
    expect(readRetireNote('ds')).toEqual(second);
    localStorage.setItem('druid-console:retire:ds', '{"startedAt":"yesterday"}');
    expect(readRetireNote('ds')).toBeNull();
  });
});
