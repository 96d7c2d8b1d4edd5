import { isDruidApiError } from '../api/druid-api-error.ts';

/** Shows why a request failed in words, with a retry when asking again can help. */
export function QueryErrorAlert({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const message = error instanceof Error ? error.message : String(error);
  const status = isDruidApiError(error) && error.status ? ` (HTTP ${error.status})` : '';
  const forbidden = isDruidApiError(error) && error.isForbidden;
  return (
    <div role="alert" className="alert error stack">
      <strong>
        {title ?? (forbidden ? 'Permission denied' : 'Request failed')}
        {status}
      </strong>
      <span>{message}</span>
      {onRetry && !forbidden && (
        <div>
          <button type="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
