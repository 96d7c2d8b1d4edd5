import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConsole, isBuildStale } from '../scripts/build-freshness.ts';
import { runCli } from './cli.ts';

/**
 * `npm start` in a clone: the server from its TypeScript sources (tsx), and the console built first when dist/ is
 * missing or older than src/. The installed package starts from bin/druid-data-console.js instead, which builds
 * nothing.
 */
const ROOT = new URL('..', import.meta.url).pathname;

function ensureBuilt(): void {
  if (process.env.DRUID_CONSOLE_SKIP_BUILD === '1' || !isBuildStale(ROOT)) return;
  console.log('Building the console (dist/ is missing or older than the sources)…');
  buildConsole(ROOT);
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  version,
  distDir: join(ROOT, 'dist'),
  beforeStart: ensureBuilt,
});
