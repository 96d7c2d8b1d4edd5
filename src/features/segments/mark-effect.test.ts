import { describe, expect, it } from 'vitest';
import { ETERNITY } from '../../druid/interval.ts';
import { effectOfPlan, planBulk, planLeavesNoUsedSegment } from './bulk-plan.ts';
import {
  effectOf,
  leavesNoUsedSegment,
  markedToast,
  markLabel,
  markQuestion,
  predicateLeavesNoUsedSegment,
} from './mark-effect.ts';
import { record, WIKI_START, wikipediaHour } from './test-records.ts';

const HOUR = 3_600_000;
const records = wikipediaHour({ 0: 'unused' });
const byId = new Map(records.map((r) => [r.id, r]));
const hours = (from: number, to: number) => records.slice(from, to + 1);

describe('the effect of a mark', () => {
  it('states count, time range and bytes on the confirm button, the datasource in the title', () => {
    const effect = effectOf('markUnused', 'wikipedia_hour', hours(2, 7));
    expect(effect).toMatchObject({ count: 6, bytes: 6027, unsized: 0, versions: ['2023-08-10T04:12:03.860Z'] });
    expect(markLabel(effect)).toBe('Mark 6 segments unused (2015-09-12 02:00–08:00, 6.0 KB)');
    expect(markQuestion(effect)).toBe('Mark 6 segments of wikipedia_hour unused?');
  });

  it('pluralizes one segment and says what it does not know', () => {
    const one = effectOf('markUsed', 'wikipedia_hour', [
      { start: WIKI_START, end: WIKI_START + HOUR, version: 'v', size: null },
    ]);
    expect(markLabel(one)).toBe('Mark 1 segment used (2015-09-12 00:00–01:00, size unknown)');
    const some = effectOf('markUsed', 'x', [
      ...hours(1, 2),
      { start: WIKI_START, end: WIKI_START + HOUR, version: 'v', size: null },
    ]);
    expect(markLabel(some)).toContain('at least 2.0 KB');
    expect(markLabel(effectOf('markUsed', 'x', []))).toBe('Mark 0 segments used');
  });

  it('names the time range in toasts, never a segment ID', () => {
    const one = effectOf('markUnused', 'wikipedia_hour', hours(2, 2));
    expect(markedToast(one)).toBe('2015-09-12 02:00–03:00 of wikipedia_hour marked unused');
    const six = effectOf('markUnused', 'wikipedia_hour', hours(2, 7));
    expect(markedToast(six, 5)).toBe('2015-09-12 02:00–08:00 of wikipedia_hour: 5 segments marked unused');
    expect(markedToast(six, null)).toContain('Druid accepted marking 6 segments unused');
  });

  it('counts what a plan changes: not what stays unused, unlisted IDs read from their ID', () => {
    const jan1 = Date.UTC(2024, 0, 1);
    const sales = [
      record('sales', jan1, jan1 + 24 * HOUR, { version: 'v2' }),
      record('sales', jan1, jan1 + 24 * HOUR, { version: 'v1', partition: 1, state: 'unused', size: 5 }),
      record('sales', jan1 + 24 * HOUR, jan1 + 48 * HOUR, { version: 'v1', state: 'unused', size: 7 }),
    ];
    const salesById = new Map(sales.map((r) => [r.id, r]));
    const gone = record('sales', jan1 + 48 * HOUR, jan1 + 72 * HOUR, { version: 'v3' }).id;
    const plan = planBulk('markUsed', [sales[1]?.id ?? '', sales[2]?.id ?? '', gone], salesById, sales);
    const effect = effectOfPlan(plan, 'sales', salesById);
    expect(effect).toMatchObject({ count: 2, bytes: 7, unsized: 1, versions: ['v1', 'v3'] });
    expect(effect.range).toEqual({ start: jan1 + 24 * HOUR, end: jan1 + 72 * HOUR });
  });
});

describe('reach: what asks for the datasource name', () => {
  it('is a mark unused that leaves no used segment', () => {
    expect(leavesNoUsedSegment('markUnused', 23, 23)).toBe(true);
    expect(leavesNoUsedSegment('markUnused', 22, 23)).toBe(false);
    expect(leavesNoUsedSegment('markUsed', 23, 0)).toBe(false);
    expect(leavesNoUsedSegment('markUnused', 0, 0)).toBe(false);
  });

  it('decides the same for a selection of every used segment, whatever else is selected', () => {
    const all = planBulk(
      'markUnused',
      records.map((r) => r.id),
      byId,
      records,
    );
    expect(planLeavesNoUsedSegment(all, records, 23)).toBe(true);
    const allButOne = planBulk(
      'markUnused',
      records.slice(2).map((r) => r.id),
      byId,
      records,
    );
    expect(planLeavesNoUsedSegment(allButOne, records, 23)).toBe(false);
    // A window holding 23 used segments of a datasource serving more: not the whole datasource.
    expect(planLeavesNoUsedSegment(all, records, 100)).toBe(false);
  });

  it('decides a predicate from the served summaries', () => {
    const served = [
      { start: WIKI_START, end: WIKI_START + HOUR, count: 3 },
      { start: WIKI_START + HOUR, end: WIKI_START + 2 * HOUR, count: 2 },
    ];
    expect(predicateLeavesNoUsedSegment('markUnused', ETERNITY, null, 5, served)).toBe(true);
    const firstHour = { start: WIKI_START, end: WIKI_START + HOUR };
    expect(predicateLeavesNoUsedSegment('markUnused', firstHour, null, 3, served)).toBe(false);
    expect(predicateLeavesNoUsedSegment('markUnused', ETERNITY, ['v1'], 4, served)).toBe(false);
    expect(predicateLeavesNoUsedSegment('markUnused', ETERNITY, ['v1'], 5, served)).toBe(true);
    expect(predicateLeavesNoUsedSegment('markUsed', ETERNITY, null, 5, served)).toBe(false);
    expect(predicateLeavesNoUsedSegment('markUnused', ETERNITY, null, 0, served)).toBe(false);
  });
});
