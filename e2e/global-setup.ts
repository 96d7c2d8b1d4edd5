import { buildConsole, isBuildStale } from '../scripts/build-freshness.ts';
import { COMPILED_SERVER_DIR, compileServer } from './compiled-server.ts';
import { ensureChromium } from './find-chromium.ts';

const ROOT = new URL('..', import.meta.url).pathname;

/** Once per run: a Chromium to drive, a production build for the local cluster to serve, the server compiled. */
export default async function globalSetup(): Promise<void> {
  const chromiumPath = await ensureChromium();
  console.log(`e2e: Chromium at ${chromiumPath}`);
  if (isBuildStale(ROOT)) {
    console.log('e2e: building the console (dist/ is missing or older than src/)…');
    buildConsole(ROOT);
  }
  compileServer();
  // Playwright's workers inherit the setup's environment.
  process.env.E2E_COMPILED_SERVER = COMPILED_SERVER_DIR;
}
