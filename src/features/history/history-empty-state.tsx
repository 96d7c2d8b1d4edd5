import { useQuery } from '@tanstack/react-query';
import { isDruidApiError } from '../../api/druid-api-error.ts';
import { anyRuleHistoryQueryOptions } from '../../api/history.ts';
import { QueryErrorAlert } from '../../components/query-error-alert.tsx';
import { DEFAULT_COUNT } from './use-history-url.ts';

interface HistoryEmptyStateProps {
  mode: 'interval' | 'count';
  dataSource: string | null;
  /** What the window was, in words ("between … and …", "in the last 7 days"). */
  windowText: string;
  onShowLast: () => void;
}

/** Nothing to show, and why: an empty window, a datasource never changed, or a cluster that keeps no audit log. */
export function HistoryEmptyState({ mode, dataSource, windowText, onShowLast }: HistoryEmptyStateProps) {
  const any = useQuery(anyRuleHistoryQueryOptions());
  const scope = dataSource === null ? 'any datasource' : dataSource;
  if (any.data === false)
    return (
      <div className="alert info stack" role="status">
        <strong>No rule change has ever been recorded on this cluster.</strong>
        <span>
          Either nobody has changed retention rules through the API yet, or the cluster keeps no audit history: with
          <code> druid.audit.manager.type=log</code> Druid only writes changes to its log file, and this view has
          nothing to read. The cluster-wide default rules Druid creates on first start are not audited either.
        </span>
      </div>
    );
  return (
    <div className="alert info stack" role="status">
      <strong>
        {mode === 'interval'
          ? `No rule changes to ${scope} ${windowText}.`
          : `No rule change to ${scope} has been recorded.`}
      </strong>
      {mode === 'interval' && (
        <div>
          <button type="button" onClick={onShowLast}>
            Show the last {DEFAULT_COUNT} changes
          </button>
        </div>
      )}
    </div>
  );
}

/** A failed history request, with what a 403 means here. */
export function HistoryError({
  error,
  dataSource,
  onRetry,
}: {
  error: unknown;
  dataSource: string | null;
  onRetry: () => void;
}) {
  const forbidden = isDruidApiError(error) && error.isForbidden;
  return (
    <div className="stack">
      <QueryErrorAlert
        error={error}
        onRetry={onRetry}
        title={forbidden ? 'Permission denied' : 'Could not load the rule history'}
      />
      {forbidden && (
        <p className="muted">
          {dataSource === null
            ? 'The history of all datasources needs READ permission on the cluster state (STATE). Pick a datasource you may read instead, or ask an administrator.'
            : `The history of ${dataSource} needs READ permission on that datasource. Ask an administrator for access.`}
        </p>
      )}
    </div>
  );
}
