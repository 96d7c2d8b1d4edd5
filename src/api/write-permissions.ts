import { useSyncExternalStore } from 'react';

/**
 * Datasources Druid refused a write on (403) in this session. Druid has no "may I write?" endpoint, so the console
 * learns from the first refusal and disables the write actions of that datasource instead of failing again.
 */
const readOnly = new Set<string>();
const listeners = new Set<() => void>();
let version = 0;

/** The datasource a Druid path writes to: the segment after `datasources` or `rules` (so `_default` counts). */
export function writeTarget(path: string): string | null {
  const parts = path.split('?')[0]?.split('/') ?? [];
  for (const marker of ['datasources', 'rules']) {
    const index = parts.indexOf(marker);
    const name = index >= 0 ? parts[index + 1] : undefined;
    if (name && name !== 'history') return decodeURIComponent(name);
  }
  return null;
}

export function forbiddenWriteMessage(path: string, detail: string): string {
  const target = writeTarget(path);
  const what = target === null ? 'this' : target === '_default' ? 'the cluster default rules' : target;
  return `You may read but not change ${what}: Druid refused the change (${detail}).`;
}

export function markReadOnly(dataSource: string): void {
  if (readOnly.has(dataSource)) return;
  readOnly.add(dataSource);
  version++;
  for (const listener of listeners) listener();
}

/** Forget everything learned, e.g. after signing in as someone else. */
export function resetWritePermissions(): void {
  readOnly.clear();
  version++;
  for (const listener of listeners) listener();
}

export function canWrite(dataSource: string): boolean {
  return !readOnly.has(dataSource);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** False once Druid has refused a write on `dataSource` in this session. */
export function useCanWrite(dataSource: string): boolean {
  useSyncExternalStore(subscribe, () => version);
  return canWrite(dataSource);
}
