import { act, fireEvent, render, screen } from '@testing-library/react';
import { type ComponentType, Suspense, useState } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { describe, expect, it } from 'vitest';
import type { ChunkRecoveryEnvironment } from './chunk-recovery.ts';
import { lazyPage, retryFailedPages } from './lazy-page.ts';

/** A console server that does not answer: every failed chunk is reported at once, none retried. */
const serverDown: ChunkRecoveryEnvironment = {
  runningBuild: () => 'a',
  deployedBuild: () => Promise.reject(new TypeError('Failed to fetch')),
  refetchFailedStylesheets: async () => undefined,
  storage: { getItem: () => null, setItem: () => undefined },
  reload: () => undefined,
};

function Counter({ label }: { label: string }) {
  const [count, setCount] = useState(0);
  return (
    <button type="button" onClick={() => setCount(count + 1)}>
      {label} {count}
    </button>
  );
}

const withFallback = (node: React.ReactNode) => <Suspense fallback={<p>Loading…</p>}>{node}</Suspense>;

describe('lazyPage', () => {
  it('renders at once, without the Suspense fallback, once its chunk is preloaded', async () => {
    const Page = lazyPage(async () => Counter);
    await Page.preload();
    render(withFallback(<Page label="Clicks" />));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Clicks 0' })).toBeTruthy();
  });

  it('suspends until loaded when not preloaded, and keeps its state when re-rendered after loading', async () => {
    const Page = lazyPage(async () => Counter);
    const view = render(withFallback(<Page label="Clicks" />));
    expect(screen.getByText('Loading…')).toBeTruthy();
    const button = await screen.findByRole('button', { name: 'Clicks 0' });
    act(() => button.click());
    view.rerender(withFallback(<Page label="Taps" />));
    expect(screen.getByRole('button', { name: 'Taps 1' })).toBeTruthy();
  });

  it('tries again after a chunk failed to load', async () => {
    let attempts = 0;
    const Page = lazyPage(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk failed');
      return Counter;
    }, serverDown);
    await expect(Page.preload()).rejects.toThrow('Could not reach the console server');
    await Page.preload();
    render(withFallback(<Page label="Clicks" />));
    expect(screen.getByRole('button', { name: 'Clicks 0' })).toBeTruthy();
  });

  it('shows a failed chunk in the error boundary until it is reset, then loads it again', async () => {
    let attempts = 0;
    const Page = lazyPage<{ label: string }>(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Counter as ComponentType<{ label: string }>;
    }, serverDown);
    const Fallback = ({ error, resetErrorBoundary }: FallbackProps) => (
      <button type="button" onClick={resetErrorBoundary}>
        {(error as Error).message}
      </button>
    );
    render(
      <ErrorBoundary FallbackComponent={Fallback} onReset={retryFailedPages}>
        {withFallback(<Page label="Clicks" />)}
      </ErrorBoundary>,
    );
    const retry = await screen.findByRole('button', { name: 'Could not reach the console server' });
    expect(attempts).toBe(1); // React's re-render of the failed mount did not load again
    fireEvent.click(retry);
    expect(await screen.findByRole('button', { name: 'Clicks 0' })).toBeTruthy();
    expect(attempts).toBe(2);
  });
});
