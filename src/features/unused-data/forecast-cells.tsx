/** The cells of one datasource in the unused-data list; everything comes from the row's bounded queries. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { isDruidApiError } from '../../api/druid-api-error.ts';
import { allUnusedAgesQueryOptions, UNUSED_AGES_CAP } from '../../api/unused-ages.ts';
import { formatBytes, formatCount } from '../../components/format.ts';
import { type DataSourceForecast, EXCLUSION_TEXT } from '../../druid/auto-kill-prediction.ts';
import { AgeHistogramBars } from './age-histogram.tsx';
import { type ForecastShared, useForecastShared } from './forecast-context.ts';
import { formatWhen } from './format-when.ts';
import { useRowForecast } from './use-row-forecast.ts';

function Busy() {
  return (
    <span className="muted" aria-busy="true">
      …
    </span>
  );
}

/** "200+" and a Count all button that pages through the rest in the background, with progress and Cancel. */
function CountAll({ name }: { name: string }) {
  const client = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const options = allUnusedAgesQueryOptions(name, setProgress);
  const start = () => {
    setFailure(null);
    setProgress(0);
    client
      .fetchQuery(options)
      .catch((error: unknown) => {
        if (
          !(isDruidApiError(error) && error.kind === 'aborted') &&
          !(error instanceof Error && error.name === 'CancelledError')
        )
          setFailure(error instanceof Error ? error.message : String(error));
      })
      .finally(() => setProgress(null));
  };
  if (progress !== null)
    return (
      <span role="status">
        {formatCount(progress)} so far{' '}
        <button
          type="button"
          className="ghost"
          onClick={() => void client.cancelQueries({ queryKey: options.queryKey })}
        >
          Cancel<span className="visually-hidden"> counting {name}</span>
        </button>
      </span>
    );
  return (
    <span>
      {formatCount(UNUSED_AGES_CAP)}+{' '}
      <button type="button" className="ghost" aria-label={`Count all unused segments of ${name}`} onClick={start}>
        {failure ? 'Retry count' : 'Count all'}
      </button>
      {failure && (
        <span className="field-error" title={failure}>
          {' '}
          failed
        </span>
      )}
    </span>
  );
}

export function UnusedCell({ name }: { name: string }) {
  const { summary, failed, error } = useRowForecast(name);
  if (failed)
    return (
      <span className="field-error" title={error instanceof Error ? error.message : undefined}>
        failed
      </span>
    );
  if (!summary) return <Busy />;
  if (!summary.capped) return <>{formatCount(summary.count)}</>;
  return <CountAll name={name} />;
}

export function SizeCell({ name }: { name: string }) {
  const { summary } = useRowForecast(name);
  if (!summary) return <Busy />;
  return <>{`${summary.capped ? '≥ ' : ''}${formatBytes(summary.size)}`}</>;
}

export function AgeCell({ name }: { name: string }) {
  const { summary } = useRowForecast(name);
  if (!summary) return <Busy />;
  if (summary.count === 0) return <span className="muted">—</span>;
  return <AgeHistogramBars histogram={summary.histogram} />;
}

/** One line: what the next run deletes and when, or why nothing goes. */
export function describeForecast(
  forecast: DataSourceForecast,
  count: number,
  capped: boolean,
  competing: ForecastShared['competing'] = null,
): string {
  if (forecast.exclusion) return `Never: ${EXCLUSION_TEXT[forecast.exclusion]}`;
  if (count === 0) return 'Nothing to kill';
  const of = capped ? ` (of the first ${formatCount(count)} by time)` : '';
  const parts: string[] = [];
  // With fewer slots than datasources, a run may fill its slots before reaching this one.
  const slotNote = competing
    ? ` if a kill slot is free (${formatCount(competing.slots)} for ${formatCount(competing.dataSources)} datasources)`
    : '';
  if (forecast.nextRunCount > 0)
    parts.push(`${formatCount(forecast.nextRunCount)} on ${formatWhen(forecast.nextRunAt)}${of}${slotNote}`);
  if (forecast.lastKillAt !== null && forecast.lastKillAt !== forecast.nextRunAt)
    parts.push(`all by ${formatWhen(forecast.lastKillAt)}`);
  const { buffer, durationToRetain } = forecast.waiting;
  if (forecast.nextRunCount === 0 && forecast.nextEligibleAt !== null)
    parts.push(`next eligible ${formatWhen(forecast.nextEligibleAt)}`);
  if (buffer > 0) parts.push(`${formatCount(buffer)} in the buffer period`);
  if (durationToRetain > 0) parts.push(`${formatCount(durationToRetain)} kept by durationToRetain`);
  if (forecast.waiting['no-last-updated'] > 0)
    parts.push(`${formatCount(forecast.waiting['no-last-updated'])} never (no last-updated date)`);
  return parts.join('; ');
}

export function AutoKillCell({ name }: { name: string }) {
  const { summary } = useRowForecast(name);
  const { plan, competing } = useForecastShared();
  if (!summary) return <Busy />;
  const text = describeForecast(summary.forecast, summary.count, summary.capped, competing);
  const unknown = plan.on === null || plan.whitelist === null ? ' (settings partly unknown)' : '';
  return (
    <span className={summary.forecast.exclusion ? 'muted' : undefined} title={text + unknown}>
      {text}
      {unknown}
    </span>
  );
}

export function ActionsCell({ name }: { name: string }) {
  const { plan, onProtect } = useForecastShared();
  const protectedNow = plan.whitelist !== null && plan.whitelist.length > 0 && !plan.whitelist.includes(name);
  return (
    <span className="row unused-actions">
      {onProtect && (
        <button type="button" className="ghost" onClick={() => onProtect(name, !protectedNow)}>
          {protectedNow ? 'Allow auto-kill' : 'Protect'}
          <span className="visually-hidden"> {name}</span>
        </button>
      )}
      <Link href={`/kill/${encodeURIComponent(name)}`}>
        Kill<span className="visually-hidden"> {name} by hand</span>
      </Link>
    </span>
  );
}
