import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../druid/rule-schemas.ts';
import { RuleList } from './rule-summary.tsx';
import { periodInWords, replicantsText, ruleOneLine, ruleSentence, ruleSummaryParts } from './rule-text.ts';

describe('rule wording', () => {
  it('spells periods out', () => {
    expect(periodInWords('P1M')).toBe('1 month');
    expect(periodInWords('P1Y2MT3H')).toBe('1 year 2 months 3 hours');
    expect(periodInWords('P1Q')).toBeNull();
  });

  it('describes each rule in one sentence', () => {
    expect(
      ruleSentence({
        type: 'loadByPeriod',
        period: 'P7D',
        includeFuture: false,
        tieredReplicants: { hot: 1, _default_tier: 2 },
        useDefaultTierForNull: true,
      }),
    ).toBe('Load the last 7 days (P7D), future data excluded; hot × 1, _default_tier × 2');
    expect(ruleSentence({ type: 'dropBeforeByPeriod', period: 'P1Y' })).toBe('Drop data older than 1 year (P1Y)');
    expect(ruleSentence({ type: 'dropByInterval', interval: '2020/2021' })).toBe('Drop segments within 2020/2021');
    expect(replicantsText({ hot: 0 })).toMatch(/deep storage only/);
  });
});

describe('one-line summaries', () => {
  it('says type, scope, tiers and future in one line', () => {
    expect(
      ruleOneLine({
        type: 'loadByPeriod',
        period: 'P1M',
        includeFuture: true,
        tieredReplicants: { _default_tier: 2 },
        useDefaultTierForNull: true,
      }),
    ).toBe('Load by period P1M · _default_tier ×2 · future included');
    expect(ruleOneLine({ type: 'dropBeforeByPeriod', period: 'P1Y' })).toBe('Drop before period older than P1Y');
    expect(ruleOneLine({ type: 'dropForever' })).toBe('Drop forever');
    expect(
      ruleOneLine({ type: 'broadcastByInterval', interval: '2015-09-12T02:00:00.000Z/2015-09-13T00:00:00.000Z' }),
    ).toBe('Broadcast by interval 2015-09-12 02:00 – 2015-09-13');
    expect(ruleOneLine({ type: 'loadForever', tieredReplicants: { hot: 0 }, useDefaultTierForNull: true })).toBe(
      'Load forever no replicas',
    );
  });

  it('shows half-typed values as typed', () => {
    expect(ruleSummaryParts({ type: 'dropByInterval', interval: '2015-13-01/x' })).toEqual(['2015-13-01/x']);
    expect(ruleSummaryParts({ type: 'dropByPeriod', period: ' ', includeFuture: false })).toEqual([
      'no period yet',
      'future excluded',
    ]);
    expect(
      ruleSummaryParts({
        type: 'loadForever',
        tiers: [
          ['', ''],
          ['hot', 'x'],
        ],
      }),
    ).toEqual(['no tier ×?, hot ×x']);
  });
});

describe('RuleList', () => {
  it('numbers rules and renders hostile values as text', () => {
    const rules: Rule[] = [
      { type: 'broadcastForever' },
      {
        type: 'loadForever',
        tieredReplicants: { '<img src=x onerror=alert(1)>': 1 },
        useDefaultTierForNull: true,
      },
    ];
    const { container } = render(<RuleList rules={rules} source="default" label="Default rules" />);
    const list = screen.getByRole('list', { name: 'Default rules' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('Default 1');
    expect(items[0]).toHaveTextContent('Broadcast');
    expect(items[1]).toHaveTextContent('<img src=x onerror=alert(1)> × 1');
    expect(container.querySelector('img')).toBeNull();
  });

  it('says when there are no rules', () => {
    render(<RuleList rules={[]} emptyText="Cluster defaults apply." />);
    expect(screen.getByText('Cluster defaults apply.')).toBeVisible();
  });
});
