import { useId } from 'react';
import { formatBytes, formatCount } from '../../components/format.ts';
import { formatInterval } from '../../druid/interval.ts';
import type { KillDryRun } from './dry-run.ts';
import { KillSegmentTable } from './kill-segment-table.tsx';

const plural = (count: number, word: string) => `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;

function TimingWarning({ dryRun }: { dryRun: KillDryRun }) {
  if (!dryRun.reachesRecent) return null;
  return (
    <div className="alert warning" role="note">
      <strong>
        {dryRun.reachesFuture
          ? 'The interval reaches into the future.'
          : 'The interval reaches into the last 24 hours.'}
      </strong>{' '}
      Streaming ingestion holds locks on recent intervals, and a kill task waits for those locks, possibly for a long
      time. Druid’s usual kill range stops 24 hours ago.
    </div>
  );
}

function KeptSegments({ dryRun }: { dryRun: KillDryRun }) {
  const { usedKept, partlyInside } = dryRun;
  return (
    <div className="stack">
      <h3>Not deleted</h3>
      {usedKept.length === 0 && partlyInside.length === 0 && (
        <p className="muted">No other segment overlaps this interval.</p>
      )}
      {usedKept.length > 0 && (
        <details>
          <summary>
            <strong>{plural(usedKept.length, 'used segment')}</strong> in the interval will stay: a kill never deletes
            used segments (mark them unused first if they should go).
          </summary>
          <KillSegmentTable segments={usedKept} caption="Used segments in the interval, kept" />
        </details>
      )}
      {partlyInside.length > 0 && (
        <details>
          <summary>
            <strong>{plural(partlyInside.length, 'unused segment')}</strong> only partly inside the interval will stay:
            a kill deletes only segments lying fully inside (widen the interval to include them).
          </summary>
          <KillSegmentTable segments={partlyInside} caption="Unused segments partly inside the interval, kept" />
        </details>
      )}
      <p className="field-hint">Partly-inside segments were looked for within {formatInterval(dryRun.nearbyWindow)}.</p>
    </div>
  );
}

/** What the kill would delete, and what it would not although it lies in the interval. Nothing has changed yet. */
export function KillDryRunView({ dataSource, dryRun }: { dataSource: string; dryRun: KillDryRun }) {
  const id = useId();
  const { toDelete } = dryRun;
  return (
    <section className="card stack kill-dry-run" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Dry run</h2>
      <p className="muted">
        What a kill of <code>{formatInterval(dryRun.interval)}</code> would do, as of{' '}
        {new Date(dryRun.fetchedAt).toISOString().slice(11, 19)} UTC. Nothing has been changed.
      </p>
      <TimingWarning dryRun={dryRun} />
      {toDelete.length === 0 ? (
        <div className="alert info" role="status">
          <strong>Nothing to delete.</strong> No unused segment of {dataSource} lies fully inside this interval, so a
          kill would do nothing and none is offered.
        </div>
      ) : (
        <div className="stack">
          <p role="status" className="kill-summary">
            <strong>
              {plural(toDelete.length, 'unused segment')} ({formatBytes(dryRun.deleteSize)}) will be permanently deleted
            </strong>{' '}
            from the metadata store and deep storage.
          </p>
          <ul className="kill-versions" aria-label="Versions to delete">
            {dryRun.versions.map((version) => (
              <li key={version.version}>
                <code>{version.version}</code>: {plural(version.count, 'segment')}, {formatBytes(version.size)}
              </li>
            ))}
          </ul>
          <KillSegmentTable segments={toDelete} caption="Unused segments that will be deleted" />
        </div>
      )}
      <KeptSegments dryRun={dryRun} />
    </section>
  );
}
