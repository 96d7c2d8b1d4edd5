import { type ComponentType, createElement, lazy, useState } from 'react';
import { type ChunkRecoveryEnvironment, loadChunk } from './chunk-recovery.ts';
import { browserChunkRecovery } from './chunk-recovery-browser.ts';

// Pages whose chunk failed, each with a way to give new mounts a fresh React.lazy (which keeps a rejection for good).
const failedPages = new Set<() => void>();

/**
 * Lets the pages whose chunk failed load again on their next mount. Called when the view's error boundary resets
 * ("Try again", navigation), not on the failure itself: React re-renders a mount that never committed from scratch,
 * so a fresh lazy handed out right away would load again and again instead of ever showing the error.
 */
export function retryFailedPages(): void {
  for (const renew of failedPages) renew();
  failedPages.clear();
}

export interface LazyPage<P extends object> {
  (props: P): ReturnType<typeof createElement>;
  /** Starts loading the page's chunk; resolves once it is loaded. */
  preload: () => Promise<unknown>;
}

/**
 * A page in a chunk of its own that renders without suspending once its chunk is loaded. React.lazy suspends on its
 * first render even when the chunk is already there, and React holds back a Suspense reveal until 300 ms after the
 * fallback appeared: on a first load that delayed the view, and every request it makes, by about 300 ms.
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  recovery: ChunkRecoveryEnvironment = browserChunkRecovery,
): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= loadChunk(load, recovery).then(
      (page) => {
        loaded = page;
        return page;
      },
      (error: unknown) => {
        loading = undefined; // an explicit preload tries again at once
        failedPages.add(() => {
          suspending = suspendingPage();
        });
        throw error;
      },
    );
    return loading;
  };
  const suspendingPage = () => lazy(() => preload().then((page) => ({ default: page })));
  let suspending = suspendingPage();
  function Page(props: P) {
    // Pinned per mount: switching from the lazy wrapper to the loaded page would remount it and lose its state.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? suspending);
    return createElement(Component, props);
  }
  return Object.assign(Page, { preload });
}
