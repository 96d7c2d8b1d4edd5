import type { FallbackProps } from 'react-error-boundary';

/** Last line of defence: a readable message and a retry instead of a blank screen. */
export function ErrorFallback({ error, resetErrorBoundary }: FallbackProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="alert error stack" style={{ margin: 'var(--space-6)' }}>
      <h2>Something went wrong</h2>
      <p>{message}</p>
      <div className="row">
        <button type="button" className="primary" onClick={resetErrorBoundary}>
          Try again
        </button>
        <a className="button" href="/">
          Back to start
        </a>
      </div>
    </div>
  );
}
