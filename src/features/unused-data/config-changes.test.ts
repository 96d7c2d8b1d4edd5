import { describe, expect, it } from 'vitest';
import { changedFields, diffKillConfig, fromForm, killConfigValues, MAX_INT, toForm } from './config-changes.ts';
import { diffConfigs } from './config-history-diff.ts';
import { protectDataSource, unprotectDataSource } from './whitelist-change.ts';

const current = killConfigValues({
  killDataSourceWhitelist: 'wiki, koalas',
  killTaskSlotRatio: 0.1,
  maxKillTaskSlots: MAX_INT,
  killPendingSegmentsSkipList: [],
});

describe('kill config form', () => {
  it('reads both whitelist forms Druid accepts and round-trips through the form', () => {
    expect(current.killDataSourceWhitelist).toEqual(['wiki', 'koalas']);
    expect(fromForm(toForm(current))).toEqual({ values: current });
    // "No cap" is an empty field, not 2147483647 to type.
    expect(toForm(current).maxSlots).toBe('');
  });

  it('refuses what is not a number and leaves ranges to Druid', () => {
    expect(fromForm({ ...toForm(current), ratio: 'half', maxSlots: '1.5' })).toEqual({
      error: { ratio: 'Enter a number, e.g. 0.1', maxSlots: 'Enter a whole number, or leave empty for no cap' },
    });
    expect(fromForm({ ...toForm(current), ratio: '1.5' })).toMatchObject({ values: { killTaskSlotRatio: 1.5 } });
  });

  it('diffs exactly the changed fields, lists as sets, and posts only those', () => {
    const read = fromForm({ ...toForm(current), whitelist: 'koalas\nwiki\nnew_one', ratio: '0.5' });
    if (!('values' in read)) throw new Error('invalid');
    expect(diffKillConfig(current, read.values)).toEqual([
      {
        field: 'killDataSourceWhitelist',
        before: 'wiki, koalas',
        after: 'koalas, wiki, new_one',
        added: ['new_one'],
        removed: [],
      },
      { field: 'killTaskSlotRatio', before: '0.1', after: '0.5' },
    ]);
    expect(changedFields(current, read.values)).toEqual({
      killDataSourceWhitelist: ['koalas', 'wiki', 'new_one'],
      killTaskSlotRatio: 0.5,
    });
  });

  it('says what an empty whitelist means', () => {
    const read = fromForm({ ...toForm(current), whitelist: '' });
    if (!('values' in read)) throw new Error('invalid');
    expect(diffKillConfig(current, read.values)[0]?.after).toBe('(empty: every datasource)');
  });
});

describe('config history diff', () => {
  it('parses nothing twice and compares lists as sets, other fields by value', () => {
    const before = { killDataSourceWhitelist: ['a', 'b'], killTaskSlotRatio: 0.1, pauseCoordination: false };
    const after = { killDataSourceWhitelist: 'b,a,c', killTaskSlotRatio: 0.1, pauseCoordination: true };
    expect(diffConfigs(before, after)).toEqual([
      { field: 'killDataSourceWhitelist', before: 'a, b', after: 'b, a, c', added: ['c'], removed: [] },
      { field: 'pauseCoordination', before: 'false', after: 'true' },
    ]);
    expect(diffConfigs(null, after)).toEqual([]);
  });
});

describe('protect from auto-kill', () => {
  const all = ['koalas', 'social_media', 'wiki'];

  it('turns an empty whitelist (every datasource) into all the others', () => {
    expect(protectDataSource([], 'wiki', all)).toEqual({
      next: ['koalas', 'social_media'],
      fromAll: true,
      becomesAll: false,
    });
  });

  it('removes the datasource from a list, and flags emptying it (which means every datasource)', () => {
    expect(protectDataSource(['wiki', 'koalas'], 'wiki', all)).toMatchObject({ next: ['koalas'], becomesAll: false });
    expect(protectDataSource(['wiki'], 'wiki', all)).toMatchObject({ next: [], becomesAll: true });
  });

  it('allows auto-kill again by adding it to a non-empty list', () => {
    expect(unprotectDataSource(['koalas'], 'wiki').next).toEqual(['koalas', 'wiki']);
    expect(unprotectDataSource([], 'wiki').next).toEqual([]);
  });
});
