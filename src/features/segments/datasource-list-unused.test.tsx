import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { useDwell } from '../../components/data-table/row-dwell.ts';
import { DataSourceListContext, type DataSourceListShared } from './datasource-list-context.ts';
import { useRowUnused } from './datasource-list-unused.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useDwell', () => {
  it('is true at once for 0, and only after the delay otherwise', () => {
    vi.useFakeTimers();
    expect(renderHook(() => useDwell(0)).result.current).toBe(true);
    const waiting = renderHook(() => useDwell(120));
    expect(waiting.result.current).toBe(false);
    act(() => vi.advanceTimersByTime(119));
    expect(waiting.result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(waiting.result.current).toBe(true);
  });
});

function UnusedOf({ name }: { name: string }) {
  const { probe } = useRowUnused(name);
  return <p>{probe ? `${probe.count} unused` : 'counting…'}</p>;
}

describe('useRowUnused', () => {
  const shared: DataSourceListShared = {
    totals: undefined,
    totalsFailed: false,
    rules: undefined,
    rulesFailed: false,
    dwellMs: 0,
  };
  const wrap = (node: ReactNode) => (
    <QueryClientProvider client={createQueryClient()}>
      <DataSourceListContext.Provider value={shared}>{node}</DataSourceListContext.Provider>
    </QueryClientProvider>
  );

  it('aborts the request of a row that leaves the screen (TanStack aborts once the last observer is gone)', async () => {
    const signals: AbortSignal[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      if (init.signal) signals.push(init.signal);
      return new Promise(() => undefined);
    });
    const view = render(wrap(<UnusedOf name="ds" />));
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    expect(screen.getByText('counting…')).toBeTruthy();
    view.unmount();
    expect(signals[0]?.aborted).toBe(true);
  });

  it('does not ask before the row has stayed on screen for its dwell', async () => {
    vi.useFakeTimers();
    const fetchMock = vi.fn(() => new Promise<Response>(() => undefined));
    vi.stubGlobal('fetch', fetchMock);
    const flashing = render(
      <QueryClientProvider client={createQueryClient()}>
        <DataSourceListContext.Provider value={{ ...shared, dwellMs: 120 }}>
          <UnusedOf name="ds" />
        </DataSourceListContext.Provider>
      </QueryClientProvider>,
    );
    act(() => vi.advanceTimersByTime(100));
    flashing.unmount();
    act(() => vi.advanceTimersByTime(1000));
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
