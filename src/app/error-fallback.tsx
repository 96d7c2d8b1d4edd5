import type { FallbackProps } from 'react-error-boundary';
import { type ChunkFailure, isChunkLoadError } from './chunk-recovery.ts';

/** What to do about a view whose files did not load, said in the user's terms rather than the bundler's. */
const CHUNK_ADVICE: Record<ChunkFailure, string> = {
  unreachable:
    'This view could not be loaded because the console server did not answer. Check that it is still running and ' +
    'that your network is up, then try again.',
  updated:
    'A new version of the console was installed since this page was opened, and this view is only in the new one. ' +
    'Reload the page to use it; unsaved rule edits are kept as drafts.',
  unavailable:
    'The console server answered, but did not send this view’s files. Try again; if it keeps failing, reload the page.',
};

/** Last line of defence: a readable message and a retry instead of a blank screen. Navigating away clears it. */
export function ErrorFallback({ error, resetErrorBoundary }: FallbackProps) {
  const chunk = isChunkLoadError(error) ? error.failure : undefined;
  const title = chunk ? (error as Error).message : 'Something went wrong';
  const message = chunk ? CHUNK_ADVICE[chunk] : error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="alert error stack" style={{ margin: 'var(--space-6)' }}>
      <h2>{title}</h2>
      <p>{message}</p>
      <div className="row">
        {chunk === 'updated' ? (
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Reload page
          </button>
        ) : (
          <button type="button" className="primary" onClick={resetErrorBoundary}>
            Try again
          </button>
        )}
        <a className="button" href="/">
          Back to start
        </a>
      </div>
    </div>
  );
}
