import { describe, expect, it } from 'vitest';
import { defaultWindowText, historyPresets } from './history-filters.tsx';

const NOW = Date.UTC(2024, 2, 15, 10, 30, 20);

describe('history presets', () => {
  it('run from the shortest span to all time, ending in the current minute', () => {
    expect(historyPresets(NOW)).toEqual([
      { label: 'Last 24 hours', interval: '2024-03-14T10:31Z/2024-03-15T10:31Z' },
      { label: 'Last 7 days', interval: '2024-03-08T10:31Z/2024-03-15T10:31Z' },
      { label: 'Last 30 days', interval: '2024-02-14T10:31Z/2024-03-15T10:31Z' },
      { label: 'Last 90 days', interval: '2023-12-16T10:31Z/2024-03-15T10:31Z' },
      { label: 'Last year', interval: '2023-03-16T10:31Z/2024-03-15T10:31Z' },
      { label: 'All time', interval: '1000-01-01/2024-03-15T10:31Z' },
    ]);
  });

  it('show Druid’s default window as the "Last 7 days" preset, so it reads as picked', () => {
    expect(defaultWindowText(NOW)).toBe(historyPresets(NOW)[1]?.interval);
  });
});
