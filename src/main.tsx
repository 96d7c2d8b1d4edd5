import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { preloadPage } from './app/routes.tsx';
import './app/styles/tokens.css';
import './app/styles/base.css';

/** How long the first render waits for its page's chunk before showing the shell with a loading note instead. */
const PRELOAD_WAIT_MS = 1000;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first render waits for the page's chunk, so the page and its requests start without a Suspense fallback
// (see lazy-page.ts). A failed or slow chunk is left to the route's own Suspense and error boundary.
const pageLoaded = preloadPage(window.location.pathname).catch(() => undefined);
const waited = new Promise((resolve) => setTimeout(resolve, PRELOAD_WAIT_MS));
void Promise.race([pageLoaded, waited]).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
