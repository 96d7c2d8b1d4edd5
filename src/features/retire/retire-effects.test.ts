import { describe, expect, it } from 'vitest';
import type { UnusedCount } from '../../api/kill-count.ts';
import type { RetireFacts } from '../../api/retire-facts.ts';
import { retireChecks } from './check-step.tsx';
import { killEffect } from './kill-step.tsx';
import { markAllLabel } from './mark-step.tsx';

const DAY = 86_400_000;
const AUG_25 = Date.UTC(2019, 7, 25);

describe('the exact effect of each step', () => {
  it('names count, range and served bytes on the mark button', () => {
    const used = { count: 14, range: { start: AUG_25, end: AUG_25 + 14 * DAY } };
    expect(markAllLabel(used, 1_234_567)).toBe(
      'Mark 14 segments unused (2019-08-25T00:00:00.000Z to 2019-09-08T00:00:00.000Z, 1.2 MB served)',
    );
    expect(markAllLabel({ count: 1, range: null }, 0)).toBe('Mark 1 segment unused');
  });

  it('states what the kill deletes: count, bytes, range and versions', () => {
    const count = {
      count: 2,
      bytes: 2000,
      range: { start: AUG_25, end: AUG_25 + DAY },
      versionCount: 1,
    } as UnusedCount;
    expect(killEffect(count)).toBe(
      '2 unused segments (2.0 KB), from 2019-08-25T00:00:00.000Z to 2019-08-26T00:00:00.000Z, 1 version',
    );
  });

  it('checks each list Druid keeps, saying what is left where', () => {
    const facts = {
      inMetadata: false,
      inServed: true,
      ownRules: { rules: [], raw: [], error: null },
    } as unknown as RetireFacts;
    expect(retireChecks('kttm1', facts).map((check) => [check.gone, check.text])).toEqual([
      [true, 'Not in the metadata store (metadata/datasources?includeUnused).'],
      [false, 'Still in the served datasources (datasources): the Coordinator has not unloaded it yet.'],
      [true, 'No rules of its own (rules): Druid keeps only an empty list, which means the defaults.'],
    ]);
  });
});
