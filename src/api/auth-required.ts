/**
 * Raised whenever Druid answers 401, from any query or mutation, so the shell can ask the operator to sign in once
 * instead of every view handling it.
 */
let required = false;
const listeners = new Set<() => void>();

export function isAuthRequired(): boolean {
  return required;
}

export function setAuthRequired(next: boolean): void {
  if (required === next) return;
  required = next;
  for (const listener of listeners) listener();
}

export function subscribeAuthRequired(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
