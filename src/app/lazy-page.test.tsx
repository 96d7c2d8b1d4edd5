import { act, render, screen } from '@testing-library/react';
import { Suspense, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page.ts';

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
    });
    await expect(Page.preload()).rejects.toThrow('chunk failed');
    await Page.preload();
    render(withFallback(<Page label="Clicks" />));
    expect(screen.getByRole('button', { name: 'Clicks 0' })).toBeTruthy();
  });
});
