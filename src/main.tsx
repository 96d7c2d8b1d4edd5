import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { clusterLocation, fetchConsoleClusters, targetCluster } from './api/console-clusters.ts';
import { App } from './app/app.tsx';
import { preloadPage } from './app/routes.tsx';
import { ClusterRoot } from './features/clusters/cluster-root.tsx';
import './app/styles/tokens.css';
import './app/styles/base.css';

/** How long the first render waits for its page's chunk before showing the shell with a loading note instead. */
const PRELOAD_WAIT_MS = 1000;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render waits for the page's chunk, so the page and its requests start without a Suspense fallback
// (see lazy-page.ts). A failed or slow chunk is left to the route's own Suspense and error boundary.
// With several clusters the view's path follows /c/NAME; its chunk loads while the server lists the clusters.
const { pathname } = window.location;
const pageLoaded = preloadPage(pathname.replace(/^\/c\/[^/]+/, '')).catch(() => undefined);
const waited = new Promise((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS));
void fetchConsoleClusters().then(async (clusters) => {
  const place = clusters.length ? clusterLocation(pathname, clusters) : null;
  // Before the first request: every Druid call of this page goes to that cluster, with its credentials.
  if (place?.kind === 'cluster') targetCluster(place.cluster.name);
  await Promise.race([pageLoaded, waited]);
  createRoot(root).render(
    <StrictMode>
      <ClusterRoot clusters={clusters} place={place}>
        <App />
      </ClusterRoot>
    </StrictMode>,
  );
});
