import { describe, expect, it } from 'vitest';
import type { Rule } from '../../druid/rules.ts';
import { addPick, type FleetRow, hasNoRules, namePattern, toggle, usesDefaults } from './fleet-selection.ts';

const period = { type: 'loadByPeriod', period: 'P1M', includeFuture: true } as unknown as Rule;
const forever = { type: 'dropForever' } as Rule;
const ROWS: FleetRow[] = [
  { name: 'wiki_hour', rules: [], error: null },
  { name: 'wiki_day', rules: [period], error: null },
  { name: 'kttm', rules: [period, forever], error: null },
  { name: 'broken', rules: [], error: 'Rule 1: unknown type' },
];

describe('fleet selection', () => {
  it('matches names by substring, or by * and ? over the whole name, ignoring case', () => {
    expect(ROWS.map((r) => r.name).filter(namePattern('WIKI'))).toEqual(['wiki_hour', 'wiki_day']);
    expect(ROWS.map((r) => r.name).filter(namePattern('*_day'))).toEqual(['wiki_day']);
    expect(ROWS.map((r) => r.name).filter(namePattern('k?tm'))).toEqual(['kttm']);
    expect(namePattern('a.b*')('axb1')).toBe(false);
  });

  it('tells datasources without rules from those that fall through to the defaults', () => {
    expect(ROWS.filter(hasNoRules).map((r) => r.name)).toEqual(['wiki_hour']);
    expect(ROWS.filter(usesDefaults).map((r) => r.name)).toEqual(['wiki_hour', 'wiki_day']);
  });

  it('adds quick picks within the pattern to the selection, never unreadable datasources', () => {
    const picked = addPick(new Set(['kttm']), ROWS, 'usesDefaults', 'wiki*');
    expect([...picked].sort()).toEqual(['kttm', 'wiki_day', 'wiki_hour']);
    expect([...addPick(new Set(), ROWS, 'matching', '')].sort()).toEqual(['kttm', 'wiki_day', 'wiki_hour']);
    expect([...addPick(new Set(), ROWS, 'noRules', '')]).toEqual(['wiki_hour']);
    expect([...toggle(toggle(new Set(['a']), 'b'), 'a')]).toEqual(['b']);
  });
});
