import { clientTarget } from './client-target.ts';
import { resetWritePermissions } from './write-permissions.ts';

/**
 * Basic-auth credentials for a secured cluster. Kept in memory and sessionStorage only (never localStorage, URLs
 * or logs), so closing the tab signs the operator out. With several clusters each has its own, keyed by name:
 * signing in to one never sends those credentials to another.
 */
export interface Credentials {
  username: string;
  password: string;
}

const STORAGE_KEY = 'druid-console.credentials';
/** Per storage key, once read: the same object until it changes, as useSyncExternalStore needs. */
const known = new Map<string, Credentials | null>();
/** Counts sign-ins and sign-outs, so a request can tell whether it was sent with the credentials in use now. */
let generation = 0;
const listeners = new Set<() => void>();

/** The one cluster keeps the key of old; a named cluster's credentials get their own. */
function storageKey(cluster = clientTarget().cluster): string {
  return cluster === null ? STORAGE_KEY : `${STORAGE_KEY}.${cluster}`;
}

function readStored(key: string): Credentials | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'username' in parsed && 'password' in parsed) {
      const { username, password } = parsed;
      if (typeof username === 'string' && typeof password === 'string') return { username, password };
    }
  } catch {
    // Storage disabled or corrupted: behave as signed out.
  }
  return null;
}

export function getCredentials(): Credentials | null {
  return getCredentialsOf(clientTarget().cluster);
}

/** Another named cluster's credentials, for reading from it (comparing rules); never sent anywhere else. */
export function getCredentialsOf(cluster: string | null): Credentials | null {
  const key = storageKey(cluster);
  if (!known.has(key)) known.set(key, readStored(key));
  return known.get(key) ?? null;
}

export function credentialsGeneration(): number {
  return generation;
}

export function setCredentials(next: Credentials | null): void {
  const key = storageKey();
  known.set(key, next);
  generation++;
  // Another user may write where this one could not.
  resetWritePermissions();
  try {
    if (next) globalThis.sessionStorage?.setItem(key, JSON.stringify(next));
    else globalThis.sessionStorage?.removeItem(key);
  } catch {
    // Memory-only when storage is unavailable.
  }
  for (const listener of listeners) listener();
}

export function subscribeCredentials(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authorizationHeader(credentials: Credentials | null): string | null {
  if (!credentials) return null;
  const bytes = new TextEncoder().encode(`${credentials.username}:${credentials.password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}
