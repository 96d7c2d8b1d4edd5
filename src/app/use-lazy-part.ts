import { useEffect, useState } from 'react';
import { toast } from '../components/toast.ts';
import type { LazyPage } from './lazy-page.ts';

/**
 * Loads a part of the shell that the first paint does not need (a header dialog, the rule-change indicator) once it
 * is `wanted`, and says when it may render: only then, so it renders without suspending (see lazy-page.ts), and it
 * stays mounted afterwards, as it did when it was in the entry chunk. The shell has no error boundary of its own: a
 * chunk that fails leaves the header as it was, says why in a toast, and `onFailed` un-wants it so the next open (or
 * whatever the caller chooses) loads again.
 */
export function useLazyPart(
  part: Pick<LazyPage<never>, 'preload'>,
  name: string,
  wanted: boolean,
  onFailed: () => void,
): boolean {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    if (!wanted || loaded) return;
    let current = true;
    part.preload().then(
      () => {
        if (current) setLoaded(true);
      },
      (error: unknown) => {
        if (!current) return;
        toast.error(`${name} could not be loaded`, { description: error instanceof Error ? error.message : undefined });
        onFailed();
      },
    );
    return () => {
      current = false;
    };
  }, [part, name, wanted, loaded, onFailed]);
  return loaded;
}
