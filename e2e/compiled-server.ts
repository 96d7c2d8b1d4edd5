import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

/**
 * The e2e run starts ~70 local clusters. From the TypeScript sources through tsx each start costs ~1.7 s of CPU, of
 * which ~1 s is tsx compiling and resolving; compiled once by the global setup (tsc, ~1 s) a start costs ~0.7 s. The
 * build sits under node_modules/, so the server's packages resolve as in the repository, and away from dist-server/,
 * which the package test's `npm pack` empties and rebuilds while other tests run.
 */
export const COMPILED_SERVER_DIR = join(ROOT, 'node_modules', '.cache', 'druid-console-e2e', 'server');

/** Compiles server/cli.ts and what it imports, as the package's build does, into COMPILED_SERVER_DIR. */
export function compileServer(): void {
  rmSync(COMPILED_SERVER_DIR, { recursive: true, force: true });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.server-build.json', '--outDir', COMPILED_SERVER_DIR], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
