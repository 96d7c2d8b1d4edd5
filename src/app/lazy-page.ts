import { type ComponentType, createElement, lazy, useState } from 'react';

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
export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): LazyPage<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (page) => {
        loaded = page;
        return page;
      },
      (error: unknown) => {
        loading = undefined; // a later navigation tries again
        throw error;
      },
    );
    return loading;
  };
  const Suspending = lazy(() => preload().then((page) => ({ default: page })));
  function Page(props: P) {
    // Pinned per mount: switching from the lazy wrapper to the loaded page would remount it and lose its state.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Suspending);
    return createElement(Component, props);
  }
  return Object.assign(Page, { preload });
}
