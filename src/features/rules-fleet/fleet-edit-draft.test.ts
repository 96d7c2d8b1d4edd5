import { describe, expect, it } from 'vitest';
import { draftToEdit, INITIAL_DRAFT } from './fleet-edit-draft.ts';

describe('draftToEdit', () => {
  it('reads each kind of edit from its fields', () => {
    expect(draftToEdit(INITIAL_DRAFT)).toMatchObject({
      ok: true,
      edit: { kind: 'prepend', rule: { type: 'loadByPeriod' } },
    });
    expect(draftToEdit({ ...INITIAL_DRAFT, kind: 'set', json: '[]' })).toEqual({
      ok: true,
      edit: { kind: 'set', rules: [] },
    });
    expect(draftToEdit({ ...INITIAL_DRAFT, kind: 'period', ruleType: 'dropByPeriod', period: ' P3M ' })).toEqual({
      ok: true,
      edit: { kind: 'period', ruleType: 'dropByPeriod', period: 'P3M' },
    });
    expect(draftToEdit({ ...INITIAL_DRAFT, kind: 'replicas', tier: 'hot', replicas: '0' })).toEqual({
      ok: true,
      edit: { kind: 'replicas', tier: 'hot', replicas: 0 },
    });
  });

  it('names the field and the problem', () => {
    expect(draftToEdit({ ...INITIAL_DRAFT, json: '{' })).toMatchObject({ ok: false, field: 'json' });
    expect(draftToEdit({ ...INITIAL_DRAFT, kind: 'set', json: '[{"type":"loadSometimes"}]' })).toMatchObject({
      ok: false,
      field: 'json',
      error: expect.stringContaining('unknown type'),
    });
    expect(draftToEdit({ ...INITIAL_DRAFT, kind: 'period', period: 'P1Q' })).toMatchObject({
      ok: false,
      field: 'period',
    });
    expect(draftToEdit({ ...INITIAL_DRAFT, kind: 'replicas', replicas: '1.5' })).toMatchObject({
      ok: false,
      field: 'replicas',
    });
  });
});
