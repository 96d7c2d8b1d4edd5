import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readRuleList } from '../../api/rules.ts';
import { RulesEditor } from './rules-editor.tsx';

const SAVED = [
  { type: 'loadByPeriod', period: 'P1M', includeFuture: true, tieredReplicants: { _default_tier: 2 } },
  { type: 'dropForever' },
];

function renderEditor(saved: unknown[] = SAVED) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <RulesEditor
        dataSource="wikipedia"
        saved={readRuleList(saved)}
        defaultRules={[{ type: 'loadForever', tieredReplicants: { _default_tier: 2 }, useDefaultTierForNull: true }]}
        tiers={['_default_tier']}
        segments={{ data: undefined, isPending: false, error: null, refetch: () => {} }}
        restore={null}
        draft={null}
      />
    </QueryClientProvider>,
  );
}

const cardOf = (position: number) => screen.getByRole('region', { name: `Rule ${position}` });
const toggleOf = (position: number) => screen.getByRole('button', { name: `Details of rule ${position}` });

afterEach(() => localStorage.clear());

// The whole editor in jsdom: well under a second idle, several seconds on a loaded machine.
describe('rule card disclosure', { timeout: 20_000 }, () => {
  it('loads cards collapsed to their summary line; Details shows and hides the fields', () => {
    renderEditor();
    expect(cardOf(1)).toHaveTextContent('P1M · _default_tier ×2 · future included');
    expect(toggleOf(1)).toHaveAttribute('aria-expanded', 'false');
    const period = within(cardOf(1)).getByLabelText('Period');
    expect(period).not.toBeVisible();
    fireEvent.click(toggleOf(1));
    expect(toggleOf(1)).toHaveAttribute('aria-expanded', 'true');
    expect(period).toBeVisible();
    // The summary follows the fields as they are typed.
    fireEvent.change(period, { target: { value: 'P3M' } });
    expect(cardOf(1)).toHaveTextContent('P3M · _default_tier ×2 · future included');
    fireEvent.click(toggleOf(1));
    expect(period).not.toBeVisible();
  });

  it('keeps a card with an error open, and marks it on its line', async () => {
    renderEditor();
    fireEvent.click(toggleOf(1));
    fireEvent.change(within(cardOf(1)).getByLabelText('Period'), { target: { value: 'P1X' } });
    expect(await within(cardOf(1)).findByText('errors')).toBeVisible();
    expect(toggleOf(1)).toBeDisabled();
    expect(toggleOf(1)).toHaveAttribute('aria-expanded', 'true');
    expect(within(cardOf(1)).getByLabelText('Period')).toBeVisible();
  });

  it('keeps a card with a lint open', () => {
    renderEditor([{ type: 'loadForever', tieredReplicants: { _default_tier: 2 } }, { type: 'dropForever' }]);
    expect(within(cardOf(2)).getByRole('list', { name: 'Warnings for rule 2' })).toBeVisible();
    expect(toggleOf(2)).toHaveAttribute('aria-expanded', 'true');
    expect(cardOf(2)).toHaveTextContent('1 warning');
  });

  it('stays open once its lint is fixed from inside it, not to hide the field in use', async () => {
    renderEditor([{ type: 'loadForever', tieredReplicants: { _default_tier: 0 } }]);
    expect(toggleOf(1)).toBeDisabled();
    const replicas = within(cardOf(1)).getByLabelText('Replicas');
    replicas.focus();
    fireEvent.change(replicas, { target: { value: '2' } });
    expect(await within(cardOf(1)).findByText('_default_tier ×2')).toBeVisible();
    expect(within(cardOf(1)).queryByRole('list', { name: 'Warnings for rule 1' })).toBeNull();
    expect(toggleOf(1)).toBeEnabled();
    expect(toggleOf(1)).toHaveAttribute('aria-expanded', 'true');
    expect(replicas).toBeVisible();
  });

  it('opens added and duplicated rules, to be filled in', async () => {
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(await screen.findByRole('region', { name: 'Rule 3' })).toBeVisible();
    expect(toggleOf(3)).toHaveAttribute('aria-expanded', 'true');
    fireEvent.click(screen.getByRole('button', { name: /^Actions\s*for rule 1/ }));
    fireEvent.click(within(cardOf(1)).getByRole('button', { name: 'Duplicate' }));
    expect(await screen.findByRole('region', { name: 'Rule 4' })).toBeVisible();
    expect(toggleOf(1)).toHaveAttribute('aria-expanded', 'false');
    expect(toggleOf(2)).toHaveAttribute('aria-expanded', 'true');
    expect(within(cardOf(2)).getByLabelText('Period')).toBeVisible();
  });

  it('opens the first rule added to an empty list', async () => {
    renderEditor([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    expect(await screen.findByRole('region', { name: 'Rule 1' })).toBeVisible();
    expect(toggleOf(1)).toHaveAttribute('aria-expanded', 'true');
  });
});
