import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { toAuditEntries } from '../../api/history.ts';
import { readRuleList } from '../../api/rules.ts';
import { rebuildRulesAsOf } from '../../api/rules-as-of.ts';
import { AsOfRowCard } from './as-of-row.tsx';

const P7D = [{ type: 'loadByPeriod', period: 'P7D', tieredReplicants: { _default_tier: 1 } }];
const P30D = [{ type: 'loadByPeriod', period: 'P30D', tieredReplicants: { _default_tier: 1 } }];
const entry = (key: string, auditTime: string, rules: unknown, comment: string) => ({
  key,
  auditInfo: { author: 'alice', comment },
  payload: JSON.stringify(rules),
  auditTime,
});

const [changed, unknown] = rebuildRulesAsOf({
  time: Date.parse('2026-11-20T10:00:00Z'),
  current: { a_wiki: readRuleList(P30D), b_new: readRuleList(P7D) },
  after: toAuditEntries([
    entry('a_wiki', '2026-11-21T00:00:00.000Z', P30D, 'one month'),
    entry('b_new', '2026-11-22T00:00:00.000Z', P7D, 'first rules'),
  ]),
  before: toAuditEntries([entry('a_wiki', '2026-11-19T08:00:00.000Z', P7D, 'one week')]),
});

describe('AsOfRowCard', () => {
  it('offers a changed datasource for selection and opens its version then as edits in the editor', () => {
    if (!changed) throw new Error('no row');
    render(<AsOfRowCard row={changed} selected={false} onSelect={() => {}} />);
    expect(screen.getByRole('checkbox', { name: 'Select a_wiki to restore' })).toBeTruthy();
    expect(screen.getByText(/Then: the version of 2026-11-19 08:00:00 UTC by alice \(“one week”\)/)).toBeTruthy();
    expect(screen.getByText(/Changed once since, last 2026-11-21 00:00:00 UTC by alice \(“one month”\)/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the rules of a_wiki then as edits' }).getAttribute('href')).toMatch(
      /\/rules\/a_wiki\?restore=2026-11-19T08%3A00%3A00\.000Z$/,
    );
  });

  it('shows an unknown datasource with the reason, and offers nothing to restore', () => {
    if (!unknown) throw new Error('no row');
    render(<AsOfRowCard row={unknown} selected={false} onSelect={() => {}} />);
    expect(screen.getByText('Unknown then')).toBeTruthy();
    expect(screen.getByText(/It either had no rules of its own, or a change whose audit entry/)).toBeTruthy();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('link', { name: /as edits/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'History of b_new' })).toBeTruthy();
  });
});
