import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, readSegmentFilters, writeSegmentFilters } from './segment-filters.ts';

const read = (search: string) => readSegmentFilters(new URLSearchParams(search));

describe('segment filters in the URL', () => {
  it('reads every filter', () => {
    expect(read('state=unused,used&interval=2015-09-12/P1D&match=contained&version=v2&q=T05&sort=-size')).toEqual({
      states: ['used', 'unused'],
      interval: '2015-09-12/P1D',
      match: 'contained',
      version: 'v2',
      idText: 'T05',
      sort: { column: 'size', desc: true },
    });
  });

  it('falls back to defaults for missing or malformed values', () => {
    expect(read('')).toEqual(EMPTY_FILTERS);
    expect(read('state=deleted,,used&match=inside&sort=-colour')).toEqual({ ...EMPTY_FILTERS, states: ['used'] });
    expect(read('state=used,overshadowed,unused').states).toEqual([]);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const base = new URLSearchParams('segment=abc&state=used');
    const params = writeSegmentFilters(
      { ...EMPTY_FILTERS, interval: '2015-09-12/2015-09-13', match: 'contained' },
      base,
    );
    expect(params.toString()).toBe('segment=abc&interval=2015-09-12%2F2015-09-13&match=contained');
  });

  it('drops the match mode when there is no interval', () => {
    expect(writeSegmentFilters({ ...EMPTY_FILTERS, match: 'contained' }).toString()).toBe('');
  });

  it('round-trips', () => {
    const filters = {
      states: ['overshadowed' as const, 'unused' as const],
      interval: 'P1D/2015-09-13',
      match: 'overlap' as const,
      version: '2024-05-01T00:00:00.000Z',
      idText: 'données été',
      sort: { column: 'lastUpdated' as const, desc: false },
    };
    expect(readSegmentFilters(writeSegmentFilters(filters))).toEqual(filters);
  });
});
