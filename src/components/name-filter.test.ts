import { describe, expect, it } from 'vitest';
import { filterDataSourceNames } from './name-filter.tsx';

describe('filterDataSourceNames', () => {
  const names = ['wikipedia_hour', 'Wikipedia_API', 'données_ventes_été', 'kttm1'];

  it('matches names containing the filter, ignoring case and surrounding spaces', () => {
    expect(filterDataSourceNames(names, ' WIKI ')).toEqual(['wikipedia_hour', 'Wikipedia_API']);
    expect(filterDataSourceNames(names, 'été')).toEqual(['données_ventes_été']);
    expect(filterDataSourceNames(names, 'nothing')).toEqual([]);
  });

  it('returns the list itself for an empty filter', () => {
    expect(filterDataSourceNames(names, '  ')).toBe(names);
  });

  it('filters 10,000 names', () => {
    const fleet = Array.from({ length: 10_000 }, (_, i) => `fleet_${String(i + 1).padStart(5, '0')}`);
    expect(filterDataSourceNames(fleet, '0999')).toHaveLength(11);
  });
});
