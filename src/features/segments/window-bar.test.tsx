import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DruidApiError } from '../../api/druid-api-error.ts';
import { SegmentCounts } from './segment-counts.tsx';
import { WindowBar } from './window-bar.tsx';

const WINDOW = {
  start: Date.UTC(2024, 0, 1),
  end: Date.UTC(2024, 0, 8),
  estimate: 9_000,
  parts: [],
  hasPrevious: false,
  hasNext: true,
};
const UNUSED = { totals: null, counted: 0, error: null, retry: () => {} };

function renderFailed(error: DruidApiError) {
  const query = { isPending: false, isFetching: false, isError: true, error, refetch: vi.fn() };
  render(<WindowBar window={WINDOW} query={query} unused={UNUSED} onPrevious={() => {}} onNext={() => {}} />);
  return query;
}

const path = '/druid/coordinator/v1/metadata/datasources/big/segments?full';

describe('a window that cannot be loaded', () => {
  it('tells a reader why Druid refused the window (POST wants WRITE) and offers no pointless Retry', () => {
    renderFailed(
      new DruidApiError({ kind: 'http', status: 403, method: 'POST', path, message: 'User reader lacks WRITE' }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      "Druid lists a time window's segments only to users who may change this datasource (HTTP 403)",
    );
    expect(screen.getByRole('alert')).toHaveTextContent('User reader lacks WRITE');
    expect(screen.getByText(/Druid authorizes as WRITE on the datasource/)).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('names the window and offers Retry for any other failure', () => {
    const query = renderFailed(
      new DruidApiError({ kind: 'http', status: 500, method: 'POST', path, message: 'Metadata store timed out' }),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Could not load the segments from 2024-01-01 to 2024-01-08 (HTTP 500)',
    );
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(query.refetch).toHaveBeenCalledOnce();
  });

  it('counts say none was loaded, not "Loading" forever', () => {
    const counts = { shown: 0, total: 0, scope: ' in this window', stale: false, notApplied: null, noteId: 'note' };
    render(<SegmentCounts {...counts} complete={false} failed />);
    expect(screen.getByRole('status')).toHaveTextContent('No segments loaded in this window');
    expect(screen.getByRole('status')).not.toHaveAttribute('aria-busy', 'true');
  });
});
