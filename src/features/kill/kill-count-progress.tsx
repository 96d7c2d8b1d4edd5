import type { UnusedCount } from '../../api/kill-count.ts';
import { formatBytes, formatCountOf, formatUtcRange } from '../../components/format.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { formatDuration } from './format-duration.ts';

/** What a count has found so far: every figure says "so far" until the count is complete, and never "0". */
export function countSoFar(count: UnusedCount): string {
  if (count.count === 0) return 'no unused segment found so far';
  const parts = [`${formatCountOf(count.count, 'unused segment')} (${formatBytes(count.bytes)})`];
  if (count.range) parts.push(`from ${formatUtcRange(count.range.start, count.range.end, { zone: true })}`);
  parts.push(formatCountOf(count.versionCount, 'version'));
  return `${parts.join(', ')} so far`;
}

interface KillCountProgressProps {
  count: UnusedCount;
  onCancel: () => void;
  onResume: () => void;
}

/** A count still running, cancelled or failed: its partial figures, Cancel while it runs, "go on" after. */
export function KillCountProgress({ count, onCancel, onResume }: KillCountProgressProps) {
  if (count.status === 'counting')
    return (
      <div className="stack kill-count" aria-busy="true">
        <p role="status" className="kill-summary">
          Counting the unused segments fully inside… <strong>{countSoFar(count)}</strong> (partial, after{' '}
          {formatDuration(count.elapsedMs)})
        </p>
        <div className="row">
          <progress aria-label="Counting unused segments" />
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    );
  if (count.status === 'cancelled')
    return (
      <div className="alert warning stack" role="status">
        <span>
          <strong>Counting cancelled: {countSoFar(count)}</strong> (partial). No kill is offered until the count is
          complete.
        </span>
        <div>
          <button type="button" onClick={onResume}>
            Go on counting
          </button>
        </div>
      </div>
    );
  if (count.status === 'failed')
    return (
      <div className="stack">
        <QueryErrorAlert error={count.error} title="The dry run failed" onRetry={onResume} />
        <p className="muted">
          Counted before the failure: {countSoFar(count)} (partial). Retry goes on from there. No kill is offered until
          the count is complete.
        </p>
      </div>
    );
  return null;
}
