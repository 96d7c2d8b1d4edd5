import type { UseQueryResult } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import type { UnusedCount } from '../../api/kill-count.ts';
import { EDGE_LIMIT, type KeptSegments } from '../../api/kill-dry-run.ts';
import { formatBytes, formatCount, formatCountOf, formatUtcRange } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatInterval, type Interval } from '../../druid/interval.ts';
import { formatDuration } from './format-duration.ts';
import { KillCountProgress } from './kill-count-progress.tsx';
import { countedRowList, rowList } from './kill-row-list.ts';
import { KillSegmentTable } from './kill-segment-table.tsx';
import { KillVersionList } from './kill-version-list.tsx';

const DAY_MS = 86_400_000;

function TimingWarning({ interval, now }: { interval: Interval; now: number }) {
  if (interval.end <= now - DAY_MS) return null;
  return (
    <div className="alert warning" role="note">
      <strong>
        {interval.end > now ? 'The interval reaches into the future.' : 'The interval reaches into the last 24 hours.'}
      </strong>{' '}
      Streaming ingestion holds locks on recent intervals, and a kill task waits for those locks, possibly for a long
      time. Druid’s usual kill range stops 24 hours ago.
    </div>
  );
}

function KeptSegmentsView({ kept }: { kept: UseQueryResult<KeptSegments> }) {
  const rows = useMemo(() => rowList(kept.data?.partlyInside.rows ?? []), [kept.data]);
  if (kept.isPending) return <p className="muted">Looking for used segments and unused ones crossing the edges…</p>;
  if (kept.isError)
    return (
      <QueryErrorAlert
        error={kept.error}
        title="Could not look for the segments a kill keeps"
        onRetry={() => kept.refetch()}
      />
    );
  const { used, partlyInside } = kept.data;
  const incomplete = partlyInside.windows.filter((w) => !w.complete);
  return (
    <>
      {used && used.count > 0 ? (
        <p>
          <strong>{formatCountOf(used.count, 'used segment')}</strong> ({formatBytes(used.size)},{' '}
          {formatCountOf(used.intervals, 'interval')}) in the interval will stay: a kill never deletes used segments
          (mark them unused first if they should go).
        </p>
      ) : (
        <p className="muted">No served used segment overlaps this interval.</p>
      )}
      {partlyInside.rows.length > 0 ? (
        <details>
          <summary>
            <strong>{formatCountOf(partlyInside.rows.length, 'unused segment')}</strong> only partly inside the interval
            will stay: a kill deletes only segments lying fully inside (widen the interval to include them).
          </summary>
          <KillSegmentTable rows={rows} caption="Unused segments partly inside the interval, kept" />
        </details>
      ) : (
        <p className="muted">No unused segment crosses the interval’s edges.</p>
      )}
      <p className="field-hint">
        Used segments as Druid serves them (intervals summary: overshadowed or not yet loaded ones are not in it).
        Unused segments crossing an edge were looked for within{' '}
        {partlyInside.windows.length === 0
          ? 'no window (the interval has no edge)'
          : partlyInside.windows.map((w) => formatUtcRange(w.window.start, w.window.end, { zone: true })).join(' and ')}
        : longer ones ({formatDuration(partlyInside.padMs)} or more past an edge) are not.
        {incomplete.length > 0 &&
          ` Those windows held more unused segments than the ${formatCount(EDGE_LIMIT)} read, so some crossing ones may be missing.`}
      </p>
    </>
  );
}

interface KillDryRunViewProps {
  dataSource: string;
  interval: Interval;
  count: UnusedCount;
  kept: UseQueryResult<KeptSegments>;
  now: number;
  onCancel: () => void;
  onResume: () => void;
}

/** What the kill would delete, and what it would not although it lies in the interval. Nothing has changed yet. */
export function KillDryRunView(props: KillDryRunViewProps) {
  const { dataSource, interval, count, kept, now, onCancel, onResume } = props;
  const id = useId();
  const rows = useMemo(() => countedRowList(count), [count]);
  const done = count.status === 'done';
  return (
    <section className="card stack kill-dry-run" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Dry run</h2>
      <p className="muted">
        What a kill of <code>{formatInterval(interval)}</code> would do. Nothing has been changed.
      </p>
      <TimingWarning interval={interval} now={now} />
      <KillCountProgress count={count} onCancel={onCancel} onResume={onResume} />
      {done && count.count === 0 && (
        <div className="alert info" role="status">
          <strong>Nothing to delete.</strong> No unused segment of {dataSource} lies fully inside this interval, so a
          kill would do nothing and none is offered.
        </div>
      )}
      {done && count.count > 0 && (
        <p role="status" className="kill-summary">
          <strong>
            {formatCountOf(count.count, 'unused segment')} ({formatBytes(count.bytes)}) will be permanently deleted
          </strong>{' '}
          from the metadata store and deep storage
          {count.range && <>, from {formatUtcRange(count.range.start, count.range.end, { zone: true })}</>}. Counted in{' '}
          {formatDuration(count.elapsedMs)}.
        </p>
      )}
      {count.versions.length > 0 && (
        <KillVersionList
          count={count}
          label={done ? 'Versions to delete' : 'Versions found so far'}
          suffix={done ? '' : ' so far'}
        />
      )}
      {rows.length > 0 && (
        <KillSegmentTable
          rows={rows}
          caption={done ? 'Unused segments that will be deleted' : 'Unused segments found so far'}
        />
      )}
      <div className="stack">
        <h3>Not deleted</h3>
        <KeptSegmentsView kept={kept} />
      </div>
    </section>
  );
}
