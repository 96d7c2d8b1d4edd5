import { formatCount } from '../format.ts';
import { formatDuration } from '../format-duration.ts';
import { phaseOf, type TrackedChange, tierProgress } from './convergence-model.ts';
import './convergence.css';

/** One sentence for where a change stands; the header's list and the rules page say the same. */
export function phaseSentence(change: TrackedChange): string {
  const phase = phaseOf(change);
  if (phase === 'waiting') return 'Waiting for the Coordinator to apply the rules on its next run.';
  if (phase === 'nothing-to-move') return 'Nothing to load or drop: the historicals already hold what the rules ask.';
  if (phase === 'applied') {
    return `Applied in ${formatDuration((change.finishedAt ?? change.savedAt) - change.savedAt)}: nothing left to load or drop.`;
  }
  const rows = tierProgress(change);
  const toLoad = rows.reduce((n, row) => n + row.toLoad, 0);
  const toDrop = rows.reduce((n, row) => n + row.toDrop, 0);
  return `Applying: ${formatCount(toLoad)} to load, ${formatCount(toDrop)} to drop.`;
}

/**
 * Per tier, replicas of the datasource still to load (loadstatus) and segments queued to drop on the tier's
 * historicals (loadqueue; Druid counts drops per server, not per datasource, so other changes may add to them).
 */
export function ConvergenceProgress({ change }: { change: TrackedChange }) {
  const rows = tierProgress(change);
  return (
    <div className="convergence-progress stack">
      <p role="status">{phaseSentence(change)}</p>
      {rows.length > 0 && (
        <table className="convergence-table">
          <caption className="visually-hidden">Segments to load and to drop per tier</caption>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">To load</th>
              <th scope="col">Loaded</th>
              <th scope="col">To drop (tier queue)</th>
              <th scope="col">Dropped</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.tier} data-tier={row.tier}>
                <th scope="row">{row.tier}</th>
                <td>{formatCount(row.toLoad)}</td>
                <td>{formatCount(row.loaded)}</td>
                <td>{formatCount(row.toDrop)}</td>
                <td>{formatCount(row.dropped)}</td>
                <td>
                  <progress max={1} value={row.fraction} aria-label={`Progress on ${row.tier}`} />{' '}
                  {Math.round(row.fraction * 100)} %
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
