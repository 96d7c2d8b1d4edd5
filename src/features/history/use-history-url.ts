import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import type { HistoryScope } from '../../api/history.ts';

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 100_000;

/** What the URL says the view shows: `?ds=&interval=&count=&entry=`. */
export interface HistoryUrlState {
  dataSource: string | null;
  mode: 'interval' | 'count';
  /** The interval as typed; null means Druid's default window (the last 7 days). */
  interval: string | null;
  count: number;
  entryId: string | null;
}

export function parseCount(text: string | null): number | null {
  if (text === null || !/^\d+$/.test(text.trim())) return null;
  const count = Number(text);
  return count >= 1 && count <= MAX_COUNT ? count : null;
}

export function readHistoryParams(params: URLSearchParams): HistoryUrlState {
  const interval = params.get('interval');
  const count = parseCount(params.get('count'));
  return {
    dataSource: params.get('ds') || null,
    // Druid ignores count when an interval is given; the URL follows the same precedence.
    mode: interval === null && count !== null ? 'count' : 'interval',
    interval: interval || null,
    count: count ?? DEFAULT_COUNT,
    entryId: params.get('entry') || null,
  };
}

/** The request for a state whose interval has been checked (null = not a valid interval: request nothing). */
export function scopeOf(state: HistoryUrlState, validInterval: string | null): HistoryScope | null {
  if (state.mode === 'count') return { dataSource: state.dataSource, mode: 'count', count: state.count };
  if (state.interval !== null && validInterval === null) return null;
  return { dataSource: state.dataSource, mode: 'interval', interval: validInterval };
}

export function writeHistoryParams(state: HistoryUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.dataSource !== null) params.set('ds', state.dataSource);
  if (state.mode === 'interval' && state.interval !== null) params.set('interval', state.interval);
  if (state.mode === 'count') params.set('count', String(state.count));
  if (state.entryId !== null) params.set('entry', state.entryId);
  return params;
}

export function historyHref(state: HistoryUrlState): string {
  const search = writeHistoryParams(state).toString();
  return search ? `/history?${search}` : '/history';
}

/** URL-held view state; `push` adds a history step (opening an entry), otherwise the URL is replaced. */
export function useHistoryUrl() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readHistoryParams(params), [params]);
  const update = useCallback(
    (change: Partial<HistoryUrlState>, options: { push?: boolean } = {}) =>
      setParams((previous) => writeHistoryParams({ ...readHistoryParams(previous), ...change }), {
        replace: !options.push,
      }),
    [setParams],
  );
  return [state, update] as const;
}
