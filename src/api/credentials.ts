import { resetWritePermissions } from './write-permissions.ts';

/**
 * Basic-auth credentials for a secured cluster. Kept in memory and sessionStorage only (never localStorage, URLs
 * or logs), so closing the tab signs the operator out.
 */
export interface Credentials {
  username: string;
  password: string;
}

const STORAGE_KEY = 'druid-console.credentials';
let current: Credentials | null = readStored();
/** Counts sign-ins and sign-outs, so a request can tell whether it was sent with the credentials in use now. */
let generation = 0;
const listeners = new Set<() => void>();

function readStored(): Credentials | null {
  try {
    const raw = globalThis.sessionStorage?.getItem(STORAGE_KEY);
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
  return current;
}

export function credentialsGeneration(): number {
  return generation;
}

export function setCredentials(next: Credentials | null): void {
  current = next;
  generation++;
  // Another user may write where this one could not.
  resetWritePermissions();
  try {
    if (next) globalThis.sessionStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
    else globalThis.sessionStorage?.removeItem(STORAGE_KEY);
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
