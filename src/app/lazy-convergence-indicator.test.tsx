import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackRuleChange } from '../components/convergence/convergence-store.ts';
import { LazyConvergenceIndicator } from './lazy-convergence-indicator.tsx';

const renderInShell = () =>
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <LazyConvergenceIndicator />
    </QueryClientProvider>,
  );

describe('LazyConvergenceIndicator', () => {
  // The indicator polls Druid once it is there; these tests only look at the header.
  beforeEach(() => vi.stubGlobal('fetch', () => new Promise<never>(() => undefined)));
  afterEach(() => vi.unstubAllGlobals());

  it('renders nothing while no rule change is tracked', async () => {
    const { container } = renderInShell();
    await act(async () => undefined);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows a change tracked before the shell mounted (as after a reload, from sessionStorage)', async () => {
    trackRuleChange('wikipedia', 'move to hot');
    renderInShell();
    expect(await screen.findByRole('button', { name: '1 rule change converging' })).toBeInTheDocument();
  });

  it('appears when a change is tracked later', async () => {
    renderInShell();
    act(() => trackRuleChange('wikipedia', 'move to hot'));
    expect(await screen.findByRole('button', { name: '1 rule change converging' })).toBeInTheDocument();
  });
});
