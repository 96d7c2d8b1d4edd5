import type { ChunkRecoveryEnvironment } from './chunk-recovery.ts';

const entryScript = (doc: Document) =>
  doc.querySelector<HTMLScriptElement>('script[type="module"][src]')?.getAttribute('src') ?? null;

// Stylesheet links whose request failed. A failed <link> never loads again and Vite's preload never asks twice, so
// they are replaced by fresh links before a retry. The listener captures because a link's error does not bubble.
const failedStylesheets = new Set<HTMLLinkElement>();
if (typeof document !== 'undefined') {
  document.addEventListener(
    'error',
    (event) => {
      if (event.target instanceof HTMLLinkElement && event.target.rel === 'stylesheet') {
        failedStylesheets.add(event.target);
      }
    },
    true,
  );
}

function refetchStylesheet(failed: HTMLLinkElement): Promise<void> {
  const fresh = failed.cloneNode() as HTMLLinkElement;
  const loaded = new Promise<void>((resolve, reject) => {
    fresh.addEventListener('load', () => resolve());
    fresh.addEventListener('error', () => reject(new Error(`Unable to load the stylesheet ${failed.href}`)));
  });
  failed.replaceWith(fresh);
  return loaded;
}

export const browserChunkRecovery: ChunkRecoveryEnvironment = {
  runningBuild: () => entryScript(document),
  deployedBuild: async () => {
    const response = await fetch(import.meta.env.BASE_URL, { cache: 'no-store', headers: { Accept: 'text/html' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return entryScript(new DOMParser().parseFromString(await response.text(), 'text/html'));
  },
  refetchFailedStylesheets: async () => {
    const failed = [...failedStylesheets];
    failedStylesheets.clear();
    await Promise.all(failed.map(refetchStylesheet));
  },
  get storage() {
    return sessionStorage;
  },
  reload: () => window.location.reload(),
};
