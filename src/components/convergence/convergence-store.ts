import { useSyncExternalStore } from 'react';
import { type Observation, observe, startChange, type TrackedChange } from './convergence-model.ts';

/**
 * Rule changes being followed, outside any view so leaving the rules page keeps them; in sessionStorage so a reload
 * does too (a new tab starts empty: it did not save anything).
 */
const STORAGE_KEY = 'druid-console.converging-rule-changes';
const MAX_CHANGES = 10;
const listeners = new Set<() => void>();

function load(): TrackedChange[] {
  try {
    const parsed: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as TrackedChange[]) : [];
  } catch {
    return [];
  }
}

let changes: TrackedChange[] = typeof sessionStorage === 'undefined' ? [] : load();

function publish(next: TrackedChange[]): void {
  changes = next;
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: following still works for this page's life.
  }
  for (const listener of listeners) listener();
}

/** Called once a rule save succeeded; a newer save of the same datasource replaces the older one. */
export function trackRuleChange(dataSource: string, label: string, savedAt = Date.now()): void {
  const kept = changes.filter((change) => change.dataSource !== dataSource);
  publish([...kept, startChange(dataSource, label, savedAt)].slice(-MAX_CHANGES));
}

export function recordObservation(id: string, observation: Observation, settleMs: number): void {
  if (!changes.some((change) => change.id === id)) return;
  publish(changes.map((change) => (change.id === id ? observe(change, observation, settleMs) : change)));
}

export function forgetChange(id: string): void {
  publish(changes.filter((change) => change.id !== id));
}

export function forgetFinishedChanges(): void {
  publish(changes.filter((change) => change.finishedAt === null));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTrackedChanges(): readonly TrackedChange[] {
  return useSyncExternalStore(subscribe, () => changes);
}

/** Tests start from nothing. */
export function resetTrackedChanges(): void {
  publish([]);
}
