import type { UseQueryResult } from '@tanstack/react-query';
import { isPostRefused } from '../../api/druid-api-error.ts';
import { formatCount } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { ETERNITY } from '../../druid/interval.ts';
import { formatShortInstant } from './segment-columns.tsx';
import type { UnusedTotalsState } from './use-segment-windows.ts';
import type { SegmentWindow } from './window-sizing.ts';

/** "2024-01-01 05:00 to 2024-01-03", open ends in words. */
export function describeWindow(window: Pick<SegmentWindow, 'start' | 'end'>): string {
  const from = window.start <= ETERNITY.start ? 'the beginning' : formatShortInstant(window.start, true);
  const to = window.end >= ETERNITY.end ? 'the end' : formatShortInstant(window.end, true);
  return `${from} to ${to}`;
}

interface WindowBarProps {
  window: SegmentWindow;
  query: Pick<UseQueryResult, 'isPending' | 'isFetching' | 'isError' | 'error' | 'refetch'>;
  unused: UnusedTotalsState;
  onPrevious: () => void;
  onNext: () => void;
}

/** Which window the table shows, moves to the neighbouring ones, and how its loading and the unused summary go. */
export function WindowBar({ window, query, unused, onPrevious, onNext }: WindowBarProps) {
  const name = describeWindow(window);
  return (
    <section className="stack segments-window" aria-label="Time window">
      <div className="row">
        <button type="button" disabled={!window.hasPrevious} onClick={onPrevious}>
          ← Earlier window
        </button>
        <p role="status">
          Window: segments from <strong>{name}</strong>. Sort and filters apply within this window; scroll past its edge
          or click the timeline for another.
        </p>
        <button type="button" disabled={!window.hasNext} onClick={onNext}>
          Later window →
        </button>
      </div>
      <div className="segments-load" aria-live="polite">
        {query.isPending && <p aria-busy="true">Loading the segments from {name}…</p>}
        {!query.isPending && query.isFetching && <p className="muted">Refreshing…</p>}
        {!unused.error && !unused.totals?.done && unused.counted > 0 && (
          <div className="row">
            <label htmlFor="unused-summary-progress">
              Summarising unused segments for the timeline: {formatCount(unused.counted)} so far
            </label>
            <progress id="unused-summary-progress" />
          </div>
        )}
        {query.isError &&
          (isPostRefused(query.error) ? (
            <>
              <QueryErrorAlert
                title="Druid lists a time window's segments only to users who may change this datasource"
                error={query.error}
              />
              <p className="muted">
                A window is read with POST …/segments, which Druid authorizes as WRITE on the datasource. The timeline
                and the unused totals still show; sign in as a user with WRITE on it to list the segments.
              </p>
            </>
          ) : (
            <QueryErrorAlert
              title={`Could not load the segments from ${name}`}
              error={query.error}
              onRetry={() => void query.refetch()}
            />
          ))}
        {unused.error ? (
          <QueryErrorAlert
            title="Could not summarise the unused segments"
            error={unused.error}
            onRetry={unused.retry}
          />
        ) : null}
      </div>
    </section>
  );
}
