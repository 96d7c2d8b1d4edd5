import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { allUnusedAgesQueryOptions, unusedAgesQueryOptions } from '../../api/unused-ages.ts';
import { useDwell } from '../../components/data-table/row-dwell.ts';
import { forecastDataSource } from '../../druid/auto-kill-prediction.ts';
import { ageHistogram } from './age-buckets.ts';
import { useForecastShared } from './forecast-context.ts';

/**
 * One row's unused segments (the first UNUSED_AGES_CAP by ID, or all once counted on demand), their age histogram
 * and the auto-kill forecast. The queries are observed only by the row's cells, so a row that scrolls away aborts.
 */
export function useRowForecast(dataSource: string) {
  const shared = useForecastShared();
  const dwelled = useDwell(shared.dwellMs);
  const first = useQuery({ ...unusedAgesQueryOptions(dataSource), enabled: dwelled });
  // Only observed here: the count is started by the row's "Count all" button.
  const all = useQuery({ ...allUnusedAgesQueryOptions(dataSource), enabled: false });
  const exact = all.data !== undefined && all.dataUpdatedAt >= first.dataUpdatedAt ? all.data : undefined;
  const ages = exact ?? first.data;
  const { plan, now, nextRunAt } = shared;
  const summary = useMemo(() => {
    if (!ages) return null;
    const size = ages.segments.reduce((sum, segment) => sum + segment.size, 0);
    return {
      count: ages.segments.length,
      capped: ages.capped,
      size,
      histogram: ageHistogram(
        ages.segments.map((segment) => segment.lastUpdated),
        now,
      ),
      forecast: forecastDataSource(dataSource, ages.segments, plan, now, nextRunAt),
    };
  }, [ages, dataSource, plan, now, nextRunAt]);
  return { summary, failed: first.isError, error: first.error };
}
