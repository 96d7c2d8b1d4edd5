import { QueryClientProvider, QueryErrorResetBoundary } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { Toaster } from 'sonner';
import { useLocation } from 'wouter';
import { createQueryClient } from '../api/query-client.ts';
import { AppShell } from './app-shell.tsx';
import { ErrorFallback } from './error-fallback.tsx';
import { retryFailedPages } from './lazy-page.ts';
import { AppRoutes } from './routes.tsx';
import { useTheme } from './theme.ts';

/** Catches what a view throws; navigating to another path clears it, so one broken view never traps the console. */
function ViewErrorBoundary({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary
          FallbackComponent={ErrorFallback}
          onReset={() => {
            retryFailedPages();
            reset();
          }}
          resetKeys={[location]}
        >
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [theme] = useTheme();
  return (
    <QueryClientProvider client={queryClient}>
      <AppShell>
        <ViewErrorBoundary>
          <AppRoutes />
        </ViewErrorBoundary>
      </AppShell>
      <Toaster position="bottom-right" closeButton richColors theme={theme} />
    </QueryClientProvider>
  );
}
