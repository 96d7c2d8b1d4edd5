import { QueryClientProvider, QueryErrorResetBoundary } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Toaster } from 'sonner';
import { createQueryClient } from '../api/query-client.ts';
import { AppShell } from './app-shell.tsx';
import { ErrorFallback } from './error-fallback.tsx';
import { AppRoutes } from './routes.tsx';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell>
        <QueryErrorResetBoundary>
          {({ reset }) => (
            <ErrorBoundary FallbackComponent={ErrorFallback} onReset={reset}>
              <AppRoutes />
            </ErrorBoundary>
          )}
        </QueryErrorResetBoundary>
      </AppShell>
      <Toaster position="bottom-right" closeButton richColors theme="system" />
    </QueryClientProvider>
  );
}
