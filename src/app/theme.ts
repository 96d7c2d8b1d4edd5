import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'druid-console.theme';

function readChoice(): ThemeChoice {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

function apply(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

// One choice for the whole page: the toggle sets it, the page's tokens and the toasts (their own styles) follow it.
let current = readChoice();
if (typeof document !== 'undefined') apply(current);
const listeners = new Set<() => void>();
const getChoice = () => current;

export function setThemeChoice(next: ThemeChoice): void {
  if (next === 'system') localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, next);
  current = next;
  apply(next);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** System preference by default; an explicit choice is remembered and wins. */
export function useTheme(): [ThemeChoice, (next: ThemeChoice) => void] {
  return [useSyncExternalStore(subscribe, getChoice), setThemeChoice];
}
