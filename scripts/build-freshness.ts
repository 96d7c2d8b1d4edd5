import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** dist/ needs rebuilding when it is missing or any console source is newer than it. */
export function isBuildStale(root: string): boolean {
  const builtIndex = join(root, 'dist', 'index.html');
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'].map((p) => join(root, p));
  return sources.some((source) => existsSync(source) && newestMtime(source) > builtAt);
}

/**
 * Builds the console into dist/. Always a production build: Vite takes NODE_ENV from the environment, and under
 * Vitest (NODE_ENV=test, e.g. `npm pack` from the package test) it bundled React's development build, whose
 * StrictMode mounts every effect twice — each row's request was sent, aborted and sent again.
 */
export function buildConsole(root: string, stdio: 'inherit' | ['ignore', 'inherit', 'inherit'] = 'inherit'): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio,
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
