import { useEffect, useSyncExternalStore } from 'react';
import { getOperatorName, reloadOperatorName, subscribeOperatorName } from '../../api/audit-author.ts';

/** The operator's name from settings, kept in step with other tabs of this browser. */
export function useOperatorName(): string | null {
  useEffect(() => {
    const onStorage = () => reloadOperatorName();
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return useSyncExternalStore(subscribeOperatorName, getOperatorName);
}
