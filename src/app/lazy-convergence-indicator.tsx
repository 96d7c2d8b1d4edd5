import { useState } from 'react';
import { useLocation } from 'wouter';
import { useTrackedChanges } from '../components/convergence/convergence-store.ts';
import { lazyPage } from './lazy-page.ts';
import { useLazyPart } from './use-lazy-part.ts';

// The indicator, its poller and the load-status API it polls are only for a session that saved rules.
const ConvergenceIndicator = lazyPage(() =>
  import('../components/convergence/convergence-indicator.tsx').then((m) => m.ConvergenceIndicator),
);

/**
 * The header's rule-change indicator, loaded once a change is tracked (saved now, or kept in sessionStorage over a
 * reload); nothing before. A failed load tries again on the next navigation, as a view does.
 */
export function LazyConvergenceIndicator() {
  const tracking = useTrackedChanges().length > 0;
  const [location] = useLocation();
  const [failedAt, setFailedAt] = useState<string | null>(null);
  const loaded = useLazyPart(ConvergenceIndicator, 'The rule-change indicator', tracking && failedAt !== location, () =>
    setFailedAt(location),
  );
  return loaded ? <ConvergenceIndicator /> : null;
}
