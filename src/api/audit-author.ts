/**
 * Who a change is recorded as in Druid's audit log (`X-Druid-Author`): the signed-in Druid user when there is one,
 * else the operator's name set once in this browser (Druid's own console hard-codes "console").
 * The name lives in localStorage: it is not a secret, and it should survive closing the tab.
 */
import { getCredentials } from './credentials.ts';

const STORAGE_KEY = 'druid-console.operator-name';
const listeners = new Set<() => void>();
let current: string | null = readStored();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function readStored(): string | null {
  try {
    const value = storage()?.getItem(STORAGE_KEY);
    return value?.trim() ? value.trim() : null;
  } catch {
    return null;
  }
}

export function getOperatorName(): string | null {
  return current;
}

/** Stores the trimmed name; empty or null forgets it. */
export function setOperatorName(name: string | null): void {
  const next = name?.trim() ? name.trim() : null;
  current = next;
  try {
    if (next) storage()?.setItem(STORAGE_KEY, next);
    else storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Memory-only when storage is unavailable or full.
  }
  for (const listener of listeners) listener();
}

export function subscribeOperatorName(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Re-reads storage, e.g. after another tab changed the name (the `storage` event). */
export function reloadOperatorName(): void {
  const stored = readStored();
  if (stored === current) return;
  current = stored;
  for (const listener of listeners) listener();
}

export type AuditAuthor = { name: string; source: 'druid-user' | 'operator' };

/** The author a save would record now, or null when the operator must still say who they are. */
export function resolveAuditAuthor(): AuditAuthor | null {
  const user = getCredentials()?.username.trim();
  if (user) return { name: user, source: 'druid-user' };
  const operator = getOperatorName();
  return operator ? { name: operator, source: 'operator' } : null;
}

/**
 * Why `text` cannot travel in an HTTP header, or null. Browsers refuse header values outside ISO-8859-1 and line
 * breaks; sending them mangled would put wrong text in the audit log, so the form rejects them instead.
 */
export function headerValueProblem(text: string): string | null {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 10 || code === 13) return 'Line breaks cannot be sent; write it on one line.';
    if (code < 32 && code !== 9) return 'Control characters cannot be sent.';
    if (code > 255)
      return `"${char}" cannot be sent: Druid receives the author and comment as HTTP headers, which only carry Latin-1 characters.`;
  }
  return null;
}

/** The audit headers of a rules POST. */
export function auditHeaders(author: string, comment: string): Record<string, string> {
  return { 'X-Druid-Author': author, 'X-Druid-Comment': comment };
}
