import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSegmentUrl } from './use-segment-url.ts';

const search = () => new URLSearchParams(window.location.search);

describe('useSegmentUrl', () => {
  beforeEach(() => window.history.replaceState(null, '', '/segments/wiki?interval=2015-09-12%2FP1D&q=T05'));

  it('keeps an interval that does not parse out of the URL, shown as typed, until it parses', () => {
    const { result } = renderHook(() => useSegmentUrl());
    act(() => result.current.setFilters({ interval: '2015-09-12/nonsense' }));
    expect(result.current.filters.interval).toBe('2015-09-12/nonsense');
    expect(search().get('interval')).toBe('2015-09-12/P1D');

    // Other filters still reach the URL while the interval text is broken.
    act(() => result.current.setFilters({ idText: 'T06' }));
    expect(search().get('q')).toBe('T06');
    expect(result.current.filters.interval).toBe('2015-09-12/nonsense');

    act(() => result.current.setFilters({ interval: '2015-09-12/P2D' }));
    expect(search().get('interval')).toBe('2015-09-12/P2D');
    expect(result.current.filters.interval).toBe('2015-09-12/P2D');
  });

  it('drops a broken draft on another datasource', () => {
    const { result } = renderHook(() => useSegmentUrl());
    act(() => result.current.setFilters({ interval: 'P1D/' }));
    expect(result.current.filters.interval).toBe('P1D/');
    act(() => {
      window.history.pushState(null, '', '/segments/other?interval=2015-09-12%2FP1D&q=T05');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    expect(result.current.filters.interval).toBe('2015-09-12/P1D');
  });

  it('writes an empty interval (all time) and drops a broken draft when a valid one is set', () => {
    const { result } = renderHook(() => useSegmentUrl());
    act(() => result.current.setFilters({ interval: 'P1D/' }));
    expect(result.current.filters.interval).toBe('P1D/');
    // A timeline pick writes a valid interval: the draft no longer applies.
    act(() => result.current.setFilters({ interval: '2015-09-12T06:00Z/PT1H' }));
    expect(result.current.filters.interval).toBe('2015-09-12T06:00Z/PT1H');
    act(() => result.current.setFilters({ interval: '' }));
    expect(search().has('interval')).toBe(false);
    expect(result.current.filters.interval).toBe('');
  });
});
