import { useSyncExternalStore } from 'react';
import { isAuthRequired, subscribeAuthRequired } from '../../api/auth-required.ts';
import { type Credentials, getCredentials, subscribeCredentials } from '../../api/credentials.ts';

export function useCredentials(): Credentials | null {
  return useSyncExternalStore(subscribeCredentials, getCredentials);
}

export function useAuthRequired(): boolean {
  return useSyncExternalStore(subscribeAuthRequired, isAuthRequired);
}
