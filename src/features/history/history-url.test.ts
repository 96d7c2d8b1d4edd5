import { describe, expect, it } from 'vitest';
import { historyHref, readHistoryParams, scopeOf } from './use-history-url.ts';

const read = (search: string) => readHistoryParams(new URLSearchParams(search));

describe('history URL state', () => {
  it('defaults to Druid’s window (no interval sent) over all datasources', () => {
    const state = read('');
    expect(state).toEqual({ dataSource: null, mode: 'interval', interval: null, count: 50, entryId: null });
    expect(scopeOf(state, null)).toEqual({ dataSource: null, mode: 'interval', interval: null });
  });

  it('lets an interval win over a count, as Druid does', () => {
    expect(read('interval=2023-07-13/2023-07-19&count=5').mode).toBe('interval');
    expect(read('count=5')).toMatchObject({ mode: 'count', count: 5 });
    expect(read('count=0').mode).toBe('interval');
    expect(read('count=abc').mode).toBe('interval');
  });

  it('requests nothing for an interval that is not valid', () => {
    const state = read('interval=2023-07-19/2023-07-13');
    expect(scopeOf(state, null)).toBeNull();
    expect(scopeOf(state, '2023-07-13T00:00:00.000Z/2023-07-19T00:00:00.000Z')).toMatchObject({ mode: 'interval' });
  });

  it('writes back only what applies to the mode', () => {
    const state = read('ds=kttm1&count=20&entry=kttm1%402023-07-10T09%3A00%3A00.000Z');
    expect(historyHref(state)).toBe('/history?ds=kttm1&count=20&entry=kttm1%402023-07-10T09%3A00%3A00.000Z');
    expect(historyHref({ ...state, mode: 'interval', interval: '2023-07-10/P1D', entryId: null })).toBe(
      '/history?ds=kttm1&interval=2023-07-10%2FP1D',
    );
  });
});
