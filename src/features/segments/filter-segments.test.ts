import { describe, expect, it } from 'vitest';
import { compileFilters, filterAndSort } from './filter-segments.ts';
import { EMPTY_FILTERS } from './segment-filters.ts';
import { record, WIKI_START, wikipediaHour } from './test-records.ts';

const HOUR = 3_600_000;

function ids(records: ReturnType<typeof wikipediaHour>, order: Uint32Array): number[] {
  return Array.from(order, (i) => ((records[i]?.start ?? Number.NaN) - WIKI_START) / HOUR);
}

describe('filterAndSort', () => {
  const records = wikipediaHour({ 3: 'unused', 4: 'unused', 20: 'overshadowed' });

  it('filters by state', () => {
    const f = compileFilters({ ...EMPTY_FILTERS, states: ['unused', 'overshadowed'] });
    expect(ids(records, filterAndSort(records, f, EMPTY_FILTERS.sort))).toEqual([3, 4, 20]);
  });

  it('filters by overlapping or contained interval', () => {
    const overlap = compileFilters({ ...EMPTY_FILTERS, interval: '2015-09-12T05:30Z/2015-09-12T08:00Z' });
    expect(ids(records, filterAndSort(records, overlap, EMPTY_FILTERS.sort))).toEqual([5, 6, 7]);
    const contained = compileFilters({
      ...EMPTY_FILTERS,
      interval: '2015-09-12T05:30Z/2015-09-12T08:00Z',
      match: 'contained',
    });
    expect(ids(records, filterAndSort(records, contained, EMPTY_FILTERS.sort))).toEqual([6, 7]);
  });

  it('ignores an interval that does not parse and says why', () => {
    const f = compileFilters({ ...EMPTY_FILTERS, interval: '2015-09-13/2015-09-12' });
    expect(f.intervalError).toMatch(/End must be after start/);
    expect(filterAndSort(records, f, EMPTY_FILTERS.sort)).toHaveLength(24);
  });

  it('filters by version and by ID text, case-insensitively', () => {
    const mixed = [...records, record('wikipedia_hour', WIKI_START, WIKI_START + HOUR, { version: 'v9' })];
    const byVersion = compileFilters({ ...EMPTY_FILTERS, version: 'v9' });
    expect(filterAndSort(mixed, byVersion, EMPTY_FILTERS.sort)).toEqual(new Uint32Array([24]));
    const byText = compileFilters({ ...EMPTY_FILTERS, idText: ' t05:00:00.000z_2015 ' });
    expect(ids(records, filterAndSort(records, byText, EMPTY_FILTERS.sort))).toEqual([5]);
  });

  it('sorts by any column, ties by start then ID', () => {
    const all = compileFilters(EMPTY_FILTERS);
    expect(ids(records, filterAndSort(records, all, { column: 'size', desc: true })).slice(0, 3)).toEqual([23, 22, 21]);
    const byState = ids(records, filterAndSort(records, all, { column: 'state', desc: false }));
    expect(byState.slice(-3)).toEqual([20, 3, 4]);
    expect(byState[0]).toBe(0);
  });

  it('puts unknown values last in either direction', () => {
    const mixed = wikipediaHour().map((r, hour) => ({ ...r, replication: hour % 2 === 0 ? hour : null }));
    const all = compileFilters(EMPTY_FILTERS);
    const ascending = ids(mixed, filterAndSort(mixed, all, { column: 'replication', desc: false }));
    expect(ascending.slice(0, 3)).toEqual([0, 2, 4]);
    expect(ascending.slice(-2)).toEqual([21, 23]);
    const descending = ids(mixed, filterAndSort(mixed, all, { column: 'replication', desc: true }));
    expect(descending.slice(0, 3)).toEqual([22, 20, 18]);
    expect(descending.slice(-2)).toEqual([21, 23]);
  });

  it('sorts versions as strings', () => {
    const versions = ['2024-05-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z', '2024-04-01T00:00:00.000Z_1'];
    const mixed = versions.map((version, i) =>
      record('s', WIKI_START + i * HOUR, WIKI_START + (i + 1) * HOUR, { version }),
    );
    const order = filterAndSort(mixed, compileFilters(EMPTY_FILTERS), { column: 'version', desc: false });
    expect(Array.from(order, (i) => mixed[i]?.version)).toEqual([versions[1], versions[2], versions[0]]);
  });
});
