import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChunkLoadError } from './chunk-recovery.ts';
import { ErrorFallback } from './error-fallback.tsx';

const preloadError = new Error('Unable to preload CSS for http://console/assets/kill-page-x.css');

describe('ErrorFallback', () => {
  it('says the console server could not be reached, not what the bundler said, and offers a retry', () => {
    const retry = vi.fn();
    render(<ErrorFallback error={new ChunkLoadError('unreachable', preloadError)} resetErrorBoundary={retry} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the console server');
    expect(alert).toHaveTextContent('Check that it is still running');
    expect(alert).not.toHaveTextContent('preload');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('offers a reload when a deploy replaced the view', () => {
    render(<ErrorFallback error={new ChunkLoadError('updated', preloadError)} resetErrorBoundary={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'The console was updated' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('shows any other error as it is', () => {
    render(<ErrorFallback error={new Error('rules.map is not a function')} resetErrorBoundary={vi.fn()} />);
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('rules.map is not a function');
  });
});
